using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// Base class of strategies. A strategy knows only the desk (the DeskActor, or anything that speaks the desk's
/// messages) and its <see cref="StrategyId"/>. It
/// <list type="bullet">
/// <item>registers with the order manager on start (with <see cref="StrategyOptions.CancelOrdersOnDisconnect"/>), so
/// events of its orders arrive in its mailbox even when the orders were placed through <see cref="AskDesk{T}"/> or by an
/// earlier incarnation (if another live actor holds its strategy id, the registration is refused and the strategy fails
/// with <see cref="StrategyIdInUse"/>);</item>
/// <item>hands each fill (<see cref="OrderEvents.Filled"/>) to its handlers once per exec id: a fill its strategy id has
/// already been handed on this node (<see cref="SeenFills"/>, which outlives restarts) is dropped before them;</item>
/// <item>survives a desk failover with no code of its own: on <see cref="DeskFailover"/> (published on the local
/// EventStream by the node's link to the desk) it registers again, re-establishes every remembered subscription with
/// <see cref="SubscriptionMessages.Resubscribe"/> under the id it holds, then calls <see cref="OnDeskFailover"/>. The
/// desk answers each with Resubscribed (same id), with Subscribed under another id (the line already ran under it: the
/// remembered id is replaced, and <see cref="OnSubscribed"/> runs), or with RequestFailed (the subscription is
/// forgotten and <see cref="OnSubscriptionEnded"/> runs with the failure);</item>
/// <item>asks the desk from <c>ReceiveAsync</c> handlers with <see cref="AskDesk{T}"/> (RequestFailed becomes a
/// <see cref="DeskRequestException"/>; no answer within the timeout, measured on the scheduler, becomes one with RequestTimedOut);</item>
/// <item>subscribes with <see cref="Subscribe"/> (items arrive in its mailbox) and remembers the id of every
/// <see cref="SubscriptionMessages.Subscribed"/> reply; on stop (and before a restart) it unsubscribes each;</item>
/// <item>when its host stops it, first leaves the desk: ends its subscriptions and unregisters, and stops once the desk
/// confirmed both, so nothing the desk sent it is left undelivered; its orders keep working and how they go on waits for
/// its next registration;</item>
/// <item>on a real stop, cancels its working orders when <see cref="StrategyOptions.CancelOrdersOnStop"/> is set.</item>
/// </list>
/// Override <see cref="OnStart"/> / <see cref="OnStop"/> instead of PreStart / PostStop; use this class's
/// <see cref="Become(Action)"/> so the base handlers stay registered.
/// </summary>
public abstract class StrategyActor : ReceiveActor
{
    private readonly Dictionary<SubscriptionId, object> _subscriptions = [];
    // Resubscribes sent after a failover and not answered yet: the id held → the request.
    private readonly Dictionary<SubscriptionId, object> _resubscribing = [];
    private readonly SeenFills _seenFills;
    private readonly Telemetry.DeskMetrics _metrics = Telemetry.DeskMetrics.For(Context.System);
    // The tick-latency clock, taken once: a tick's recording then asks no actor context for the scheduler.
    private readonly IScheduler _clock = Context.System.Scheduler;
    // While leaving the desk (Leave): the subscriptions whose end the desk has still to confirm, and whether it confirmed
    // the unregistration. Null while not leaving.
    private HashSet<SubscriptionId>? _leaving;
    private bool _unregistered;

    protected StrategyActor(IActorRef desk, StrategyId strategyId, StrategyOptions? options = null)
    {
        Desk = desk ?? throw new ArgumentNullException(nameof(desk));
        StrategyId = strategyId;
        Options = options ?? StrategyOptions.Default;
        _seenFills = SeenFills.Get(Context.System);
        RegisterBaseHandlers();
    }

    /// <summary>
    /// Told by the strategy's supervisor when its host stops it: the strategy ends its subscriptions, unregisters, and
    /// stops once the desk has confirmed each. The desk's confirmations follow everything it told this strategy before,
    /// so a stop leaves nothing undelivered.
    /// </summary>
    internal sealed record Leave : INoSerializationVerificationNeeded;

    protected IActorRef Desk { get; }

    protected StrategyId StrategyId { get; }

    protected StrategyOptions Options { get; }

    /// <summary>The live subscriptions (ids of Subscribed replies not yet ended or unsubscribed).</summary>
    protected IReadOnlyCollection<SubscriptionId> Subscriptions => _subscriptions.Keys;

    /// <summary>Runs when the strategy starts and again after every restart: subscribe here.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>
    /// Runs when the strategy stops and before a restart. Before a restart and on a stop by other means than its host
    /// (Context.Stop, PoisonPill) its subscriptions are still held and released after; when its host stops it, it has
    /// already left the desk (see <see cref="Leave"/>).
    /// </summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>A subscription was confirmed (its id is already remembered).</summary>
    protected virtual void OnSubscribed(SubscriptionMessages.Subscribed subscribed)
    {
    }

