using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

/// <summary>
/// Turns a failed call's <see cref="RpcException"/> into the typed exception: the desk's <see cref="W.Failure"/> from the
/// status details (google.rpc.Status in the grpc-status-details-bin trailer) when there is one, else the status code.
/// </summary>
internal static class DeskFailures
{
    public static DeskCallException From(RpcException e)
    {
        var code = e.StatusCode;
        var failure = ReadFailure(e);
        // PERMISSION_DENIED is about the caller's token, whatever failure the desk put in the details (the front sends
        // an InvalidRequest naming what the token may not do): the code decides, and the failure stays readable.
        if (code == StatusCode.PermissionDenied)
            return new PermissionDeniedException(code, string.IsNullOrEmpty(e.Status.Detail) ? code.ToString() : e.Status.Detail, e, failure);
        if (failure is not null)
        {
            switch (failure.KindCase)
            {
                case W.Failure.KindOneofCase.RiskDenied:
                    return new RiskDeniedException(code, failure.RiskDenied.Rule, failure.RiskDenied.Detail, failure, e);
                case W.Failure.KindOneofCase.InvalidRequest:
                    return new InvalidRequestException(code, failure.InvalidRequest.Problem, failure, e);
                case W.Failure.KindOneofCase.GatewayError:
                    return new GatewayErrorException(code, failure.GatewayError.Code, failure.GatewayError.Message, failure, e);
                case W.Failure.KindOneofCase.ConnectionLost:
                    return new ConnectionLostException(code, failure.ConnectionLost.Detail, failure, e);
                case W.Failure.KindOneofCase.RequestTimedOut:
                    var after = TimeSpan.FromTicks(failure.RequestTimedOut.AfterTicks);
                    return new TimedOutException(code, $"no answer after {after}", after, failure, e);
                case W.Failure.KindOneofCase.JournalUnavailable:
                    return new JournalUnavailableException(code, failure.JournalUnavailable.Detail, failure, e);
                case W.Failure.KindOneofCase.RequestCancelled:
                    return new DeskCallException(code, DeskFailureKind.RequestCancelled, failure.RequestCancelled.Detail, failure, e);
                case W.Failure.KindOneofCase.StrategyIdInUse:
                    var inUse = failure.StrategyIdInUse;
                    return new DeskCallException(code, DeskFailureKind.StrategyIdInUse, $"strategy {inUse.Strategy} is held by {inUse.Holder}", failure, e);
                case W.Failure.KindOneofCase.ReportNotAvailable: // Fundamentals
                    return new ReportNotAvailableException(code, failure.ReportNotAvailable, failure, e);
                case W.Failure.KindOneofCase.OptionChainTimedOut: // Options
                    var chain = failure.OptionChainTimedOut;
                    var chainAfter = TimeSpan.FromTicks(chain.AfterTicks);
                    return new TimedOutException(code, $"the option chain was not complete after {chainAfter}: {chain.Answered} of its {chain.Parts} requests had answered", chainAfter, failure, e);
                case W.Failure.KindOneofCase.ScannerLimitReached: // Scanners: the desk's words are the status detail
                    return new DeskCallException(code, DeskFailureKind.ScannerLimitReached, string.IsNullOrEmpty(e.Status.Detail) ? code.ToString() : e.Status.Detail, failure, e);
            }
        }

        // No failure of the desk's (a status from the transport, a proxy, the desk's authentication): the code decides.
        var detail = string.IsNullOrEmpty(e.Status.Detail) ? code.ToString() : e.Status.Detail;
        return code switch
        {
            StatusCode.Unauthenticated => new UnauthenticatedException(code, detail, e),
            StatusCode.PermissionDenied => new PermissionDeniedException(code, detail, e),
            StatusCode.InvalidArgument => new InvalidRequestException(code, detail, null, e),
            StatusCode.DeadlineExceeded => new TimedOutException(code, detail, null, null, e),
            StatusCode.Unavailable => new DeskUnavailableException(code, detail, e),
            StatusCode.Cancelled => new DeskCallException(code, DeskFailureKind.RequestCancelled, detail, null, e),
            _ => new DeskCallException(code, DeskFailureKind.Other, detail, null, e),
        };
    }

    // A details payload this client cannot read (or a Failure case it does not know, whose KindCase is None) is treated
    // as no details: the status code still gives a typed exception.
    private static W.Failure? ReadFailure(RpcException e)
    {
        try
        {
            var status = e.GetRpcStatus();
            var failure = status?.GetDetail<W.Failure>();
            return failure is { KindCase: not W.Failure.KindOneofCase.None } ? failure : null;
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
