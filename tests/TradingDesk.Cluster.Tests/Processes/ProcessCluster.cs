using TradingDesk.Cluster.Tests.InProcess;
using TradingDesk.Simulator;
using Xunit.Abstractions;
using SimClient = TradingDesk.Simulator.Orders.ClientId;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// A cluster of node-host processes on loopback around one simulated gateway in this process, the gateway every desk
/// node connects to (failover needs both desks to reach the same one). Nodes start in age order, each once the one
/// before is Up (its ready line): the first is the seed and the oldest, so the desk singleton starts there.
/// Disposing kills every node, even when the test failed, and prints what each wrote.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    public const int ClientId = 41;

    private readonly ITestOutputHelper _output;
    private readonly List<NodeProcess> _nodes = [];
    private readonly int _seedPort = ClusterNodes.FreePort();

    private ProcessCluster(ITestOutputHelper output, GatewaySimulator simulator)
    {
        _output = output;
        Simulator = simulator;
        Gateway = new SimulatorLog(simulator);
    }

    public GatewaySimulator Simulator { get; }

    public SimulatorLog Gateway { get; }

    public static async Task<ProcessCluster> StartAsync(ITestOutputHelper output)
    {
        var simulator = await GatewaySimulator.StartAsync(new SimulatorOptions
        {
            Port = 0,
            Seed = 11,
            // Real time from a Tuesday 11:00 in New York: the market is open and ticks every 250 ms whenever the test runs.
            ClockMode = ClockMode.RealTime,
            Start = SimulatorOptions.DefaultManualStart,
            // Large orders fill over many seconds (at most the displayed size per second), so fills span a kill.
            StartingCash = 1_000_000_000m,
        });
        return new ProcessCluster(output, simulator);
    }

    /// <summary>
    /// A desk node (the first one founds the cluster on the seed port); returns once it is Up. With
    /// <paramref name="sharedJournal"/> it journals its orders to the cluster's one SQLite file (<see cref="JournalPath"/>),
    /// as desk nodes on one store do; without, to Akka's in-memory journal of its own process.
    /// </summary>
    public Task<NodeProcess> StartDeskAsync(string name, bool sharedJournal = false) =>
        StartAsync(name, [.. DeskArgs, .. sharedJournal ? ["--store", $"sqlite:{JournalPath}"] : Array.Empty<string>()]);

    /// <summary>
    /// A desk node journaling to <paramref name="store"/> (<c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>) on a port of
    /// the caller's: a desk started again on the same port is a new incarnation of the same address, which the cluster
    /// lets in as soon as it has removed the old one. Returns once it is Up.
    /// </summary>
    public Task<NodeProcess> StartDeskAsync(string name, string store, int port, params string[] extra) =>
        StartAsync(name, [.. DeskArgs, "--store", store, .. extra], port);

    private string[] DeskArgs => ["--roles", "desk", "--gateway", $"127.0.0.1:{Simulator.Port}", "--client-id", $"{ClientId}"];

    /// <summary>The SQLite journal desk nodes started with a shared journal write to; deleted on dispose.</summary>
    public string JournalPath { get; } = Path.Combine(Path.GetTempPath(), $"tradingdesk-cluster-journal-{Guid.NewGuid():N}.db");

    /// <summary>A strategy node hosting probe strategies (<c>ID:SYM[+SYM][:QTY[:again]]</c>); returns once it is Up.</summary>
    public Task<NodeProcess> StartStrategiesAsync(string name, params string[] strategies) =>
        StartAsync(name, ["--roles", "strategy", .. strategies.SelectMany(s => new[] { "--strategy", s })]);

    /// <summary>The simulator's executions of the desk's client id, by order id.</summary>
    public Task<IReadOnlyList<Simulator.Orders.Execution>> ExecutionsAsync() =>
        Simulator.InvokeAsync<IReadOnlyList<Simulator.Orders.Execution>>(m =>
            m.Executions(new Simulator.Orders.ExecutionFilter { ClientId = new SimClient(ClientId) }));

    private async Task<NodeProcess> StartAsync(string name, IReadOnlyList<string> args, int port = 0)
    {
        var founding = _nodes.Count == 0;
        // TRADINGDESK_TEST_SERIALIZE_MESSAGES=off runs the nodes without Akka's serialization verification, to measure
        // the handover as production runs it (see the node host); the default verifies every message.
        var verify = Environment.GetEnvironmentVariable("TRADINGDESK_TEST_SERIALIZE_MESSAGES") is "off" ? "off" : "on";
        var node = NodeProcess.Start(name, [
            .. args,
            "--serialize-messages", verify,
            "--port", founding ? $"{_seedPort}" : $"{port}",
            .. founding ? Array.Empty<string>() : ["--seed", ClusterNodes.SeedOf(_seedPort)],
        ]);
        _nodes.Add(node);
        await node.WaitFor("ready", null, Startup);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
            _output.WriteLine($"---- {node.Name} (pid {node.Pid}), last lines without ticks:\n{node.Tail(60)}");
        }
        await Simulator.DisposeAsync();
        foreach (var file in new[] { JournalPath, JournalPath + "-wal", JournalPath + "-shm" }) File.Delete(file);
    }
}
