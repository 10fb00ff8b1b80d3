using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TradingDesk.Grpc.Access;

/// <summary>
/// Checks every call of the desk's service before its handler runs: a known bearer token (UNAUTHENTICATED otherwise)
/// and, for the trading RPCs, trading access (PERMISSION_DENIED for a read-only client). A refused call never reaches
/// the desk; the caller it accepts is attached to the call for the handlers.
/// </summary>
internal sealed class AccessInterceptor(ClientDirectory clients, RejectionLog rejections) : Interceptor
{
    private static readonly HashSet<string> TradingMethods = new(StringComparer.Ordinal)
    {
        "/tradingdesk.v1.TradingDesk/PlaceOrder",
        "/tradingdesk.v1.TradingDesk/PlaceBracket",
        "/tradingdesk.v1.TradingDesk/ModifyOrder",
        "/tradingdesk.v1.TradingDesk/CancelOrder",
        // Session and FA: these change the gateway's state, not the caller's view of it
        "/tradingdesk.v1.TradingDesk/SetServerLogLevel",
        "/tradingdesk.v1.TradingDesk/ReplaceFaConfiguration",
        "/tradingdesk.v1.TradingDesk/ExerciseOptions",
        "/tradingdesk.v1.TradingDesk/UpdateGatewayConfig",
        "/tradingdesk.v1.TradingDesk/UpdateDisplayGroup",
        // Desk-wide: the one gateway connection's market data type, so every other client's later lines too
        "/tradingdesk.v1.TradingDesk/SetMarketDataType",
    };

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw Refuse(context, StatusCode.Unauthenticated, "no bearer token (metadata 'authorization: Bearer <token>')");
        var caller = clients.Find(header["Bearer ".Length..].Trim());
        if (caller is null) throw Refuse(context, StatusCode.Unauthenticated, "unknown token");
        if (caller.Client.Access != GrpcAccess.Trading && TradingMethods.Contains(context.Method))
            throw Refuse(context, StatusCode.PermissionDenied, $"client '{caller.Client.Name}' has read-only access and may not trade");
        caller.AttachTo(context);
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string reason)
    {
        rejections.Refused(context.Peer, reason, context.Method);
        return code == StatusCode.PermissionDenied ? Mapping.CallFailures.Denied(reason) : Mapping.CallFailures.Unauthenticated(reason);
    }
}
