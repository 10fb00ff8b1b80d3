using System.Globalization;
using TradingDesk.Benchmarks.Desk;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// Ticks to strategies on another cluster node, beside an in-process strategy and Akka's raw remote messaging, all in
/// one run: <c>dotnet run -c Release --project tests/TradingDesk.Benchmarks -- cluster [runs] [throughput ticks]</c>.
/// Each run starts a fresh pair of nodes; every figure printed is the median over the runs, with each run's value after it.
/// </summary>
public static class ClusterBenchmarks
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private sealed class Run1
    {
        public Dictionary<string, TickLatency.Result> Latency { get; } = [];
        public Dictionary<string, long> Skipped { get; } = [];
        public Dictionary<string, ClusterStreams.Throughput> Throughput { get; } = [];
    }

    private static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var flood = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300_000;
        Console.WriteLine($"# {DateTime.UtcNow:u}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"# cluster benchmarks: {runs} runs, two actor systems in one process over Akka.Remote TCP on loopback; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        var results = new List<Run1>();
        for (var r = 0; r < runs; r++)
        {
            results.Add(await OneRunAsync(flood));
            Console.WriteLine($"# run {r + 1} done, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }

        foreach (var key in results[0].Latency.Keys)
        {
            var l = results.Select(x => x.Latency[key]).ToList();
            var skipped = results.Select(x => x.Skipped.GetValueOrDefault(key)).Sum();
            Console.WriteLine($"latency {key,-30} p50 {Stats.Median(l.Select(x => x.P50Micros)),8:0.0} us  p99 {Stats.Median(l.Select(x => x.P99Micros)),8:0.0} us  p99.9 {Stats.Median(l.Select(x => x.P999Micros)),8:0.0} us  (runs p50/p99/p99.9: {string.Join("; ", l.Select(x => $"{x.P50Micros:0}/{x.P99Micros:0}/{x.P999Micros:0}"))}; skipped {skipped})");
        }
        foreach (var key in results[0].Throughput.Keys)
        {
            var t = results.Select(x => x.Throughput[key]).ToList();
            Console.WriteLine($"throughput {key,-30} {Stats.Median(t.Select(x => x.CrossingsPerSecond)) / 1e3,8:0.0} k ticks/s per strategy  {Stats.Median(t.Select(x => x.DeliveriesPerSecond)) / 1e3,8:0.0} k deliveries/s  (runs k ticks/s: {string.Join(", ", t.Select(x => (x.CrossingsPerSecond / 1e3).ToString("0.0", CultureInfo.InvariantCulture)))}; conflated per run: {string.Join(", ", t.Select(x => x.Skipped))} of {t[0].Pushed} pushed)");
        }
    }

    private static async Task<Run1> OneRunAsync(int flood)
    {
        var result = new Run1();
        await using var nodes = await TwoNodes.StartAsync();
        var local = await nodes.LineAsync(nodes.DeskNode, "LOCAL", 1);
        var remote = await nodes.LineAsync(nodes.StrategyNode, "REMOTE", 1);
        var remote10 = await nodes.LineAsync(nodes.StrategyNode, "REMOTE10", 10);
        var rawProbe = nodes.StrategyNode.ActorOf(TickProbe.Props(new TaskCompletionSource()), "raw-probe");
        var rawRemote = await nodes.RemoteFromDeskAsync(rawProbe);
        var echo = await nodes.RemoteFromDeskAsync(nodes.StrategyNode.ActorOf(Echo.Props(), "echo"));
        var pinger = nodes.DeskNode.ActorOf(Pinger.Props(), "pinger");

        foreach (var (rate, ticks) in new[] { (1_000, 3_000), (10_000, 20_000) })
        {
            var (inProcess, s1) = await ClusterStreams.LatencyAsync(local.Probes[0], local.ReqId, local.Session, rate, ticks);
            result.Latency[$"{rate / 1000}k/s in-process"] = inProcess;
            result.Skipped[$"{rate / 1000}k/s in-process"] = s1;
            var (across, s2) = await ClusterStreams.LatencyAsync(remote.Probes[0], remote.ReqId, remote.Session, rate, ticks);
            result.Latency[$"{rate / 1000}k/s remote node"] = across;
            result.Skipped[$"{rate / 1000}k/s remote node"] = s2;
            result.Latency[$"{rate / 1000}k/s raw remote Tell"] = await ClusterStreams.RawOneWayAsync(rawProbe, rawRemote, rate, ticks);
        }
        result.Latency["raw remote round trip"] = await ClusterStreams.RoundTripAsync(pinger, echo, 5_000);

        // Offered above the 200k/s target: delivered can only reach the target if the path carries more than it.
        const int Offered = 250_000;
        result.Throughput["250k/s offered, in-process, 1"] = await ClusterStreams.PacedThroughputAsync(local.Probes, local.ReqId, local.Session, Offered, Offered);
        result.Throughput["250k/s offered, remote, 1"] = await ClusterStreams.PacedThroughputAsync(remote.Probes, remote.ReqId, remote.Session, Offered, Offered);
        result.Throughput["250k/s offered, remote, 10"] = await ClusterStreams.PacedThroughputAsync(remote10.Probes, remote10.ReqId, remote10.Session, Offered, Offered);
        result.Throughput["in-process, 1 strategy"] = await ClusterStreams.ThroughputAsync(local.Probes, local.ReqId, local.Session, flood);
        result.Throughput["remote, 1 strategy"] = await ClusterStreams.ThroughputAsync(remote.Probes, remote.ReqId, remote.Session, flood);
        result.Throughput["remote, 10 strategies"] = await ClusterStreams.ThroughputAsync(remote10.Probes, remote10.ReqId, remote10.Session, flood);
        return result;
    }
}
