using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TradingDesk.Cluster.Serialization;
using TradingDesk.Desk.Messages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Mapping;

/// <summary>
/// The desk's typed failures as gRPC statuses (proto/desk/service.proto): the status code says what kind of failure,
/// and the details (google.rpc.Status.details) hold the failure itself as a <c>tradingdesk.v1.Failure</c>.
/// </summary>
internal static class CallFailures
{
    // Gateway codes that mean the request itself was wrong: no security definition, invalid value, bad request.
    private static readonly HashSet<int> BadRequestCodes = [200, 320, 321, 322, 10168];
    // Gateway codes that mean the gateway is not connected to IB or to the desk.
    private static readonly HashSet<int> UnavailableCodes = [502, 504, 1100];

    public static RpcException From(DeskFailure failure) => Build(CodeFor(failure), failure.Reason, SubscriptionWire.ToWire(failure));

    public static StatusCode CodeFor(DeskFailure failure) => failure switch
    {
        InvalidRequest i when IsOwnership(i.Problem) => StatusCode.PermissionDenied,
        InvalidRequest => StatusCode.InvalidArgument,
        RiskDenied or JournalUnavailable or StrategyIdInUse => StatusCode.FailedPrecondition,
        ConnectionLost => StatusCode.Unavailable,
        RequestTimedOut => StatusCode.DeadlineExceeded,
        RequestCancelled => StatusCode.Cancelled,
        GatewayError g when BadRequestCodes.Contains(g.Code) => StatusCode.InvalidArgument,
        GatewayError g when UnavailableCodes.Contains(g.Code) => StatusCode.Unavailable,
        GatewayError => StatusCode.FailedPrecondition,
        ReportNotAvailable => StatusCode.NotFound, // Fundamentals: the gateway holds no such report for the contract
        OptionChainTimedOut => StatusCode.DeadlineExceeded, // Options: the chain's overall deadline
        ScannerLimitReached => StatusCode.ResourceExhausted, // Scanners: every one of IB's scanner slots is taken
        _ => StatusCode.Unknown,
    };

    /// <summary>A malformed request (a field the contract does not allow): INVALID_ARGUMENT naming it.</summary>
    public static RpcException Invalid(string problem) =>
        Build(StatusCode.InvalidArgument, problem, new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = problem } });

    /// <summary>A caller asking for what its identity does not allow.</summary>
    public static RpcException Denied(string problem) =>
        Build(StatusCode.PermissionDenied, problem, new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = problem } });

    /// <summary>No answer within the call's deadline (or the front's default).</summary>
    public static RpcException TimedOut(TimeSpan after) =>
        From(new RequestTimedOut(after));

    /// <summary>A stream whose reader fell further behind than the front holds for it.</summary>
    public static RpcException ReaderTooSlow() =>
        new(new Status(StatusCode.ResourceExhausted, "the stream's reader fell too far behind (StreamBufferLimit); open it again"));

    public static RpcException Unauthenticated(string problem) => new(new Status(StatusCode.Unauthenticated, problem));

    // The desk's ownership rule (OrderBook.DecideModify) answers InvalidRequest with this wording; it is an access
    // refusal for a gRPC client, whose requests never choose their strategy.
    private static bool IsOwnership(string problem) => problem.Contains("only the owner may", StringComparison.Ordinal);

    private static RpcException Build(StatusCode code, string message, W.Failure failure) =>
        new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(failure) } }.ToRpcException();
}
