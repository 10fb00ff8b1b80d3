using TradingDesk.Actors;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Routing;

namespace TradingDesk.Desk;

/// <summary>
/// The desk's façade: the one actor strategies talk to. Creates the router, the pacer, the connection and the order
/// manager; forwards every <see cref="IOrderCommand"/> to the order manager and everything else to the router,
/// keeping the original sender (replies and stream items go straight to the strategy).
/// <see cref="PacerMessages.GetStatus"/> goes to the pacer and <see cref="ConnectionMessages.GetState"/> to the connection.
/// </summary>
public sealed class DeskActor : ReceiveActor
{
    public DeskActor(DeskOptions options)
    {
        options.Validate();
        // Creation order: the connection needs the router, the pacer the connection, the router the pacer (told below,
        // before any strategy message can reach the router through this actor).
        var routes = new RouteTable();
        var router = Context.ActorOf(RouterActor.Props(options, routes), "router");
        var connection = Context.ActorOf(ConnectionActor.Props(options, router, routes), "connection");
        var pacer = Context.ActorOf(PacerActor.Props(connection, options), "pacer");
        // The order manager tells its own orders from other clients' by client id: it must be the connection's.
        var orders = Context.ActorOf(OrderManagerActor.Props(pacer, options.Orders with { ClientId = options.ClientId }), "orders");
        router.Tell(new RouterActor.SetCollaborators(pacer, orders, connection));

        Receive<IOrderCommand>(command => orders.Forward(command));
        Receive<PacerMessages.GetStatus>(query => pacer.Forward(query));
        Receive<ConnectionMessages.GetState>(query => connection.Forward(query));
        Receive<ConnectionMessages.Connect>(command => connection.Forward(command));
        ReceiveAny(message => router.Forward(message));
    }

    public static Props Props(DeskOptions options) => Actors.Props.Create(() => new DeskActor(options));
}

/// <summary>Starts a desk in an actor system.</summary>
public static class DeskSystem
{
    /// <summary>Validates <paramref name="options"/> (throws ArgumentException saying what to change) and starts the desk actor.</summary>
    public static IActorRef Start(ActorSystem system, DeskOptions options, string name = "desk")
    {
        options.Validate();
        return system.ActorOf(DeskActor.Props(options), name);
    }
}
