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
/// </summary>
public sealed class OrderManagerSupervisor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan BackoffUnit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);
    // A manager that ran this long before it stopped starts the backoff over: the store was back for a while.
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(60);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Props _managerProps;
    private readonly ITimeProvider _time;
    private IActorRef? _manager;
    private DateTimeOffset _startedAt;
    private int _attempt;
    private ConnectionEvents.StateChanged? _connection;
    private readonly Dictionary<Domain.StrategyId, (OrderCommands.RegisterStrategy Command, IActorRef Holder)> _registrations = [];
    private readonly Dictionary<IActorRef, OrderCommands.SubscribeOrderUpdates> _subscribers = [];

    public OrderManagerSupervisor(IActorRef pacer, OrderManagerOptions options)
    {
        _managerProps = OrderManagerActor.Props(pacer, options);
        _time = Context.System.Scheduler;

        Receive<Terminated>(t => t.ActorRef.Equals(_manager), ManagerStopped);
        Receive<Terminated>(t => Forget(t.ActorRef));
        Receive<Restart>(_ => StartManager());
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

    protected override void PreStart() => StartManager();

    private void StartManager()
    {
        _manager = Context.Watch(Context.ActorOf(_managerProps, "manager"));
        _startedAt = _time.Now;
        // As the connection would have told a manager that was there all along: the new one recovers, then reconciles.
        if (_connection is ConnectionEvents.Connected c) _manager.Tell(c with { IsReconnect = false });
        foreach (var (command, holder) in _registrations.Values) _manager.Tell(command, holder);
        foreach (var (subscriber, command) in _subscribers) _manager.Tell(command, subscriber);
    }

    private void ManagerStopped(Terminated _)
    {
        _manager = null;
        _attempt = _time.Now - _startedAt >= Healthy ? 1 : _attempt + 1;
        var delay = Backoff.Delay(_attempt, BackoffUnit, BackoffCap);
        _log.Warning("The order manager stopped (its journal failed, see above); a new one starts in {0:0.#} s (attempt {1}); until then orders are refused",
            delay.TotalSeconds, _attempt);
        Timers.StartSingleTimer(nameof(StartManager), new Restart(), delay);
    }

    private void ToManager(IOrderCommand command)
    {
        if (_manager is not null)
        {
            _manager.Forward(command);
            return;
        }
        Sender.Tell(new RequestFailed(command, new JournalUnavailable("the order manager is restarting after its journal failed")));
    }

    private void Forget(IActorRef gone)
    {
        _subscribers.Remove(gone);
        foreach (var (id, _) in _registrations.Where(kv => kv.Value.Holder.Equals(gone)).ToList()) _registrations.Remove(id);
    }

    private sealed record Restart : INoSerializationVerificationNeeded;
}
