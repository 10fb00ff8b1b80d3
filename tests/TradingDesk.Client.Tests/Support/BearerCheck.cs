using Grpc.Core;
using Grpc.Core.Interceptors;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

/// <summary>The desk's authentication as the tests need it: records every authorization header and refuses all but
/// <c>Bearer good-token</c> and <c>Bearer read-only-token</c> with UNAUTHENTICATED and no details (as an authentication
/// layer in front of the desk would). The read-only token is refused the trading calls with PERMISSION_DENIED and an
/// InvalidRequest failure, as the desk's front answers them.</summary>
public sealed class BearerCheck(DeskScript script) : Interceptor
{
    // The front's trading calls: the ones that change the gateway's state rather than read it.
    private static readonly HashSet<string> TradingMethods = new(StringComparer.Ordinal)
    {
        "/tradingdesk.v1.TradingDesk/PlaceOrder",
        "/tradingdesk.v1.TradingDesk/PlaceBracket",
        "/tradingdesk.v1.TradingDesk/ModifyOrder",
        "/tradingdesk.v1.TradingDesk/CancelOrder",
        "/tradingdesk.v1.TradingDesk/SetServerLogLevel",
        "/tradingdesk.v1.TradingDesk/ReplaceFaConfiguration",
        "/tradingdesk.v1.TradingDesk/ExerciseOptions",
        "/tradingdesk.v1.TradingDesk/UpdateGatewayConfig",
        "/tradingdesk.v1.TradingDesk/UpdateDisplayGroup",
        "/tradingdesk.v1.TradingDesk/SetMarketDataType",
    };

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        script.Authorizations.Enqueue(header);
        if (header == "Bearer " + DeskScript.ReadOnlyToken)
        {
            if (!TradingMethods.Contains(context.Method)) return;
            const string problem = "client 'research' has read-only access and may not trade";
            throw new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.PermissionDenied, Message = problem,
                Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = problem } }) },
            }.ToRpcException();
        }
        if (header != "Bearer " + DeskScript.GoodToken) throw new RpcException(new Status(StatusCode.Unauthenticated, "unknown token"));
    }
}
