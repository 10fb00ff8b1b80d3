using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// Keeps the order manager (<see cref="OrderManagerActor"/>, its child <c>manager</c>) running over failures of its
/// journal's store. The order manager stops when its journal cannot be read (recovery) or written (a persist
/// failure): it takes no order it cannot journal. This parent then starts a new one after a Fibonacci backoff (1, 2,
/// 3, 5 … s, at most 30 s), which recovers from the journal and reconciles with the gateway as after a restart.
/// <para>
/// Everything for the order manager comes through here (the DeskActor, the router and the connection hold this
/// actor's ref). While no order manager runs, order commands are answered with <see cref="JournalUnavailable"/>,
/// gateway messages are dropped (the next order manager's reconciliation asks the gateway again), and the connection's
/// state is kept. A new order manager is told the last state, the live strategies' registrations and the live
/// order-update subscriptions, so strategies and the desk monitor go on without knowing it was replaced.
/// </para>
/// <para>
/// A new order manager takes commands only once it has recovered. Until then this actor holds them: a manager whose
/// recovery fails stops, and what it had stashed would be dropped unanswered. Held commands go to it in order once it
/// says it recovered, or are answered <see cref="JournalUnavailable"/> when it stops or when the recovery has taken
/// longer than <see cref="RecoveryGrace"/> (a store that does not answer: Akka fails the recovery only after its
/// recovery timeout); from then on, until it recovers, commands are answered at once. Registrations and
/// subscriptions are not refused: they are kept and replayed to whichever manager recovers.
/// </para>
/// <para>States: Recovering (a manager runs, not yet recovered; commands held) → Refusing (recovery slow, or no
/// manager during the backoff; commands refused) → Recovering (the next manager) or Ready (commands forwarded).
/// Ready → Refusing when the manager stops. Each change of availability is published as
/// <see cref="OrderJournalStatus"/>.</para>
/// </summary>
public sealed class OrderManagerSupervisor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan BackoffUnit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);
    // A manager that ran this long before it stopped starts the backoff over: the store was back for a while.
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(60);
    // A recovery that takes longer is a store that does not answer (or a very long journal): orders are refused rather
    // than kept waiting for Akka's recovery timeout (30 s by default; the hosted desk sets 10 s).
    internal static readonly TimeSpan RecoveryGrace = TimeSpan.FromSeconds(2);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Props _managerProps;
    private readonly ITimeProvider _time;
    private IActorRef? _manager;
    private DateTimeOffset _startedAt;
    private int _attempt;
    private bool _recovered;
    private bool _refusing;
    private bool _announcedDown;
    private string _lastFailure = "the order manager is restarting after its journal failed";
    private readonly List<(IOrderCommand Command, IActorRef Sender)> _held = [];
    // The store's own last complaint since the current manager started (its plugin logs it as an error with a
    // database exception): a recovery that times out says only "timed out", the store says why (refused, no such role).
    private string? _storeError;
    private ConnectionEvents.StateChanged? _connection;
    private readonly Dictionary<Domain.StrategyId, (OrderCommands.RegisterStrategy Command, IActorRef Holder)> _registrations = [];
    private readonly Dictionary<IActorRef, OrderCommands.SubscribeOrderUpdates> _subscribers = [];

    public OrderManagerSupervisor(IActorRef pacer, OrderManagerOptions options)
    {
        _managerProps = OrderManagerActor.Supervised(pacer, options, Self);
        _time = Context.System.Scheduler;

        Receive<Terminated>(t => t.ActorRef.Equals(_manager), ManagerStopped);
        Receive<Terminated>(t => Forget(t.ActorRef));
        Receive<Restart>(_ => StartManager());
        Receive<ManagerRecovered>(r => Sender.Equals(_manager), ManagerReady);
        Receive<ManagerFailed>(f => _lastFailure = f.Detail);
        Receive<RecoveryTooSlow>(_ => RecoverySlow());
        Receive<Error>(e => _storeError = StoreFailure.DescribeStore(e.Cause) ?? _storeError);
        Receive<DeadLetter>(d => Self.Path.Equals(d.Recipient.Path.Parent), Undelivered);
        Receive<ConnectionEvents.StateChanged>(s =>
        {
            _connection = s;
            _manager?.Forward(s);
        });
        Receive<OrderCommands.RegisterStrategy>(r =>
        {
            _registrations[r.Strategy] = (r, Sender);
            Context.Watch(Sender);
            ToManager(r);
        });
        Receive<OrderCommands.UnregisterStrategy>(u =>
        {
            if (_registrations.TryGetValue(u.Strategy, out var r) && r.Holder.Equals(Sender)) _registrations.Remove(u.Strategy);
            // With no manager nothing is being delivered: the leaver may go.
            if (_manager is null) Sender.Tell(new OrderEvents.StrategyUnregistered(u.Strategy));
            else _manager.Forward(u);
        });
        Receive<OrderCommands.SubscribeOrderUpdates>(s =>
        {
            _subscribers[Sender] = s;
            Context.Watch(Sender);
            ToManager(s);
        });
        Receive<IOrderCommand>(ToManager);
        Receive<GatewayMessages.Inbound>(i => _manager?.Forward(i));
        ReceiveAny(m => _manager?.Forward(m));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The order manager under its supervisor: the ref everyone holds. Same arguments as <see cref="OrderManagerActor.Props"/>.</summary>
    public static Props Props(IActorRef pacer, OrderManagerOptions options) =>
        Akka.Actor.Props.Create(() => new OrderManagerSupervisor(pacer, options));

    // Any failure of the order manager stops it; a new one starts after the backoff. Restarting in place would keep a
    // manager whose journal just failed, and a new one recovers from what is durable.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(Error));
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        StartManager();
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private string WithStoreError(string detail) =>
        _storeError is null || detail.Contains(_storeError, StringComparison.Ordinal) ? detail : $"{detail} (the store: {_storeError})";

    private void StartManager()
    {
        _manager = Context.Watch(Context.ActorOf(_managerProps, "manager"));
        _startedAt = _time.Now;
        _storeError = null;
        _recovered = false;
        _refusing = false;
        Timers.StartSingleTimer(nameof(RecoveryTooSlow), new RecoveryTooSlow(), RecoveryGrace);
        // As the connection would have told a manager that was there all along: the new one recovers, then reconciles.
        if (_connection is ConnectionEvents.Connected c) _manager.Tell(c with { IsReconnect = false });
        foreach (var (command, holder) in _registrations.Values) _manager.Tell(command, holder);
        foreach (var (subscriber, command) in _subscribers) _manager.Tell(command, subscriber);
    }

    private void ManagerReady(ManagerRecovered _)
    {
        _recovered = true;
        _refusing = false;
        Timers.Cancel(nameof(RecoveryTooSlow));
        foreach (var (command, sender) in _held) _manager!.Tell(command, sender);
        _held.Clear();
        if (!_announcedDown) return;
        _announcedDown = false;
        _log.Info("The order journal is readable again: the order manager takes orders");
        Publish(available: true, "recovered");
    }

    // Recovery has not completed within the grace: the store does not answer. What waits is refused now, and what comes
    // is refused at once, until the manager recovers or stops (then the backoff).
    private void RecoverySlow()
    {
        if (_manager is null || _recovered) return;
        Refuse($"the order journal has not been read within {RecoveryGrace.TotalSeconds:0} s of the order manager's start");
        _log.Warning("The order manager has not read its journal within {0:0} s: {1}; orders are refused until it has", RecoveryGrace.TotalSeconds,
            _storeError is null ? "the store has not answered" : $"the store: {_storeError}");
    }

    private void Refuse(string detail)
    {
        _refusing = true;
        _lastFailure = WithStoreError(detail);
        FailHeld();
        if (_announcedDown) return;
        _announcedDown = true;
        Publish(available: false, _lastFailure);
    }

    private void FailHeld()
    {
        foreach (var (command, sender) in _held) sender.Tell(new RequestFailed(command, new JournalUnavailable(_lastFailure)));
        _held.Clear();
    }

    private void Publish(bool available, string detail) =>
        Context.System.EventStream.Publish(new OrderJournalStatus(available, detail, _time.Now));

    private void ManagerStopped(Terminated _)
    {
        _manager = null;
        _recovered = false;
        Timers.Cancel(nameof(RecoveryTooSlow));
        Refuse(_lastFailure);
        _attempt = _time.Now - _startedAt >= Healthy ? 1 : _attempt + 1;
        var delay = Backoff.Delay(_attempt, BackoffUnit, BackoffCap);
        _log.Warning("The order manager stopped: {0}; a new one starts in {1:0.#} s (attempt {2}); until then orders are refused",
            _lastFailure, delay.TotalSeconds, _attempt);
        Timers.StartSingleTimer(nameof(StartManager), new Restart(), delay);
    }

    /// <summary>
    /// A command the stopped manager had stashed (Akka holds commands while a write is in flight or the journal is being
    /// read, and drops them to dead letters when the actor stops): its sender hears the failure instead of nothing.
    /// Registrations and subscriptions are kept and replayed to the next manager; a leaver may go.
    /// </summary>
    private void Undelivered(DeadLetter dead)
    {
        switch (dead.Message)
        {
            case OrderCommands.RegisterStrategy or OrderCommands.SubscribeOrderUpdates:
                return;
            case OrderCommands.UnregisterStrategy u:
                dead.Sender.Tell(new OrderEvents.StrategyUnregistered(u.Strategy));
                return;
            case IOrderCommand command:
                dead.Sender.Tell(new RequestFailed(command, new JournalUnavailable(Restarting)));
                return;
        }
    }

    private void ToManager(IOrderCommand command)
    {
        // Registrations and subscriptions are replayed to the next manager: a recovering one may stash them.
        var replayed = command is OrderCommands.RegisterStrategy or OrderCommands.SubscribeOrderUpdates;
        if (_manager is not null && (_recovered || replayed))
        {
            _manager.Forward(command);
            return;
        }
        if (_manager is not null && !_refusing)
        {
            _held.Add((command, Sender));
            return;
        }
        Sender.Tell(new RequestFailed(command, new JournalUnavailable(_manager is null ? Restarting : _lastFailure)));
    }

    private string Restarting => $"the order manager is restarting after its journal failed ({_lastFailure})";

    private void Forget(IActorRef gone)
    {
        _subscribers.Remove(gone);
        foreach (var (id, _) in _registrations.Where(kv => kv.Value.Holder.Equals(gone)).ToList()) _registrations.Remove(id);
    }

    private sealed record Restart : INoSerializationVerificationNeeded;

    private sealed record RecoveryTooSlow : INoSerializationVerificationNeeded;

    /// <summary>From the order manager to this actor: its recovery completed; it takes commands now.</summary>
    internal sealed record ManagerRecovered : INoSerializationVerificationNeeded;

    /// <summary>From the order manager to this actor, before it stops: why its journal failed (one line, no secrets).</summary>
    internal sealed record ManagerFailed(string Detail) : INoSerializationVerificationNeeded;
}
