using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// Feeds the dashboard. Subscribes to what the desk publishes (connection changes, gateway notices, pacer reports, the
/// kill switch) and folds it into its <see cref="DashboardState"/>; on a scheduler timer asks the strategy host for the
/// strategies' states and then the <see cref="DeskMonitor"/> for its snapshot (replies come back to this actor, nothing
/// waits), builds the page's snapshot and hands it to the <see cref="DashboardFeed"/>. The same tick asks the desk for
/// its strategy bindings (where each strategy's holder runs); a snapshot uses the latest answer it has, so the node
/// column lags by at most one tick and keeps its last word while the desk does not answer.
/// A round that gets no answer (the desk stopping) is given up after <see cref="StaleTicks"/> ticks, so one lost
/// reply does not stop the page for good.
/// </summary>
public sealed class DashboardActor : ReceiveActor, IWithTimers
{
    /// <summary>Ticks a round may stay unanswered before the next tick starts a new one.</summary>
    public const int StaleTicks = 5;

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    private readonly IActorRef _host;
    private readonly IActorRef _monitor;
    private readonly IActorRef _desk;
    private readonly Address _self;
    private IReadOnlyDictionary<string, string> _nodes = new Dictionary<string, string>();
    private readonly DashboardFeed _feed;
    private readonly IReadOnlySet<string> _startable;
    private readonly bool _cluster;
    private readonly bool _controlsNeedToken;
    private readonly TimeSpan _interval;
    private DashboardState _state;
    private int _waitingTicks = -1;

    public DashboardActor(IActorRef host, IActorRef monitor, IActorRef desk, DashboardFeed feed, DashboardState state, TimeSpan interval,
        Address self, IReadOnlySet<string> startable, bool cluster, bool controlsNeedToken)
    {
        _host = host;
        _monitor = monitor;
        _desk = desk;
        _self = self;
        _feed = feed;
        _state = state;
        _interval = interval;
        _startable = startable;
        _cluster = cluster;
        _controlsNeedToken = controlsNeedToken;
        Receive<Tick>(_ => OnTick());
        Receive<StrategyStates>(s => _monitor.Tell(new DeskMonitor.GetSnapshot(s.Strategies.ToDictionary(x => x.Name, x => x.State.ToString())), Self));
        Receive<DeskSnapshot>(OnSnapshot);
        Receive<OrderEvents.StrategyBindings>(b => _nodes = StrategyNodes.From(b.Bindings, _self));
        // The desk refused or could not be reached (a cluster without an up desk node): the last bindings stand.
        Receive<RequestFailed>(_ => { });
        Receive<ConnectionEvents.StateChanged>(e => _state = _state.Apply(e));
        Receive<GatewayNotice>(e => _state = _state.Apply(e));
        Receive<PacerStatus>(e => _state = _state.Apply(e));
        Receive<OrderEvents.KillSwitchActivated>(e => _state = _state.Apply(e));
        Receive<OrderEvents.KillSwitchReleased>(e => _state = _state.Apply(e));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary><paramref name="desk"/> answers <see cref="OrderCommands.GetStrategyBindings"/>; <paramref name="self"/> is this node's address.</summary>
    public static Props Props(IActorRef host, IActorRef monitor, IActorRef desk, DashboardFeed feed, DashboardState state, TimeSpan interval,
        Address self, IReadOnlySet<string> startable, bool cluster, bool controlsNeedToken) =>
        Akka.Actor.Props.Create(() => new DashboardActor(host, monitor, desk, feed, state, interval, self, startable, cluster, controlsNeedToken));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe(Self, typeof(ConnectionEvents.StateChanged));
        events.Subscribe(Self, typeof(GatewayNotice));
        events.Subscribe(Self, typeof(PacerStatus));
        events.Subscribe(Self, typeof(OrderEvents.KillSwitchActivated));
        events.Subscribe(Self, typeof(OrderEvents.KillSwitchReleased));
        // A first snapshot at once, so a page opened right after the start is not empty for a whole interval.
        Self.Tell(Tick.Instance);
        Timers.StartPeriodicTimer("dashboard-tick", Tick.Instance, _interval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnTick()
    {
        if (_waitingTicks >= 0 && ++_waitingTicks < StaleTicks) return;
        _waitingTicks = 0;
        _desk.Tell(new OrderCommands.GetStrategyBindings(), Self);
        _host.Tell(new GetStrategyStates(), Self);
    }

    private void OnSnapshot(DeskSnapshot desk)
    {
        _waitingTicks = -1;
        // The router reports its open lines on the desk's meters (the dashboard runs only where the desk does).
        var lines = Desk.Telemetry.DeskMetrics.For(Context.System).Lines.GetValueOrDefault("mkt");
        (_state, var snapshot) = _state.Build(desk, _nodes, _startable, Cluster(), _controlsNeedToken, lines);
        _feed.Publish(snapshot);
    }

    /// <summary>The cluster as this node sees it now (its gossip state: a read, nothing sent).</summary>
    private ClusterPanel Cluster()
    {
        if (!_cluster) return new ClusterPanel(false, null, null, []);
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        return ClusterView.Build(cluster.SelfAddress,
            state.Members.OrderBy(m => m, Member.AgeOrdering).Select((m, age) => new ClusterView.MemberSeen(m.Address, m.Status, m.Roles, age, !unreachable.Contains(m.Address))),
            TradingDesk.Cluster.DeskRoles.Desk);
    }
}