    /// <summary>A subscription ended (by request or failure); it is already forgotten.</summary>
    protected virtual void OnSubscriptionEnded(SubscriptionMessages.SubscriptionEnded ended)
    {
    }

    /// <summary>
    /// The desk moved to another node. The strategy has already registered again and asked for every remembered
    /// subscription back; the answers follow. Orders kept working through the handover.
    /// </summary>
    protected virtual void OnDeskFailover(DeskFailover failover)
    {
    }

    /// <summary>
    /// Notices a strategy may handle and need not: a subscription that came back (<see cref="SubscriptionMessages.Resubscribed"/>,
    /// after a reconnect or a failover), ticks skipped for a slow node (<see cref="SubscriptionMessages.Conflated"/>), a
    /// gateway warning on a stream (<see cref="SubscriptionMessages.SubscriptionNotice"/>). Without a handler of its own
    /// they end here instead of being logged as unhandled; anything else goes to Akka's Unhandled.
    /// </summary>
    /// <summary>
    /// A fill of this strategy is acknowledged to the desk once the strategy's handlers have run: until then the desk
    /// sends it again at every registration, as it cannot know otherwise whether the fill reached this strategy or died
    /// with it (a backoff restart, its node gone, the desk's own crash). A handler that throws leaves it unacknowledged,
    /// so the next incarnation gets it. A fill seen before is acknowledged again (the first acknowledgement may have
    /// died with a desk) and dropped. The event that ends one of its orders (<see cref="OrderEvents.EndsOrder"/>: lost,
    /// rejected, never sent, done) is acknowledged the same way, and one seen before dropped. The desk checks that the
    /// order is this strategy's, so an ending heard through an order-update subscription acknowledges nothing.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        // From the frame's decode to this turn: the tick's whole way through the desk (on another node, the two
        // clocks' difference too).
        if (message is MarketDataMessages.Tick tick && _metrics.TickLatency.Enabled) _metrics.RecordTickLatency(tick.LocalTime, _clock.Now);
        var handled = base.AroundReceive(receive, message);
        if (message is OrderEvents.Filled f && f.Strategy == StrategyId)
            Desk.Tell(new OrderCommands.AcknowledgeFills(StrategyId, [f.ExecId]), Self);
        else if (message is OrderEvents.IOrderEvent e && OrderEvents.EndsOrder(e))
            Desk.Tell(new OrderCommands.AcknowledgeEndings(StrategyId, [e.OrderId]), Self);
        return handled;
    }

    protected override void Unhandled(object message)
    {
        if (message is SubscriptionMessages.Resubscribed or SubscriptionMessages.Conflated or SubscriptionMessages.SubscriptionNotice) return;
        base.Unhandled(message);
    }

    /// <summary>Sends a command to the desk with this strategy as the sender (replies and stream items come here).</summary>
    protected void TellDesk(object command)
    {
        // A placement told without waiting is still its order's root span; it ends when the command leaves.
        using var span = command is IPlaceCommand place ? Telemetry.DeskTracing.StartPlace(place, ActivityKind.Producer, out command) : null;
        Desk.Tell(command, Self);
    }

    /// <summary>Starts a subscription: the Subscribed reply and the items arrive in this strategy's mailbox.</summary>
    protected void Subscribe(object subscribeCommand) => Desk.Tell(subscribeCommand, Self);

    /// <summary>Ends a subscription (the desk's Unsubscribe, or the order manager's for order updates).</summary>
    protected void Unsubscribe(SubscriptionId id)
    {
        if (_subscriptions.Remove(id, out var request)) Desk.Tell(UnsubscribeFor(id, request), Self);
    }

    /// <summary>
    /// Asks the desk and awaits the reply as a <typeparamref name="T"/>. Use from ReceiveAsync handlers: the code after
    /// the await runs on the actor's turn. Throws <see cref="DeskRequestException"/> with the typed failure.
    /// Do not subscribe through it: stream items would go to the temporary asker, not to this strategy.
    /// </summary>
    protected async Task<T> AskDesk<T>(object command, TimeSpan? timeout = null)
    {
        var wait = timeout ?? Options.AskTimeout;
        // A placement is its order's root span (order.place): the desk's spans of the order join it, on any node.
        using var span = command is IPlaceCommand place ? Telemetry.DeskTracing.StartPlace(place, ActivityKind.Producer, out command) : null;
        // The deadline is a scheduler timer, not Ask's own timeout (which runs on real time): one virtual clock then
        // drives it in tests, like every other deadline of the desk.
        // Not disposed: the TestKit's scheduler ignores the cancelable and runs Cancel after the reply too, which must
        // then be a harmless no-op (a source with no timer of its own holds nothing that needs disposing).
        var deadline = new CancellationTokenSource();
        var timer = Context.System.Scheduler.Advanced.ScheduleOnceCancelable(wait, deadline.Cancel);
        object reply;
        try
        {
            reply = await Desk.Ask(command, cancellationToken: deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, new RequestTimedOut(wait).ToString());
            throw new DeskRequestException(new RequestTimedOut(wait));
        }
        finally
        {
            timer.Cancel();
        }
        if (reply is RequestFailed refused) span?.SetStatus(ActivityStatusCode.Error, refused.Failure.ToString());
        return reply switch
        {
            RequestFailed failed => throw new DeskRequestException(failed.Failure),
            T typed => typed,
            _ => throw new DeskRequestException(new InvalidRequest($"{command.GetType().Name} was answered with {reply.GetType().Name}, not {typeof(T).Name}")),
        };
    }

    /// <summary>Places an order for this strategy; returns its id once it is sent.</summary>
    protected async Task<OrderId> PlaceOrderAsync(ContractSpec contract, OrderSpec order, decimal? referencePrice = null) =>
        (await AskDesk<OrderEvents.OrderAccepted>(new OrderCommands.PlaceOrder(contract, order, StrategyId, referencePrice))).OrderId;

    protected Task<OrderEvents.BracketAccepted> PlaceBracketAsync(ContractSpec contract, Bracket bracket, decimal? referencePrice = null) =>
        AskDesk<OrderEvents.BracketAccepted>(new OrderCommands.PlaceBracket(contract, bracket, StrategyId, referencePrice));

    protected Task<OrderEvents.OrderModifySent> ModifyOrderAsync(OrderId id, OrderSpec order) =>
        AskDesk<OrderEvents.OrderModifySent>(new OrderCommands.ModifyOrder(id, order, StrategyId));

    protected Task<OrderEvents.CancelSent> CancelOrderAsync(OrderId id) =>
        AskDesk<OrderEvents.CancelSent>(new OrderCommands.CancelOrder(id));

    /// <summary>Replaces the behaviour, keeping the base handlers (subscription bookkeeping) in front.</summary>
    protected new void Become(Action configure) => base.Become(() =>
    {
        RegisterBaseHandlers();
        configure();
    });

    /// <summary>Pushes a behaviour, keeping the base handlers in front.</summary>
    protected new void BecomeStacked(Action configure) => base.BecomeStacked(() =>
    {
        RegisterBaseHandlers();
        configure();
    });

    protected sealed override void PreStart()
    {
        Context.System.EventStream.Subscribe<DeskFailover>(Self);
        Register();
        Context.System.EventStream.Publish(new StrategyLifecycle.Started(StrategyId, Self, Context.System.Scheduler.Now));
        OnStart();
    }

    protected sealed override void PostStop()
    {
        try
        {
            OnStop();
        }
        finally
        {
            // From nobody: this actor is gone, so the replies (SubscriptionEnded, CancelsSent) would only be dead letters.
            // The router knows a subscriber by its ref and so ignores an Unsubscribe from nobody, but it watches every
            // subscriber: this actor's Terminated releases its lines there; the order manager ends by id.
            ReleaseSubscriptions(ActorRefs.Nobody);
            if (Options.CancelOrdersOnStop) Desk.Tell(new OrderCommands.CancelStrategyOrders(StrategyId), ActorRefs.Nobody);
            Context.System.EventStream.Unsubscribe(Self);
            Context.System.EventStream.Publish(new StrategyLifecycle.Stopped(StrategyId, Self, Context.System.Scheduler.Now));
        }
    }

    /// <summary>Before a restart: release subscriptions (OnStart subscribes again) but keep the orders working.</summary>
    protected sealed override void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren()) Context.Stop(child);
        try
        {
            OnStop();
        }
        finally
        {
            ReleaseSubscriptions(Self); // the same ref lives on: the router must know it is this subscriber leaving
        }
    }

    private void ReleaseSubscriptions(IActorRef sender)
    {
        foreach (var (id, request) in _subscriptions) Desk.Tell(UnsubscribeFor(id, request), sender);
        _subscriptions.Clear();
        _resubscribing.Clear();
    }

    private void BeginLeaving()
    {
        if (_leaving is not null) return;
        _leaving = [.. _subscriptions.Keys];
        ReleaseSubscriptions(Self);
        Desk.Tell(new OrderCommands.UnregisterStrategy(StrategyId), Self);
    }

    private void Left(SubscriptionId? subscription = null, bool unregistered = false)
    {
        if (_leaving is null) return;
        if (subscription is { } id) _leaving.Remove(id);
        _unregistered |= unregistered;
        if (_unregistered && _leaving.Count == 0) Context.Stop(Self);
    }

    private void Register() => Desk.Tell(new OrderCommands.RegisterStrategy(StrategyId, Options.CancelOrdersOnDisconnect), Self);

    private void HandleDeskFailover(DeskFailover failover)
    {
        if (_leaving is not null)
        {
            // The old desk, which was to confirm, is gone, and the new one never knew this strategy: nothing is left to leave.
            _leaving.Clear();
            Left(unregistered: true);
            return;
        }
        // The new desk has no binding for this strategy id and none of the old desk's lines.
        Register();
        _resubscribing.Clear();
        foreach (var (id, request) in _subscriptions)
        {
            _resubscribing[id] = request;
            Desk.Tell(new SubscriptionMessages.Resubscribe(id, request), Self);
        }
        OnDeskFailover(failover);
    }

    /// <summary>
    /// A Subscribed that answers a Resubscribe (its request is one being re-established) takes the place of the id held
    /// before: the desk already ran the line under another id, or gave an order-update subscription a new one.
    /// </summary>
    private void TakeOverResubscribed(SubscriptionMessages.Subscribed subscribed)
    {
        SubscriptionId? held = _resubscribing.TryGetValue(subscribed.Id, out var same) && Equals(same, subscribed.Request)
            ? subscribed.Id
            : _resubscribing.Where(kv => Equals(kv.Value, subscribed.Request)).Select(kv => (SubscriptionId?)kv.Key).FirstOrDefault();
        if (held is not { } old) return;
        _resubscribing.Remove(old);
        if (old != subscribed.Id) _subscriptions.Remove(old);
    }

    private void ResubscribeFailed(RequestFailed failed)
    {
        var id = ((SubscriptionMessages.Resubscribe)failed.Request).Id;
        _resubscribing.Remove(id);
        if (_subscriptions.Remove(id)) OnSubscriptionEnded(new SubscriptionMessages.SubscriptionEnded(id, failed.Failure));
    }

    /// <summary>Order-update subscriptions end at the order manager; every other subscription at the desk's router.</summary>
    private static object UnsubscribeFor(SubscriptionId id, object request) => request is OrderCommands.SubscribeOrderUpdates
        ? new OrderCommands.UnsubscribeOrderUpdates(id)
        : new SubscriptionMessages.Unsubscribe(id);

    private void RegisterBaseHandlers()
    {
        Receive<SubscriptionMessages.Subscribed>(s =>
        {
            TakeOverResubscribed(s);
            _subscriptions[s.Id] = s.Request;
            OnSubscribed(s);
        });
        Receive<SubscriptionMessages.SubscriptionEnded>(e =>
        {
            _subscriptions.Remove(e.Id);
            OnSubscriptionEnded(e);
            Left(subscription: e.Id);
        });
        Receive<Leave>(_ => BeginLeaving());
        Receive<OrderEvents.StrategyUnregistered>(u => u.Strategy == StrategyId, _ => Left(unregistered: true));
        // A desk that cannot take the request (its order manager restarting) delivers nothing meanwhile: leaving is done.
        Receive<RequestFailed>(f => f.Request is OrderCommands.UnregisterStrategy, _ => Left(unregistered: true));
        Receive<RequestFailed>(f => _leaving is not null && f.Request is OrderCommands.UnsubscribeOrderUpdates or SubscriptionMessages.Unsubscribe,
            f => Left(subscription: f.Request is OrderCommands.UnsubscribeOrderUpdates o ? o.Id : ((SubscriptionMessages.Unsubscribe)f.Request).Id));
        // Bookkeeping only: the strategy's own handlers see Resubscribed too (false: not handled here, try the next).
        Receive<SubscriptionMessages.Resubscribed>(r =>
        {
            _resubscribing.Remove(r.Id);
            return false;
        });
        // A fill seen before is handled here, by dropping it; a first sighting goes on to the strategy's handlers.
        Receive<OrderEvents.Filled>(f =>
        {
            // Acknowledged once handled (AroundReceive); a fill seen before is acknowledged again and dropped here.
            return !_seenFills.FirstSighting(StrategyId, f.ExecId);
        });
        // An ending seen before (told again at a registration: its acknowledgement had not been journaled) is dropped.
        Receive<OrderEvents.IOrderEvent>(e =>
        {
            return OrderEvents.EndsOrder(e) && !_seenFills.FirstEnding(StrategyId, e);
        });
        Receive<DeskFailover>(HandleDeskFailover);
        Receive<RequestFailed>(f => f.Request is SubscriptionMessages.Resubscribe, ResubscribeFailed);
        Receive<OrderEvents.StrategyRegistered>(_ => { });
        // Another live actor runs under this strategy id: fail, so the host reports why and retries after a backoff
        // (by then the other may have stopped). Running on would mean never hearing of this strategy's own orders.
        Receive<RequestFailed>(f => f.Request is OrderCommands.RegisterStrategy, f => throw new DeskRequestException(f.Failure));
    }
}
