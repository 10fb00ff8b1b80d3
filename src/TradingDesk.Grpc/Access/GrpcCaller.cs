using Akka.Actor;
using Grpc.Core;
using Status = Grpc.Core.Status;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Grpc.Access;

/// <summary>Who is calling, as the access interceptor found it from the call's token; handlers read it from the call.</summary>
internal sealed record GrpcCaller(GrpcClientOptions Client, StrategyId Strategy, IActorRef Session)
{
    private const string Key = "tradingdesk.caller";

    public void AttachTo(ServerCallContext context) => context.UserState[Key] = this;

    /// <summary>The caller of an authenticated call; every handler of the service runs behind the interceptor.</summary>
    public static GrpcCaller Of(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) && caller is GrpcCaller c
            ? c
            : throw CallerMissing();

    private static RpcException CallerMissing() => new(new Status(StatusCode.Unauthenticated, "the call carries no authenticated caller"));
}
