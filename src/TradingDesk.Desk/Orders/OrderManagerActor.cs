using TradingDesk.Actors;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// PLACEHOLDER (engineer A's branch): engineer B's real order manager replaces this file at merge, with the same
/// <see cref="Props"/> signature. Until then every order command fails with InvalidRequest("order manager not built").
/// </summary>
public sealed class OrderManagerActor : ReceiveActor
{
    public OrderManagerActor(IActorRef pacer, OrderManagerOptions options)
    {
        Receive<IOrderCommand>(command => Sender.Tell(new RequestFailed(command, new InvalidRequest("order manager not built"))));
        Receive<Gateway.GatewayMessages.Inbound>(_ => { });
    }

    public static Props Props(IActorRef pacer, OrderManagerOptions options) =>
        Actors.Props.Create(() => new OrderManagerActor(pacer, options));
}
