using Akka;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Cluster;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Strategies;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting;

/// <summary>The desk could not start (bad settings, no gateway, unknown strategy type): one line for the user.</summary>
public class DeskStartException(string message) : Exception(message);

/// <summary>
/// No first connection: within <see cref="TradingDeskOptions.ConnectTimeout"/>, or before the start was cancelled
/// (<see cref="Stopped"/>: Ctrl-C, or the end of desk run's --duration). <see cref="LastError"/> is the last attempt's failure.
/// </summary>
public sealed class DeskNotConnectedException(string endpoint, bool stopped, TimeSpan waited, string? lastError, string message, string hint = DeskNotConnectedException.GatewayHint) : DeskStartException(message)
{
    /// <summary>What to check when the desk's own gateway connection did not come up.</summary>
    public const string GatewayHint = "check that TWS / IB Gateway runs, the API is enabled on that port, 127.0.0.1 is a trusted IP, and the client id is not in use";

    /// <summary>What to check when a strategy node heard nothing of the cluster's desk.</summary>
    public const string ClusterHint = "check that a desk node runs there (desk run --cluster-port …), that --seed-node is the address it advertises, and that its desk is connected to its gateway (desk cluster status)";

    /// <summary>What the user should check: <see cref="GatewayHint"/> or <see cref="ClusterHint"/>.</summary>
    public string Hint { get; } = hint;

    public string Endpoint { get; } = endpoint;

    public bool Stopped { get; } = stopped;

    public TimeSpan Waited { get; } = waited;

    public string? LastError { get; } = lastError;

    /// <summary>"no connection to X {when} (last attempt: …): check that …".</summary>
    public static string Describe(string endpoint, string when, string? lastError, string hint = GatewayHint) =>
        $"no connection to {endpoint} {when}" + (lastError is null ? "" : $" (last attempt: {lastError})") + ": " + hint;
}

