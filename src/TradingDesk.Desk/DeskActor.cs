using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Routing;

namespace TradingDesk.Desk;

/// <summary>
/// The desk's façade and front door: the one actor strategies talk to. Creates the pacer, the order manager, the
/// router and the connection, each given the references it needs at creation (no EventStream wiring between them, so
/// two desks in one actor system never drive each other). Forwards every <see cref="IOrderCommand"/> to the order
/// manager (a placement or modification with a price to round to the contract's market rule through <see cref="MarketRuleBookActor"/>), <see cref="PacerMessages.GetStatus"/> to the pacer, <see cref="ConnectionMessages.GetState"/> and
/// <see cref="ConnectionMessages.Connect"/> to the connection and every other <see cref="IDeskCommand"/> to the router,
/// keeping the original sender (replies and stream items go straight to the strategy). A
/// <see cref="SubscriptionMessages.Resubscribe"/> of order updates goes to the order manager as the
/// <see cref="OrderCommands.SubscribeOrderUpdates"/> it carries.
/// Anything that is not an <see cref="IDeskCommand"/> (gateway traffic, connection events, internal messages) is
/// dead-lettered: from outside the desk it could only be a forgery (a fake fill, a fake reconnect). Each such message
/// type is logged once, so a misbehaving sender cannot flood the log.
/// </summary>
public sealed class DeskActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<Type> _refusedTypes = [];

    public DeskActor(DeskOptions options)
    {
        options.Validate();
        // Creation order follows the references: the pacer needs none (it writes to the connection that tells it
        // Connected), the order manager needs the pacer, the router both, and the connection the router (for inbound
        // messages) and everyone it tells its state changes to.
        var routes = new RouteTable();
        var pacer = Context.ActorOf(PacerActor.Props(options), "pacer");
        // The order manager tells its own orders from other clients' by client id: it must be the connection's.
        var orders = Context.ActorOf(OrderManagerSupervisor.Props(pacer, options.Orders with { ClientId = options.ClientId }), "orders");
        var router = Context.ActorOf(RouterActor.Props(options, pacer, orders, routes), "router");
        // Placements and modifications with a price to round pass the market-rule book first: it asks the order
        // manager for a modified order's contract and the router for the rule, and forwards the rounded command to the
        // order manager; it hears the connection's events to drop its cache on a reconnect.
        var roundingDefault = options.Orders.DefaultPriceRounding;
        var rules = Context.ActorOf(MarketRuleBookActor.Props(router, orders, roundingDefault), "market-rules");
        var connection = Context.ActorOf(ConnectionActor.Props(options, router, routes, [router, pacer, orders, rules]), "connection");

        Receive<IOrderCommand>(command =>
        {
            if (PriceRoundingPlan.NeedsRule(command, roundingDefault)) rules.Forward(command);
            else orders.Forward(command);
        });
        Receive<PacerMessages.GetStatus>(query => pacer.Forward(query));
        Receive<ConnectionMessages.GetState>(query => connection.Forward(query));
        Receive<ConnectionMessages.Connect>(command => connection.Forward(command));
        // Order-update subscriptions live in the order manager, which gives each a new id: the strategy hears
        // Subscribed with that id and its base class replaces the one it held.
        Receive<SubscriptionMessages.Resubscribe>(r => r.Request is OrderCommands.SubscribeOrderUpdates,
            r => orders.Tell(r.Request, Sender));
        Receive<IDeskCommand>(command => router.Forward(command));
        ReceiveAny(Refuse);
    }

    public static Props Props(DeskOptions options) => Akka.Actor.Props.Create(() => new DeskActor(options));

    private void Refuse(object message)
    {
        if (_refusedTypes.Add(message.GetType()))
            _log.Warning("desk: refused a {0} from {1}: only desk commands (IDeskCommand) are accepted; further {2} messages are dead-lettered without a log line",
                message.GetType().Name, Sender.Path, message.GetType().Name);
        Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self));
    }
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
