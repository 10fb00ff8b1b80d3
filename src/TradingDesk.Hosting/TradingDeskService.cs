using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Actors;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Strategies;
using TradingDesk.Simulator;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting;

/// <summary>The desk could not start (bad settings, no gateway, unknown strategy type): one line for the user.</summary>
public class DeskStartException(string message) : Exception(message);

/// <summary>
/// No first connection: within <see cref="TradingDeskOptions.ConnectTimeout"/>, or before the start was cancelled
/// (<see cref="Stopped"/>: Ctrl-C, or the end of desk run's --duration). <see cref="LastError"/> is the last attempt's failure.
/// </summary>
public sealed class DeskNotConnectedException(string endpoint, bool stopped, TimeSpan waited, string? lastError, string message) : DeskStartException(message)
{
    public string Endpoint { get; } = endpoint;

    public bool Stopped { get; } = stopped;

    public TimeSpan Waited { get; } = waited;

    public string? LastError { get; } = lastError;

    /// <summary>"no connection to X {when} (last attempt: …): check that …".</summary>
    public static string Describe(string endpoint, string when, string? lastError) =>
        $"no connection to {endpoint} {when}" + (lastError is null ? "" : $" (last attempt: {lastError})") +
        ": check that TWS / IB Gateway runs, the API is enabled on that port, 127.0.0.1 is a trusted IP, and the client id is not in use";
}