/// <summary>
/// The hosted desk. The actor system is Akka.Hosting's (<c>AddAkka("trading-desk", …)</c>, see
/// <see cref="TradingDeskAkkaExtensions"/>): its composition creates the <see cref="ConnectionWatcher"/>, the desk and the
/// <see cref="StrategyHost"/> (all three in the <see cref="ActorRegistry"/>) and registers the stop sequence as
/// CoordinatedShutdown tasks. This hosted service, which starts after the actor system, waits for the first connection
/// (each attempt and backoff raised as <see cref="ConnectionChanged"/>), then creates the <see cref="DeskMonitor"/> and
/// the <see cref="OrderSweeper"/> (registered too) and starts the strategies.
/// On stop, CoordinatedShutdown runs, in an order where nothing is lost: the strategies stop (phase service-unbind: no new
/// orders); their working orders are cancelled (<see cref="TradingDeskOptions.CancelOrdersOnStop"/>) and the stop waits,
/// up to <see cref="TradingDeskOptions.StopTimeout"/>, for each one's outcome (phase service-requests-done,
/// <see cref="LastStop"/>); then the actor system terminates, and the embedded simulator stops (<see cref="DeskGateway"/>).
/// </summary>
public sealed class TradingDeskService(TradingDeskOptions options, DeskGateway gateway, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _log = loggers.CreateLogger("TradingDesk.Hosting");
    private readonly object _gate = new();
    private ActorSystem? _system;
    private IActorRef _watcher = ActorRefs.Nobody;
    private IActorRef _journalWatcher = ActorRefs.Nobody;
    private IActorRef? _host;
    private IActorRef? _monitor;
    private IActorRef? _sweeper;
    private IReadOnlyList<(string Name, Props Props)> _strategies = [];
    private Exception? _composeFailure;
    private DeskMonitor.Outcomes? _before;
    private Task? _stopping;

    /// <summary>Why the desk stopped, as CoordinatedShutdown records it.</summary>
    public sealed class StopReason : CoordinatedShutdown.Reason
    {
        public static readonly StopReason Instance = new();

        private StopReason()
        {
        }

        /// <summary>Not used: the desk's stop never ends the process (exit-clr is off); desk run chooses its exit code.</summary>
        public override int ExitCode => 0;
    }

    public TradingDeskOptions Options { get; } = options.Validated();

    /// <summary>The desk actor (after start; also <c>ActorRegistry.Get&lt;DeskActor&gt;()</c>).</summary>
    public IActorRef Desk { get; private set; } = ActorRefs.Nobody;

    /// <summary>The actor system (once composed), e.g. to watch its EventStream.</summary>
    public ActorSystem? System => _system;

    /// <summary>Where the desk connects ("embedded simulator on 127.0.0.1:port" or the gateway).</summary>
    public string Endpoint => gateway.Endpoint;

    public IReadOnlyList<string> StrategyNames { get; private set; } = [];

    /// <summary>
    /// Every connection state change from the start on: each attempt (Connecting), its failure (Disconnected) and the
    /// backoff before the next (Reconnecting), Connected. Raised on an actor's thread: handlers must be quick.
    /// </summary>
    public event Action<ConnectionEvents.StateChanged>? ConnectionChanged;

    /// <summary>What happened to the working orders at the last stop (null before a stop).</summary>
    public StopReport? LastStop { get; private set; }

    /// <summary>The snapshot taken at the end of the stop, after the cancels' outcomes (null before a stop).</summary>
    public DeskSnapshot? FinalSnapshot { get; private set; }

    /// <summary>
    /// The desk's part of the actor system's composition (run by Akka.Hosting as the system starts): the watcher, subscribed
    /// before the desk exists so no state change is missed, the desk, the strategy host, and the stop sequence.
    /// Akka.Hosting logs and swallows a composition failure, so it is kept for <see cref="StartAsync"/> to report.
    /// </summary>
    internal void Compose(ActorSystem system, IActorRegistry registry)
    {
        try
        {
            _system = system;
            _watcher = system.ActorOf(ConnectionWatcher.Props(e => ConnectionChanged?.Invoke(e)), "connection-watcher");
            system.EventStream.Subscribe(_watcher, typeof(ConnectionEvents.StateChanged));
            registry.Register<ConnectionWatcher>(_watcher);
            _journalWatcher = system.ActorOf(JournalWatcher.Props(), "journal-watcher");
            system.EventStream.Subscribe(_journalWatcher, typeof(Desk.Orders.OrderJournalStatus));
            Desk = Options.Cluster.Enabled ? ComposeClusterNode(system) : DeskSystem.Start(system, Options.ToDeskOptions(gateway.Host, gateway.Port));
            registry.Register<DeskActor>(Desk);
            _host = system.ActorOf(StrategyHost.Props(Options.ToStrategyHostOptions()), "strategies");
            registry.Register<StrategyHost>(_host);
            var shutdown = CoordinatedShutdown.Get(system);
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-strategies", StopStrategiesAsync);
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "settle-working-orders", SettleWorkingOrdersAsync);
        }
        catch (Exception ex)
        {
            _composeFailure = ex is ArgumentException ? new DeskStartException(ex.Message) : ex;
            throw;
        }
    }

    /// <summary>
    /// A cluster node: the desk singleton's manager on a desk node (the desk runs on the oldest one), and on every node the
    /// proxy (the strategies' desk, local or remote alike) and the link that delivers streams and failover notices. The
    /// link republishes the desk's connection events here, so the wait for the first connection works on every node.
    /// </summary>
    private IActorRef ComposeClusterNode(ActorSystem system)
    {
        if (Options.Cluster.RunsDesk) DeskClusterNode.StartDesk(system, Options.ToDeskOptions(gateway.Host, gateway.Port));
        var proxy = DeskClusterNode.StartProxy(system);
        DeskClusterNode.StartLink(system, proxy);
        return proxy;
    }

    /// <summary>The hosted strategies' props, built against the desk (their factories ran once already, in AddTradingDesk).</summary>
    internal void ComposeStrategies(IReadOnlyList<TradingDeskBuilder.HostedStrategy> strategies)
    {
        _strategies = BuildProps(strategies, Desk, Options.ToStrategyOptions());
        StrategyNames = [.. _strategies.Select(s => s.Name)];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_composeFailure is not null) throw _composeFailure;
        if (_system is null || _host is null) throw new DeskStartException("the actor system did not start; see the log");

        _log.LogInformation("Desk connecting to {Endpoint} as client {ClientId}", Endpoint, Options.ClientId);
        object first;
        // The watcher answers on its own scheduler timer (ConnectTimeout) or when the start is cancelled: never a hang.
        using (cancellationToken.Register(() => _watcher.Tell(new ConnectionWatcher.StartCancelled())))
            first = await _watcher.Ask(new ConnectionWatcher.AwaitFirstConnection(Options.ConnectTimeout), cancellationToken: CancellationToken.None);
        if (first is ConnectionWatcher.NotConnected failed)
        {
            var hint = Options.Cluster.Enabled && !Options.Cluster.RunsDesk ? DeskNotConnectedException.ClusterHint : DeskNotConnectedException.GatewayHint;
            var message = DeskNotConnectedException.Describe(Endpoint,
                failed.Stopped ? "before the run was stopped" : $"within {Durations.Format(Options.ConnectTimeout)} (TradingDesk:ConnectTimeout)", failed.LastError, hint);
            throw new DeskNotConnectedException(Endpoint, failed.Stopped, Options.ConnectTimeout, failed.LastError, message, hint);
        }

        var registry = ActorRegistry.For(_system);
        _monitor = _system.ActorOf(DeskMonitor.Props(Desk, StrategyNames, (ConnectionEvents.Connected)first), "monitor");
        registry.Register<DeskMonitor>(_monitor);
        // Strategies start once the monitor watches the orders: an order placed before would be missing from the view and the stop report.
        await AwaitWatchingAsync(cancellationToken);
        if (Options.CancelOrdersOnStop)
        {
            _sweeper = _system.ActorOf(OrderSweeper.Props(Desk, StrategyNames), "order-sweeper");
            registry.Register<OrderSweeper>(_sweeper);
        }
        foreach (var (name, p) in _strategies)
        {
            var reply = await _host.Ask(new StartStrategy(name, p), TimeSpan.FromSeconds(10));
            if (reply is not StrategyStarted) throw new DeskStartException($"strategy '{name}' did not start: {reply}");
            _log.LogInformation("Strategy {Name} started", name);
        }
    }

    /// <summary>
    /// The monitor's subscription is confirmed once an order manager has recovered its journal. Within 10 s, unless the
    /// journal is unavailable (a PostgreSQL that is not up yet): then the start waits, for as long as the store is down
    /// and the start is not cancelled, while the order manager retries with backoff and logs each failure.
    /// </summary>
    private async Task AwaitWatchingAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = _monitor!.Ask<DeskMonitor.Watching>(new DeskMonitor.AwaitWatching(), cancellationToken: stop.Token);
        var journal = _journalWatcher.Ask<object>(new JournalWatcher.AwaitJournalDown(TimeSpan.FromSeconds(10)), cancellationToken: stop.Token);
        try
        {
            if (await Task.WhenAny(watching, journal) == watching)
            {
                await watching;
                return;
            }
            if (await journal is not Desk.Orders.OrderJournalStatus down)
                throw new DeskStartException("the desk did not confirm the monitor's order-updates subscription within 10 s; no strategy was started");
            _log.LogWarning("Waiting for the order journal before starting the strategies: {Detail}", down.Detail);
            try
            {
                await watching;
            }
            catch (TaskCanceledException)
            {
                throw new DeskStartException($"the start was stopped while the order journal was unavailable ({down.Detail}); no strategy was started");
            }
            _log.LogInformation("The order journal is available: starting the strategies");
        }
        finally
        {
            _journalWatcher.Tell(new JournalWatcher.StopWaiting());
            stop.Cancel();
        }
    }

    internal static List<(string Name, Props Props)> BuildProps(IReadOnlyList<TradingDeskBuilder.HostedStrategy> strategies, IActorRef desk, StrategyOptions options)
    {
        var props = new List<(string Name, Props Props)>();
        foreach (var s in strategies)
        {
            try
            {
                props.Add((s.Name, s.Factory(new StrategyContext(desk, new StrategyId(s.Name), options, new StrategyParameters(s.Name, s.Parameters, s.Declared)))));
            }
            catch (ArgumentException ex)
            {
                throw new DeskStartException(ex.Message.StartsWith("strategy '", StringComparison.Ordinal) ? ex.Message : $"strategy '{s.Name}': {ex.Message}");
            }
        }
        return props;
    }

    /// <summary>The current view of the desk.</summary>
    public async Task<DeskSnapshot> GetSnapshotAsync()
    {
        if (_monitor is null || _host is null) throw new InvalidOperationException("the desk is not started");
        var states = await _host.Ask<StrategyStates>(new GetStrategyStates(), TimeSpan.FromSeconds(5));
        return await _monitor.Ask<DeskSnapshot>(new DeskMonitor.GetSnapshot(states.Strategies.ToDictionary(s => s.Name, s => s.State.ToString())), TimeSpan.FromSeconds(5));
    }

    /// <summary>Runs CoordinatedShutdown once, however often it is called (the host and desk run may both ask).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _stopping ??= StopOnceAsync();
    }

    private async Task StopOnceAsync()
    {
        if (_system is { } system) await CoordinatedShutdown.Get(system).Run(StopReason.Instance);
        await gateway.DisposeAsync();
    }

    /// <summary>Phase service-unbind: the strategies stop first, so none places a new order while the others are being cancelled.</summary>
    private async Task<Done> StopStrategiesAsync()
    {
        try
        {
            if (_monitor is not null) _before = await _monitor.Ask<DeskMonitor.Outcomes>(new DeskMonitor.GetOutcomes(), TimeSpan.FromSeconds(5));
            if (_host is not null) await _host.Ask<AllStopped>(new StopAll(), TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is AskTimeoutException or TimeoutException)
        {
            _log.LogWarning("The strategies did not stop in order: {Message}", ex.Message);
        }
        return Done.Instance;
    }

    /// <summary>
    /// Phase service-requests-done: the sweeper's cancels are answered, then the stop waits up to StopTimeout (on the
    /// scheduler, in the monitor) for each working order's outcome, and records what happened (<see cref="LastStop"/>).
    /// </summary>
    private async Task<Done> SettleWorkingOrdersAsync()
    {
        if (_monitor is null || _before is null) return Done.Instance;
        try
        {
            var failures = new Dictionary<string, string>();
            IReadOnlyList<OrderId> cancelled = [];
            if (_sweeper is not null)
            {
                var drained = await _sweeper.Ask<OrderSweeper.Drained>(new OrderSweeper.Drain(), Options.StopTimeout);
                failures = new(drained.Failed);
                cancelled = drained.Cancelled;
            }
            var now = await _monitor.Ask<DeskMonitor.Outcomes>(new DeskMonitor.GetOutcomes(), TimeSpan.FromSeconds(5));
            var all = _before.Orders.Concat(now.Orders).ToList();
            // The orders the sweeper cancelled count even when the monitor has not heard of them yet (it hears apart).
            var ids = all.Select(o => o.OrderId).Concat(cancelled).Distinct().ToList();
            var awaited = ids.Where(id => cancelled.Contains(id) || !failures.ContainsKey(all.First(o => o.OrderId == id).Strategy)).ToList();
            if (_sweeper is not null && awaited.Count > 0)
            {
                // Answered by the monitor when the last one ends, or by its StopTimeout timer; the Ask's own timeout is a backstop.
                var settled = await _monitor.Ask<DeskMonitor.Outcomes>(new DeskMonitor.AwaitOutcomes(awaited, Options.StopTimeout), Options.StopTimeout + TimeSpan.FromSeconds(5));
                if (settled.Orders.Any(o => o.IsWorking))
                    _log.LogWarning("Working orders got no final state within {Timeout} of the stop's cancels", Durations.Format(Options.StopTimeout));
            }
            var outcomes = await _monitor.Ask<DeskMonitor.Outcomes>(new DeskMonitor.GetOutcomes(ids), TimeSpan.FromSeconds(5));
            LastStop = new StopReport(_sweeper is not null, outcomes.Orders, failures);
            _log.LogInformation("Stop: {Report}", LastStop.Describe());
            FinalSnapshot = await GetSnapshotAsync();
        }
        catch (Exception ex) when (ex is AskTimeoutException or TimeoutException)
        {
            _log.LogWarning("The desk did not stop in order: {Message}", ex.Message);
        }
        return Done.Instance;
    }

    /// <summary>Stops the desk (CoordinatedShutdown) and the embedded simulator, e.g. after a failed start.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>The props a hosted strategy was started with (to start it again after a stop); null for a name not hosted here.</summary>
    internal Props? StrategyProps(string name) => _strategies.FirstOrDefault(s => s.Name == name).Props;
}
