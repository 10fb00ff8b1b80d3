using System.Diagnostics;
using Akka.Event;
using Akka.Actor;
using Akka.Persistence;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Telemetry;
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
/// States (Become): Offline --Connected--> Online (ids seeded; on the first connect: recover, after a reconnect:
/// reconcile; an active kill switch re-sends reqGlobalCancel) --Disconnected/Reconnecting--> Offline (queries in flight fail with ConnectionLost).
/// Online --Connected--> Online (ids re-seeded, never backwards). Both states handle inbound messages, subscriptions
/// and commands; Offline refuses whatever would need the wire.
/// </para>
/// </summary>
public sealed partial class OrderManagerActor : ReceivePersistentActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _pacer;
    private readonly OrderManagerOptions _options;
    private readonly ITimeProvider _time;
    private readonly IActorRef? _supervisor;
    private OrderBook _book;
    private readonly Dictionary<StrategyId, Binding> _strategies = [];
    // Strategies whose holder's node went away while the desk was offline: their orders are cancelled on the next connect.
    private readonly HashSet<StrategyId> _cancelWhenOnline = [];
    private bool _connectedBefore;
    private readonly Dictionary<SubscriptionId, IActorRef> _subscribers = [];
    private readonly Dictionary<OrderId, List<(OrderCommands.CancelOrder Command, IActorRef Asker)>> _pendingCancels = [];
    // Distinct from the router's subscription ids so a strategy can tell the two kinds apart.
    private long _nextSubscription = SubscriptionId.FirstOrderUpdates;

    public OrderManagerActor(IActorRef pacer, OrderManagerOptions options, IActorRef? supervisor = null)
    {
        _pacer = pacer;
        _supervisor = supervisor;
        _options = options.Validated();
        _time = Context.System.Scheduler;
        _book = new OrderBook { ClientId = _options.ClientId };
        _nextExecutionRequestId = _options.FirstExecutionRequestId;
        PersistenceId = Orders.Journal.OrderJournal.PersistenceId(_options.ClientId);
        if (_options.JournalPluginId is { } journal) JournalPluginId = journal;
        if (_options.SnapshotPluginId is { } snapshots) SnapshotPluginId = snapshots;
        Recovering();
        Offline();
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The contract with the DeskActor: exactly this signature.</summary>
    public static Props Props(IActorRef pacer, OrderManagerOptions options) =>
        Akka.Actor.Props.Create(() => new OrderManagerActor(pacer, options, null));

    /// <summary>Under <see cref="OrderManagerSupervisor"/>: tells it when the journal is recovered and why it failed.</summary>
    internal static Props Supervised(IActorRef pacer, OrderManagerOptions options, IActorRef supervisor) =>
        Akka.Actor.Props.Create(() => new OrderManagerActor(pacer, options, supervisor));

    private void Offline()
    {
        Command<ConnectionEvents.Connected>(OnConnected);
        Command<ConnectionEvents.StateChanged>(_ => { });
        Command<OrderCommands.GetOpenOrders>(q => Sender.Tell(new RequestFailed(q, Offline("open orders"))));
        Command<OrderCommands.GetCompletedOrders>(q => Sender.Tell(new RequestFailed(q, Offline("completed orders"))));
        Command<OrderCommands.GetExecutions>(q => Sender.Tell(new RequestFailed(q, Offline("executions"))));
        Common();
    }

    private void Online()
    {
        Command<ConnectionEvents.Connected>(OnConnected);
        Command<ConnectionEvents.Disconnected>(d => GoOffline(d.Reason));
        Command<ConnectionEvents.Reconnecting>(r => GoOffline(r.LastError));
        Command<ConnectionEvents.StateChanged>(_ => { });
        Command<OrderCommands.GetOpenOrders>(q => Enqueue(_openOrders, q, Sender));
        Command<OrderCommands.GetCompletedOrders>(q => Enqueue(_completedOrders, q, Sender));
        Command<OrderCommands.GetExecutions>(q => StartExecutions(q, Sender, q.Filter));
        Common();
    }

    private void Common()
    {
        Command<GatewayMessages.Inbound>(OnInbound);
        Command<OrderCommands.SubscribeOrderUpdates>(OnSubscribe);
        Command<OrderCommands.UnsubscribeOrderUpdates>(OnUnsubscribe);
        Command<OrderCommands.RegisterStrategy>(OnRegister);
        Command<OrderCommands.UnregisterStrategy>(OnUnregister);
        Command<OrderCommands.AcknowledgeFills>(OnAcknowledgeFills);
        Command<OrderCommands.AcknowledgeEndings>(OnAcknowledgeEndings);
        Command<OrderCommands.GetStrategyBindings>(OnGetBindings);
        Command<Risk.ExerciseRisk.Review>(OnExerciseReview);
        Command<ModifyTarget.Find>(OnFindModifyTarget);
        Command<IOrderCommand>(OnCommand);
        Command<Terminated>(OnTerminated);
        Command<QueryTimedOut>(OnQueryTimedOut);
        Command<Pacing.PacerMessages.Sent>(OnSent);
        Snapshots();
    }

    private static ConnectionLost Offline(string what) => new($"not connected to the gateway; cannot query {what}");

    private void OnConnected(ConnectionEvents.Connected c)
    {
        // Answers to requests sent on the previous connection will never come (normally already failed at Disconnected).
        if (c.IsReconnect) FailQueries(new ConnectionLost("the connection was re-established before the answer arrived"));
        _serverVersion = c.ServerVersion;
        OfferIds(c.NextValidId, "Connected");
        Apply(new BookEvent.ConnectivityChanged(true));
        Become(Online);
        _log.Info("Order manager online (reconnect: {0}); next order id {1}", c.IsReconnect, _book.NextId);
        if (_book.KillSwitch is not null) Send(new Tws.GlobalCancelRequest { OrderCancel = new Tws.OrderCancel() });
        // The first Connected this incarnation sees is a start without memory, whatever the connection calls it (an
        // order manager restarted after a failure meets a connection that is not new).
        var first = !_connectedBefore;
        _connectedBefore = true;
        if (first ? _options.RecoverOnStart : c.IsReconnect && _options.ReconcileOnReconnect) StartReconciliation(!first);
        foreach (var strategy in _cancelWhenOnline.ToList()) CancelForDisconnect(strategy, "its holder's node went away while the desk was offline");
    }

    private void GoOffline(string reason)
    {
        Apply(new BookEvent.ConnectivityChanged(false));
        FailQueries(new ConnectionLost(reason));
        Become(Offline);
    }

    /// <summary>
    /// nextValidId, from Connected or a NextValidId message: never backwards (a gateway that lost state may offer less,
    /// and an order of this client id seen on the wire may already have moved the mark past the offer).
    /// </summary>
    private void OfferIds(int offered, string source)
    {
        if (offered < _book.NextId)
            _log.Warning("{0}: the gateway's nextValidId {1} is below the next id this desk would use ({2}); keeping ours so no id is reused",
                source, offered, _book.NextId);
        Apply(new BookEvent.IdsOffered(offered));
    }

    private void OnCommand(IOrderCommand command)
    {
        var sender = Sender;
        var trace = BeginTrace(command);
        if (VersionProblem(command) is { } unsupported)
        {
            _log.Info("{0} refused: {1}", command.GetType().Name, unsupported);
            DeskTracing.Fail(trace, unsupported.ToString());
            sender.Tell(new RequestFailed(command, unsupported));
            return;
        }
        var risk = ChildOf(trace, "order.risk");
        var decision = _book.Decide(command, _options, order => IsOwner(order, sender, command));
        if (decision.Failure is { } failure)
        {
            CountRefused(failure);
            _log.Info("{0} refused: {1}", command.GetType().Name, failure);
            DeskTracing.Fail(risk, failure.ToString());
            DeskTracing.Fail(trace, failure.ToString());
            sender.Tell(new RequestFailed(command, failure));
            return;
        }
        DeskTracing.Stop(risk);
        // Only an accepted placement binds its sender: a refused one must not capture the strategy's events.
        switch (command)
        {
            case OrderCommands.PlaceOrder p: Bind(p.Strategy, sender, replace: false); break;
            case OrderCommands.PlaceBracket b: Bind(b.Strategy, sender, replace: false); break;
            case OrderCommands.PlaceOca o: Bind(o.Strategy, sender, replace: false); break;
        }
        // Journaled first: the placeOrder leaves only once the order (and so its id) is durable.
        AwaitJournal(command, sender);
        var journal = ChildOf(trace, "order.journal");
        Record(decision.Events, () =>
        {
            DeskTracing.Stop(journal);
            var sent = Execute(decision.Events, command as OrderCommands.CancelOrder, sender, trace);
            DeskTracing.Stop(trace); // before the reply: whoever hears it finds the desk's part of the trace ended
            Reply(command, sender, sent);
        });
    }

    private void Reply(IOrderCommand command, IActorRef sender, (List<OrderId> Placed, List<OrderId> Cancelled) sent)
    {
        JournalAnswered(command, sender);
        var (placed, cancelled) = sent;
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

    /// <summary>Sends what the recorded facts say; a cancel's asker waits for the gateway's answer.</summary>
    private (List<OrderId> Placed, List<OrderId> Cancelled) Execute(IReadOnlyList<BookEvent> events, OrderCommands.CancelOrder? cancel, IActorRef? asker,
        Activity? trace = null)
    {
        var placed = new List<OrderId>();
        var cancelled = new List<OrderId>();
        foreach (var e in events)
        {
            switch (e)
            {
                case BookEvent.OrderPlaced p:
                    placed.Add(p.Order.Id);
                    BeforeSend?.Invoke(p.Order.Id);
                    _sentHere.Add(p.Order.Id);
                    Send(PlaceRequest(p.Order), TracePlaced(p.Order.Id, trace));
                    break;
                case BookEvent.OrderModified m:
                    placed.Add(m.Order.Id);
                    _sentHere.Add(m.Order.Id);
                    Send(PlaceRequest(m.Order));
                    break;
                case BookEvent.CancelSubmitted c:
                    cancelled.Add(c.OrderId);
                    TrackCancel(c.OrderId, cancel, asker);
                    Send(new Tws.CancelOrderRequest { OrderId = c.OrderId.Value, OrderCancel = new Tws.OrderCancel() });
                    break;
                case BookEvent.GlobalCancelSubmitted:
                    Send(new Tws.GlobalCancelRequest { OrderCancel = new Tws.OrderCancel() });
                    break;
            }
        }
        return (placed, cancelled);
    }

    private void TrackCancel(OrderId id, OrderCommands.CancelOrder? command, IActorRef? asker)
    {
        if (!_pendingCancels.TryGetValue(id, out var list)) _pendingCancels[id] = list = [];
        if (command is not null && asker is not null) list.Add((command, asker));
    }

    private bool IsOwner(OrderRecord order, IActorRef sender, IOrderCommand command) =>
        order.Strategy is { } s &&
        ((_strategies.TryGetValue(s, out var owner) && owner.Holder.Equals(sender)) || (command is OrderCommands.ModifyOrder m && m.Strategy == s));

    /// <summary>
    /// Binds the strategy id to the sender: a restarted strategy (the same actor, or a new one once the old one died,
    /// on any node) takes over its orders. A different actor cannot take the id from a live one (it would receive that
    /// strategy's fills): refused with <see cref="StrategyIdInUse"/>. A binding ends when its actor terminates
    /// (DeathWatch, which also fires when the holder's node crashes, is downed or leaves); a holder at the same path (a
    /// later incarnation of the holder) takes over even before the old one's Terminated arrives, so a successor is
    /// never refused.
    /// <para>
    /// After the reply the registrant is told the state of its orders: the last openOrder of each of its working orders
    /// (with the status the desk holds now), then every fill of its orders in this session that no live holder of the id
    /// was told yet, once each by exec id. A desk that took over after a failover has told nobody anything, so the
    /// strategy then receives every fill of the session again: the strategy side de-duplicates by exec id.
    /// </para>
    /// </summary>
    private void OnRegister(OrderCommands.RegisterStrategy r)
    {
        // Same path, another incarnation: the holder died (names are unique among live siblings) and its Terminated may
        // still be on its way here; ActorPath equality ignores the incarnation's uid.
        if (_strategies.TryGetValue(r.Strategy, out var holder) && !holder.Holder.Path.Equals(Sender.Path))
        {
            _log.Warning("RegisterStrategy {0} from {1} refused: {2} holds it", r.Strategy, Sender.Path, holder.Holder.Path);
            Sender.Tell(new RequestFailed(r, new StrategyIdInUse(r.Strategy, PathOf(holder.Holder))));
            return;
        }
        var registrant = Sender;
        Bind(r.Strategy, registrant, replace: true, r.CancelOrdersOnDisconnect);
        BookEvent[] first = _book.Registered.Contains(r.Strategy) ? [] : [new BookEvent.StrategyRegistered(r.Strategy)];
        Record(first, () =>
        {
            registrant.Tell(new OrderEvents.StrategyRegistered(r.Strategy));
            if (!_strategies.ContainsKey(r.Strategy)) return; // dead letters (a Tell from outside any actor) are never bound
            foreach (var open in _book.OpenOrdersOf(r.Strategy)) registrant.Tell(open, Self);
            var fills = _book.Undelivered(r.Strategy);
            foreach (var fill in fills) registrant.Tell(fill, Self);
            var endings = _book.UndeliveredEndings(r.Strategy);
            foreach (var ending in endings) registrant.Tell(ending, Self);
            if (fills.Count + endings.Count > 0)
                _log.Info("Strategy {0} registered from {1}: sent {2} fills and {3} order endings it has not acknowledged",
                    r.Strategy, registrant.Path, fills.Count, endings.Count);
        });
    }

    /// <summary>
    /// The holder leaves cleanly: what is told from now on about its orders waits for its next registration, as for a
    /// holder that terminated. The reply follows everything told to it before (one sender, one receiver: in order).
    /// </summary>
    private void OnUnregister(OrderCommands.UnregisterStrategy u)
    {
        if (_strategies.TryGetValue(u.Strategy, out var binding) && binding.Holder.Equals(Sender))
        {
            _strategies.Remove(u.Strategy);
            _log.Info("Strategy {0}: its holder {1} left; its orders keep working", u.Strategy, Sender.Path);
        }
        Sender.Tell(new OrderEvents.StrategyUnregistered(u.Strategy));
    }

    /// <summary>
    /// Fills the strategy handled, journaled so that no later registration (after a restart of the strategy, of its node
    /// or of the desk) sends them again. Only its live holder speaks for it (a stale incarnation's late word is dropped).
    /// </summary>
    private void OnAcknowledgeFills(OrderCommands.AcknowledgeFills a)
    {
        if (!_strategies.TryGetValue(a.Strategy, out var binding) || !binding.Holder.Equals(Sender))
        {
            _log.Debug("AcknowledgeFills for {0} from {1} ignored: not its holder", a.Strategy, Sender.Path);
            return;
        }
        var delivered = _book.DeliveredFills.GetValueOrDefault(a.Strategy);
        var fresh = a.ExecIds.Where(e => delivered is null || !delivered.Contains(e)).Distinct().ToList();
        if (fresh.Count > 0) Record([new BookEvent.FillsDelivered(a.Strategy, fresh)]);
    }

    /// <summary>
    /// Endings the strategy handled, journaled as its fills are (<see cref="OnAcknowledgeFills"/>): an order's ending is
    /// told again at each registration until this comes from the live holder.
    /// </summary>
    private void OnAcknowledgeEndings(OrderCommands.AcknowledgeEndings a)
    {
        if (!_strategies.TryGetValue(a.Strategy, out var binding) || !binding.Holder.Equals(Sender))
        {
            _log.Debug("AcknowledgeEndings for {0} from {1} ignored: not its holder", a.Strategy, Sender.Path);
            return;
        }
        var fresh = a.OrderIds.Distinct()
            .Where(id => _book.Orders.TryGetValue(id, out var o) && o.Strategy == a.Strategy && o.Ending is not null && !o.EndingDelivered)
            .ToList();
        if (fresh.Count > 0) Record([new BookEvent.EndingsDelivered(a.Strategy, fresh)]);
    }

    /// <summary>
    /// Remembers which actor receives a strategy's events. A place command binds its sender only when the strategy
    /// has no live binding; RegisterStrategy rebinds unless another live actor holds the id (<see cref="OnRegister"/>).
    /// </summary>
    private void Bind(StrategyId strategy, IActorRef actor, bool replace, bool cancelOnDisconnect = false)
    {
        if (actor.Equals(Context.System.DeadLetters)) return;
        if (!replace && _strategies.ContainsKey(strategy)) return;
        _strategies[strategy] = new Binding(actor, cancelOnDisconnect);
        _cancelWhenOnline.Remove(strategy);
        Context.Watch(actor);
    }

    private void OnGetBindings(OrderCommands.GetStrategyBindings _) =>
        Sender.Tell(new OrderEvents.StrategyBindings(
            [.. _strategies.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal).Select(kv => new OrderEvents.StrategyBinding(kv.Key, PathOf(kv.Value.Holder)))]));

    /// <summary>The holder's path with its node's address (a local holder gets this node's), so a status can say where it runs.</summary>
    private string PathOf(IActorRef actor) =>
        actor.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);

    /// <summary>
    /// A holder that terminated ends its binding. When it terminated because its node is gone (AddressTerminated: the
    /// node crashed, was downed or left) and it registered with CancelOrdersOnDisconnect, its working orders are
    /// cancelled: nobody is left to manage them. A clean stop keeps them working (a strategy that wants them cancelled
    /// on stop sends CancelStrategyOrders itself).
    /// </summary>
    private void OnStrategyTerminated(Terminated t)
    {
        foreach (var (strategy, binding) in _strategies.Where(kv => kv.Value.Holder.Equals(t.ActorRef)).ToList())
        {
            _strategies.Remove(strategy);
            _log.Info("Strategy {0}: its holder {1} terminated (its node gone: {2}); the binding is released", strategy, t.ActorRef.Path, t.AddressTerminated);
            if (t.AddressTerminated && binding.CancelOnDisconnect)
                CancelForDisconnect(strategy, $"its holder {t.ActorRef.Path} is gone with its node");
        }
    }

    private void CancelForDisconnect(StrategyId strategy, string why)
    {
        if (_strategies.ContainsKey(strategy))
        {
            _cancelWhenOnline.Remove(strategy); // a new holder took over: its orders are managed again
            return;
        }
        var decision = _book.Decide(new OrderCommands.CancelStrategyOrders(strategy), _options, _ => false);
        if (decision.Failure is { } failure)
        {
            _log.Warning("Strategy {0} asked for its orders to be cancelled on disconnect and {1}, but: {2}; cancelling on the next connect",
                strategy, why, failure);
            _cancelWhenOnline.Add(strategy);
            return;
        }
        _cancelWhenOnline.Remove(strategy);
        var (_, cancelled) = Execute(decision.Events, null, null);
        _log.Warning("Strategy {0} asked for its orders to be cancelled on disconnect and {1}: cancelling its {2} working orders [{3}]",
            strategy, why, cancelled.Count, string.Join(", ", cancelled));
    }

    /// <summary>Who receives a strategy's events, and whether its orders go when its node does.</summary>
    private sealed record Binding(IActorRef Holder, bool CancelOnDisconnect);

    /// <summary>The order's owner travels in its orderRef (<see cref="OrderRefs"/>), beside the strategy's own reference.</summary>
    private Tws.PlaceOrderRequest PlaceRequest(OrderRecord order)
    {
        var wire = order.Spec!.ToProto(order.Id, _options.ClientId, order.ParentId);
        if (order.Strategy is { } owner) wire.OrderRef = OrderRefs.Compose(owner, order.Spec!.OrderRef);
        return new Tws.PlaceOrderRequest { OrderId = order.Id.Value, Contract = order.Contract!.ToProto(), Order = wire };
    }

    private void Send(Google.Protobuf.IMessage message, object? key = null) =>
        _pacer.Tell(new GatewayMessages.Outbound(message, OutboundPriority.Order, key));

    private void Apply(BookEvent e) => _book = _book.Apply(e);

    /// <summary>
    /// Called with each new order's id after it is journaled and before its placeOrder goes to the pacer: the kill -9
    /// tests crash the desk here, between the journal and the socket.
    /// </summary>
    internal static Action<OrderId>? BeforeSend { get; set; }
}