/// <summary>
/// The hosted desk: on start, an ActorSystem, the embedded simulator when no gateway is set, the desk, the strategies'
/// props (so a bad parameter fails before any waiting), then the first connection (each attempt and backoff raised as
/// <see cref="ConnectionChanged"/>), the <see cref="DeskMonitor"/>, the <see cref="OrderSweeper"/>, a
/// <see cref="StrategyHost"/> and the strategies.
/// On stop, in an order where nothing is lost: the strategies stop (no new orders); their working orders are cancelled
/// (<see cref="TradingDeskOptions.CancelOrdersOnStop"/>) and the stop waits, up to <see cref="TradingDeskOptions.StopTimeout"/>,
/// for each one's outcome (<see cref="LastStop"/>); then the system and the simulator stop.
/// </summary>
public sealed class TradingDeskService(TradingDeskOptions options, TradingDeskBuilder builder, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _log = loggers.CreateLogger("TradingDesk.Hosting");
    private readonly object _gate = new();
    private ActorSystem? _system;
    private GatewaySimulator? _simulator;
    private IActorRef? _host;
    private IActorRef? _monitor;
    private IActorRef? _sweeper;
    private Task? _stopping;

    public TradingDeskOptions Options { get; } = options.Validated();

    /// <summary>The desk actor (after start).</summary>
    public IActorRef Desk { get; private set; } = ActorRefs.Nobody;

    /// <summary>The actor system (after start), e.g. to watch its EventStream.</summary>
    public ActorSystem? System => _system;

    /// <summary>Where the desk connects ("embedded simulator on 127.0.0.1:port" or the gateway).</summary>
    public string Endpoint { get; private set; } = "";

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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var strategies = builder.Resolve(Options, new SettingLocations(null));
        var strategyOptions = Options.ToStrategyOptions();
        // A dry run of the factories (they only build props) so a bad parameter fails before anything starts or waits.
        BuildProps(strategies, ActorRefs.Nobody, strategyOptions);
        string host;
        int port;
        if (string.IsNullOrWhiteSpace(Options.Gateway))
        {
            var start = Options.SimulatorStart ?? TradingDeskOptions.DefaultSimulatorStart(DateTimeOffset.UtcNow);
            _simulator = await GatewaySimulator.StartAsync(new SimulatorOptions
            {
                Port = 0, Seed = Options.SimulatorSeed, Start = start, ClockMode = ClockMode.RealTime, Loggers = loggers,
            }, cancellationToken);
            (host, port) = ("127.0.0.1", _simulator.Port);
            Endpoint = $"embedded simulator on {host}:{port} (seed {Options.SimulatorSeed}, market time from {start:yyyy-MM-dd HH:mm} UTC)";
        }
        else
        {
            (host, port) = TradingDeskOptions.ParseGateway(Options.Gateway)!.Value;
            Endpoint = $"{host}:{port}";
        }

        _system = ActorSystem.Create("desk", new ActorSystemSettings { LoggerFactory = loggers, TimeProvider = builder.Time });
        var connected = new TaskCompletionSource<ConnectionEvents.Connected>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = _system.ActorOf(Props.Create(() => new ConnectionWatcher(connected, e => ConnectionChanged?.Invoke(e))), "connection-watcher");
        _system.EventStream.Subscribe<ConnectionEvents.StateChanged>(watcher);
        try
        {
            Desk = DeskSystem.Start(_system, Options.ToDeskOptions(host, port));
        }
        catch (ArgumentException ex)
        {
            throw new DeskStartException(ex.Message);
        }
        var props = BuildProps(strategies, Desk, strategyOptions);

        _log.LogInformation("Desk connecting to {Endpoint} as client {ClientId}", Endpoint, Options.ClientId);
        var first = await Task.WhenAny(connected.Task, Task.Delay(Options.ConnectTimeout, builder.Time, cancellationToken));
        if (first != connected.Task)
        {
            var last = ((ConnectionWatcher.LastError)await watcher.Ask(new ConnectionWatcher.GetLastError(), TimeSpan.FromSeconds(5))).Reason;
            var stopped = cancellationToken.IsCancellationRequested;
            var message = DeskNotConnectedException.Describe(Endpoint,
                stopped ? "before the run was stopped" : $"within {Durations.Format(Options.ConnectTimeout)} (TradingDesk:ConnectTimeout)", last);
            throw new DeskNotConnectedException(Endpoint, stopped, Options.ConnectTimeout, last, message);
        }

        StrategyNames = [.. strategies.Select(s => s.Name)];
        _monitor = _system.ActorOf(DeskMonitor.Props(Desk, StrategyNames, await connected.Task), "monitor");
        if (Options.CancelOrdersOnStop) _sweeper = _system.ActorOf(OrderSweeper.Props(Desk, StrategyNames), "order-sweeper");
        _host = _system.ActorOf(StrategyHost.Props(Options.ToStrategyHostOptions()), "strategies");
        foreach (var (name, p) in props)
        {
            var reply = await _host.Ask(new StartStrategy(name, p), TimeSpan.FromSeconds(10));
            if (reply is not StrategyStarted) throw new DeskStartException($"strategy '{name}' did not start: {reply}");
            _log.LogInformation("Strategy {Name} started", name);
        }
    }

    private static List<(string Name, Props Props)> BuildProps(IReadOnlyList<TradingDeskBuilder.HostedStrategy> strategies, IActorRef desk, StrategyOptions options)
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
        var states = (StrategyStates)await _host.Ask(new GetStrategyStates(), TimeSpan.FromSeconds(5));
        return (DeskSnapshot)await _monitor.Ask(new DeskMonitor.GetSnapshot(states.Strategies.ToDictionary(s => s.Name, s => s.State.ToString())), TimeSpan.FromSeconds(5));
    }

    /// <summary>Stops once, however often it is called (the host and desk run may both ask).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _stopping ??= StopOnceAsync();
    }

    private async Task StopOnceAsync()
    {
        if (_system is null) return;
        if (_host is not null && _monitor is not null)
        {
            try
            {
                var before = (DeskMonitor.Outcomes)await _monitor.Ask(new DeskMonitor.GetOutcomes(), TimeSpan.FromSeconds(5));
                // Strategies first, so none places a new order while the others are being cancelled.
                await _host.Ask(new StopAll(), TimeSpan.FromSeconds(10));
                var failures = new Dictionary<string, string>();
                if (_sweeper is not null)
                    failures = new(((OrderSweeper.Drained)await _sweeper.Ask(new OrderSweeper.Drain(), Options.StopTimeout)).Failed);
                var now = (DeskMonitor.Outcomes)await _monitor.Ask(new DeskMonitor.GetOutcomes(), TimeSpan.FromSeconds(5));
                var ids = before.Orders.Concat(now.Orders).Select(o => o.OrderId).Distinct().ToList();
                var awaited = ids.Where(id => !failures.ContainsKey(now.Orders.Concat(before.Orders).First(o => o.OrderId == id).Strategy)).ToList();
                DeskMonitor.Outcomes outcomes;
                try
                {
                    if (_sweeper is not null && awaited.Count > 0)
                        await _monitor.Ask(new DeskMonitor.AwaitOutcomes(awaited), Options.StopTimeout);
                }
                catch (AskTimeoutException)
                {
                    _log.LogWarning("Working orders got no final state within {Timeout} of the stop's cancels", Durations.Format(Options.StopTimeout));
                }
                outcomes = (DeskMonitor.Outcomes)await _monitor.Ask(new DeskMonitor.GetOutcomes(ids), TimeSpan.FromSeconds(5));
                LastStop = new StopReport(_sweeper is not null, outcomes.Orders, failures);
                _log.LogInformation("Stop: {Report}", LastStop.Describe());
                FinalSnapshot = await GetSnapshotAsync();
            }
            catch (Exception ex) when (ex is AskTimeoutException or TimeoutException)
            {
                _log.LogWarning("The desk did not stop in order: {Message}", ex.Message);
            }
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is { } system)
        {
            _system = null;
            await system.Terminate();
        }
        if (_simulator is { } simulator)
        {
            _simulator = null;
            await simulator.DisposeAsync();
        }
    }

    /// <summary>Completes the first-connection task and reports every state change to the service's event.</summary>
    private sealed class ConnectionWatcher : ReceiveActor
    {
        public sealed record GetLastError;

        public sealed record LastError(string? Reason);

        public ConnectionWatcher(TaskCompletionSource<ConnectionEvents.Connected> connected, Action<ConnectionEvents.StateChanged> report)
        {
            string? last = null;
            Receive<ConnectionEvents.StateChanged>(e =>
            {
                if (e is ConnectionEvents.Connected c) connected.TrySetResult(c);
                if (e is ConnectionEvents.Disconnected d) last = d.Reason;
                report(e);
            });
            Receive<GetLastError>(_ => Sender.Tell(new LastError(last)));
        }
    }
}
