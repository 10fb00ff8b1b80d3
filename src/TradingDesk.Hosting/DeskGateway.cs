using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Simulator;

namespace TradingDesk.Hosting;

/// <summary>
/// Where the desk connects. A hosted service registered ahead of the actor system: when no gateway is configured it
/// starts the embedded simulator (real time, on a free port) so the port is known before the desk is created, and it
/// stops the simulator after the actor system (hosted services stop in reverse order).
/// </summary>
public sealed class DeskGateway(TradingDeskOptions options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private GatewaySimulator? _simulator;

    public string Host { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>"embedded simulator on 127.0.0.1:port (…)" or "host:port" (empty before the start).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Checked before anything starts (e.g. a strategy parameter), so a bad setting fails without waiting.</summary>
    internal Action? BeforeStart { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        BeforeStart?.Invoke();
        if (!options.Cluster.RunsDesk)
        {
            // A strategy node: the desk, wherever it runs in the cluster, owns the gateway.
            Endpoint = "the cluster's desk (through " + string.Join(", ", options.Cluster.SeedNodes) + ")";
            return;
        }
        if (!string.IsNullOrWhiteSpace(options.Gateway))
        {
            (Host, Port) = TradingDeskOptions.ParseGateway(options.Gateway)!.Value;
            Endpoint = $"{Host}:{Port}";
            return;
        }
        var start = options.SimulatorStart ?? TradingDeskOptions.DefaultSimulatorStart(DateTimeOffset.UtcNow);
        _simulator = await GatewaySimulator.StartAsync(new SimulatorOptions
        {
            Port = 0, Seed = options.SimulatorSeed, Start = start, ClockMode = ClockMode.RealTime, Loggers = loggers,
            // Every run starts at the same market time of the day, and the journal outlives the run: ids from the
            // wall clock keep one run's exec ids from being taken for the fills of another.
            IdEpoch = DateTimeOffset.UtcNow,
        }, cancellationToken);
        (Host, Port) = ("127.0.0.1", _simulator.Port);
        Endpoint = $"embedded simulator on {Host}:{Port} (seed {options.SimulatorSeed}, market time from {start:yyyy-MM-dd HH:mm} UTC)";
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _simulator, null) is { } simulator) await simulator.DisposeAsync();
    }
}
