using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TradingDesk.Client.Tests.Support;

/// <summary>The desk's authentication as the tests need it: records every authorization header and refuses all but
/// <c>Bearer good-token</c> with UNAUTHENTICATED and no details (as an authentication layer in front of the desk would).</summary>
public sealed class BearerCheck(DeskScript script) : Interceptor
{
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
        if (header != "Bearer " + DeskScript.GoodToken) throw new RpcException(new Status(StatusCode.Unauthenticated, "unknown token"));
    }
}
