using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The desk's order manager: allocates order ids from nextValidId, gates orders through risk and the kill switch,
/// sends placeOrder / cancelOrder / reqGlobalCancel to the pacer, and routes openOrder, orderStatus, execDetails,
/// commission reports and order errors to the strategy that placed the order (and to subscribers of all updates).
/// Created by the DeskActor; receives strategy commands (<see cref="IOrderCommand"/>) forwarded by it, inbound order
/// messages forwarded by the router, and <see cref="ConnectionEvents"/> told by the desk's connection (created after
/// it, so none is missed).
/// <para>
/// States (Become): Offline --Connected--> Online (ids seeded; after a reconnect: reconcile; an active kill switch
/// re-sends reqGlobalCancel) --Disconnected/Reconnecting--> Offline (queries in flight fail with ConnectionLost).
/// Online --Connected--> Online (ids re-seeded, never backwards). Both states handle inbound messages, subscriptions
/// and commands; Offline refuses whatever would need the wire.
/// </para>
/// </summary>
public sealed partial class OrderManagerActor : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _pacer;
    private readonly OrderManagerOptions _options;
    private readonly ITimeProvider _time;
    private OrderBook _book;
    private readonly Dictionary<StrategyId, IActorRef> _strategies = [];
    private readonly Dictionary<SubscriptionId, IActorRef> _subscribers = [];
    private readonly Dictionary<OrderId, List<(OrderCommands.CancelOrder Command, IActorRef Asker)>> _pendingCancels = [];
    // Distinct from the router's subscription ids so a strategy can tell the two kinds apart.
    private long _nextSubscription = 1_900_000_000_000L;

    public OrderManagerActor(IActorRef pacer, OrderManagerOptions options)
    {
        _pacer = pacer;
        _options = options.Validated();
        _time = Context.System.Scheduler;
        _book = new OrderBook { ClientId = _options.ClientId };
        _nextExecutionRequestId = _options.FirstExecutionRequestId;
        Offline();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The contract with the DeskActor: exactly this signature.</summary>
    public static Props Props(IActorRef pacer, OrderManagerOptions options) =>
        Akka.Actor.Props.Create(() => new OrderManagerActor(pacer, options));

    private void Offline()
    {
        Receive<ConnectionEvents.Connected>(OnConnected);
        Receive<ConnectionEvents.StateChanged>(_ => { });
        Receive<OrderCommands.GetOpenOrders>(q => Sender.Tell(new RequestFailed(q, Offline("open orders"))));
        Receive<OrderCommands.GetCompletedOrders>(q => Sender.Tell(new RequestFailed(q, Offline("completed orders"))));
        Receive<OrderCommands.GetExecutions>(q => Sender.Tell(new RequestFailed(q, Offline("executions"))));
        Common();
    }

    private void Online()
    {
        Receive<ConnectionEvents.Connected>(OnConnected);
        Receive<ConnectionEvents.Disconnected>(d => GoOffline(d.Reason));
        Receive<ConnectionEvents.Reconnecting>(r => GoOffline(r.LastError));
        Receive<ConnectionEvents.StateChanged>(_ => { });
        Receive<OrderCommands.GetOpenOrders>(q => Enqueue(_openOrders, q, Sender));
        Receive<OrderCommands.GetCompletedOrders>(q => Enqueue(_completedOrders, q, Sender));
        Receive<OrderCommands.GetExecutions>(q => StartExecutions(q, Sender, q.Filter));
        Common();
    }

    private void Common()
    {
        Receive<GatewayMessages.Inbound>(OnInbound);
        Receive<OrderCommands.SubscribeOrderUpdates>(OnSubscribe);
        Receive<OrderCommands.UnsubscribeOrderUpdates>(OnUnsubscribe);
        Receive<OrderCommands.RegisterStrategy>(OnRegister);
        Receive<IOrderCommand>(OnCommand);
        Receive<Terminated>(OnTerminated);
        Receive<QueryTimedOut>(OnQueryTimedOut);
    }

    private static ConnectionLost Offline(string what) => new($"not connected to the gateway; cannot query {what}");

    private void OnConnected(ConnectionEvents.Connected c)
    {
        // Answers to requests sent on the previous connection will never come (normally already failed at Disconnected).
        if (c.IsReconnect) FailQueries(new ConnectionLost("the connection was re-established before the answer arrived"));
        OfferIds(c.NextValidId, "Connected");
        Apply(new BookEvent.ConnectivityChanged(true));
        Become(Online);
        _log.Info("Order manager online (reconnect: {0}); next order id {1}", c.IsReconnect, _book.NextId);
        if (_book.KillSwitch is not null) Send(new Tws.GlobalCancelRequest { OrderCancel = new Tws.OrderCancel() });
        if (c.IsReconnect && _options.ReconcileOnReconnect) StartReconciliation();
    }

    private void GoOffline(string reason)
    {
        Apply(new BookEvent.ConnectivityChanged(false));
        FailQueries(new ConnectionLost(reason));
        Become(Offline);
    }

    /// <summary>nextValidId, from Connected or a NextValidId message: never backwards (a gateway that lost state may offer less).</summary>
    private void OfferIds(int offered, string source)
    {
        if (_book.IdsSeeded && offered < _book.NextId)
            _log.Warning("{0}: the gateway's nextValidId {1} is below the next id this desk would use ({2}); keeping ours so no id is reused",
                source, offered, _book.NextId);
        Apply(new BookEvent.IdsOffered(offered));
    }

    private void OnCommand(IOrderCommand command)
    {
        var sender = Sender;
        var decision = _book.Decide(command, _options, order => IsOwner(order, sender, command));
        if (decision.Failure is { } failure)
        {
            _log.Info("{0} refused: {1}", command.GetType().Name, failure);
            sender.Tell(new RequestFailed(command, failure));
            return;
        }
        // Only an accepted placement binds its sender: a refused one must not capture the strategy's events.
        switch (command)
        {
            case OrderCommands.PlaceOrder p: Bind(p.Strategy, sender, replace: false); break;
            case OrderCommands.PlaceBracket b: Bind(b.Strategy, sender, replace: false); break;
            case OrderCommands.PlaceOca o: Bind(o.Strategy, sender, replace: false); break;
        }
        var placed = new List<OrderId>();
        var cancelled = new List<OrderId>();
        foreach (var e in decision.Events)
        {
            Apply(e);
            switch (e)
            {
                case BookEvent.OrderSubmitted s:
                    placed.Add(s.Order.Id);
                    Send(PlaceRequest(s.Order));
                    break;
                case BookEvent.CancelSubmitted c:
                    cancelled.Add(c.OrderId);
                    if (command is OrderCommands.CancelOrder co) TrackCancel(c.OrderId, co, sender);
                    else TrackCancel(c.OrderId, null, null);
                    Send(new Tws.CancelOrderRequest { OrderId = c.OrderId.Value, OrderCancel = new Tws.OrderCancel() });
                    break;
                case BookEvent.GlobalCancelSubmitted:
                    Send(new Tws.GlobalCancelRequest { OrderCancel = new Tws.OrderCancel() });
                    break;
            }
        }
        var now = _time.Now;
        object reply = command switch
        {
            OrderCommands.PlaceOrder => new OrderEvents.OrderAccepted(placed[0]),
            OrderCommands.PlaceBracket => new OrderEvents.BracketAccepted(placed[0], placed[1], placed[2]),
            OrderCommands.PlaceOca o => new OrderEvents.OcaAccepted(o.Group, placed),
            OrderCommands.ModifyOrder m => new OrderEvents.OrderModifySent(m.OrderId),
            OrderCommands.CancelOrder c => new OrderEvents.CancelSent(c.OrderId),
            OrderCommands.CancelStrategyOrders s => new OrderEvents.CancelsSent(s.Strategy, cancelled),
            OrderCommands.ActivateKillSwitch k => new OrderEvents.KillSwitchActivated(k.Reason, cancelled, now),
            OrderCommands.ReleaseKillSwitch => new OrderEvents.KillSwitchReleased(now),
            OrderCommands.SetRiskLimits s => new OrderEvents.RiskLimitsSet(s.Strategy),
            _ => new Status.Success(null),
        };
        if (reply is OrderEvents.KillSwitchActivated or OrderEvents.KillSwitchReleased)
        {
            _log.Warning("Kill switch: {0}", reply);
            Context.System.EventStream.Publish(reply);
        }
        sender.Tell(reply);
    }

    private void TrackCancel(OrderId id, OrderCommands.CancelOrder? command, IActorRef? asker)
    {
        if (!_pendingCancels.TryGetValue(id, out var list)) _pendingCancels[id] = list = [];
        if (command is not null && asker is not null) list.Add((command, asker));
    }

    private bool IsOwner(OrderRecord order, IActorRef sender, IOrderCommand command) =>
        order.Strategy is { } s &&
        ((_strategies.TryGetValue(s, out var owner) && owner.Equals(sender)) || (command is OrderCommands.ModifyOrder m && m.Strategy == s));

    /// <summary>
    /// Binds the strategy id to the sender: a restarted strategy (the same actor, or a new one once the old one died)
    /// takes over its orders. A different actor cannot take the id from a live one (it would receive that strategy's
    /// fills): refused with <see cref="StrategyIdInUse"/>. A binding ends when its actor terminates (DeathWatch); a holder
    /// at the same path (a later incarnation of the holder) takes over even before the old one's Terminated arrives, so a successor is never refused.
    /// </summary>
    private void OnRegister(OrderCommands.RegisterStrategy r)
    {
        // Same path, another incarnation: the holder died (names are unique among live siblings) and its Terminated may
        // still be on its way here; ActorPath equality ignores the incarnation's uid.
        if (_strategies.TryGetValue(r.Strategy, out var holder) && !holder.Path.Equals(Sender.Path))
        {
            _log.Warning("RegisterStrategy {0} from {1} refused: {2} holds it", r.Strategy, Sender.Path, holder.Path);
            Sender.Tell(new RequestFailed(r, new StrategyIdInUse(r.Strategy, holder.Path.ToString())));
            return;
        }
        Bind(r.Strategy, Sender, replace: true);
        Sender.Tell(new OrderEvents.StrategyRegistered(r.Strategy));
    }

    /// <summary>
    /// Remembers which actor receives a strategy's events. A place command binds its sender only when the strategy
    /// has no live binding; RegisterStrategy rebinds unless another live actor holds the id (<see cref="OnRegister"/>).
    /// </summary>
    private void Bind(StrategyId strategy, IActorRef actor, bool replace)
    {
        if (actor.Equals(Context.System.DeadLetters)) return;
        if (!replace && _strategies.ContainsKey(strategy)) return;
        _strategies[strategy] = actor;
        Context.Watch(actor);
    }

    private Tws.PlaceOrderRequest PlaceRequest(OrderRecord order) => new()
    {
        OrderId = order.Id.Value,
        Contract = order.Contract!.ToProto(),
        Order = order.Spec!.ToProto(order.Id, _options.ClientId, order.ParentId),
    };

    private void Send(Google.Protobuf.IMessage message) =>
        _pacer.Tell(new GatewayMessages.Outbound(message, OutboundPriority.Order));

    private void Apply(BookEvent e) => _book = _book.Apply(e);
}
