using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Actors;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Strategies;
using TradingDesk.Simulator;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting;

/// <summary>The desk could not start (bad settings, no gateway, unknown strategy type): one line for the user.</summary>
public sealed class DeskStartException(string message) : Exception(message);

/// <summary>
/// The hosted desk: on start, an ActorSystem, the embedded simulator when no gateway is set, the desk (waiting for
/// its first connection), the <see cref="DeskMonitor"/>, a <see cref="StrategyHost"/> and the configured strategies.
/// On stop, the strategies stop (cancelling their working orders when <see cref="TradingDeskOptions.CancelOrdersOnStop"/>),
/// then the system and the simulator.
/// </summary>
public sealed class TradingDeskService(TradingDeskOptions options, TradingDeskBuilder builder, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _log = loggers.CreateLogger("TradingDesk.Hosting");
    private ActorSystem? _system;
    private GatewaySimulator? _simulator;
    private IActorRef? _host;
    private IActorRef? _monitor;

    public TradingDeskOptions Options { get; } = options.Validated();

    /// <summary>The desk actor (after start).</summary>
    public IActorRef Desk { get; private set; } = ActorRefs.Nobody;

    /// <summary>Where the desk connects ("embedded simulator on 127.0.0.1:port" or the gateway).</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<string> StrategyNames { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var strategies = ResolveStrategies();
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

        _system = ActorSystem.Create("desk", new ActorSystemSettings { LoggerFactory = loggers });
        var connected = new TaskCompletionSource<ConnectionEvents.Connected>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = _system.ActorOf(Props.Create(() => new ConnectionWaiter(connected)), "connection-waiter");
        _system.EventStream.Subscribe<ConnectionEvents.Connected>(waiter);
        var deskOptions = new DeskOptions { Host = host, Port = port, ClientId = Options.ClientId, Orders = new OrderManagerOptions { ClientId = Options.ClientId } };
        try
        {
            Desk = DeskSystem.Start(_system, deskOptions);
        }
        catch (ArgumentException ex)
        {
            throw new DeskStartException(ex.Message);
        }
        _log.LogInformation("Desk connecting to {Endpoint} as client {ClientId}", Endpoint, Options.ClientId);
        var first = await Task.WhenAny(connected.Task, Task.Delay(Options.ConnectTimeout, cancellationToken));
        if (first != connected.Task)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new DeskStartException($"no connection to {Endpoint} within {Options.ConnectTimeout.TotalSeconds:0}s: check that TWS / IB Gateway runs, " +
                "the API is enabled on that port, 127.0.0.1 is a trusted IP, and the client id is not in use");
        }
        _system.Stop(waiter);

        StrategyNames = [.. strategies.Select(s => s.Name)];
        _monitor = _system.ActorOf(DeskMonitor.Props(Desk, StrategyNames, await connected.Task), "monitor");
        _host = _system.ActorOf(StrategyHost.Props(), "strategies");
        var strategyOptions = new StrategyOptions { CancelOrdersOnStop = Options.CancelOrdersOnStop };
        foreach (var (name, factory, parameters) in strategies)
        {
            Props props;
            try
            {
                props = factory(new StrategyContext(Desk, new StrategyId(name), strategyOptions, new StrategyParameters(name, parameters)));
            }
            catch (ArgumentException ex)
            {
                throw new DeskStartException(ex.Message.StartsWith("strategy '", StringComparison.Ordinal) ? ex.Message : $"strategy '{name}': {ex.Message}");
            }
            var reply = await _host.Ask(new StartStrategy(name, props), TimeSpan.FromSeconds(10));
            if (reply is not StrategyStarted) throw new DeskStartException($"strategy '{name}' did not start: {reply}");
            _log.LogInformation("Strategy {Name} started", name);
        }
    }

    /// <summary>The current view of the desk.</summary>
    public async Task<DeskSnapshot> GetSnapshotAsync()
    {
        if (_monitor is null || _host is null) throw new InvalidOperationException("the desk is not started");
        var states = (StrategyStates)await _host.Ask(new GetStrategyStates(), TimeSpan.FromSeconds(5));
        return (DeskSnapshot)await _monitor.Ask(new DeskMonitor.GetSnapshot(states.Strategies.ToDictionary(s => s.Name, s => s.State.ToString())), TimeSpan.FromSeconds(5));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is null) return;
        if (_host is not null)
        {
            try
            {
                await _host.Ask(new StopAll(), TimeSpan.FromSeconds(10));
                if (Options.CancelOrdersOnStop) await WaitForNoWorkingOrders(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is AskTimeoutException or TimeoutException)
            {
                _log.LogWarning("Strategies did not stop in time: {Message}", ex.Message);
            }
        }
        await DisposeAsync();
    }

    private async Task WaitForNoWorkingOrders(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var snapshot = await GetSnapshotAsync();
            if (snapshot.WorkingOrders.Count == 0) return;
            await Task.Delay(100);
        }
        _log.LogWarning("Working orders remained after the stop's cancels");
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

    private List<(string Name, Func<StrategyContext, Props> Factory, IReadOnlyDictionary<string, string> Parameters)> ResolveStrategies()
    {
        var list = new List<(string, Func<StrategyContext, Props>, IReadOnlyDictionary<string, string>)>();
        foreach (var s in Options.Strategies.Where(s => s.Enabled))
        {
            if (!builder.Types.TryGetValue(s.Type, out var factory))
                throw new DeskStartException($"strategy '{s.Name}': unknown Type '{s.Type}'; known types: {string.Join(", ", builder.Types.Keys.Order())}");
            list.Add((s.Name, factory, s.Parameters));
        }
        foreach (var (name, factory) in builder.Strategies) list.Add((name, factory, new Dictionary<string, string>()));
        var duplicate = list.GroupBy(s => s.Item1).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DeskStartException($"the strategy name '{duplicate.Key}' is used twice");
        return list;
    }

    private sealed class ConnectionWaiter : ReceiveActor
    {
        public ConnectionWaiter(TaskCompletionSource<ConnectionEvents.Connected> connected) =>
            Receive<ConnectionEvents.Connected>(c => connected.TrySetResult(c));
    }
}
