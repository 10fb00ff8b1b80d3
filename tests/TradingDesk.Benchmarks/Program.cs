using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace TradingDesk.Benchmarks;

/// <summary>
/// Entry point for every benchmark of the project. Pick with a filter, e.g.
/// <c>dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*TickPrice*'</c>.
/// See docs/benchmarks.md for the recorded figures and the exact commands.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // The desk's latency / fan-out / memory measurements need sockets, actors and percentiles: a custom runner.
        if (args.Length > 0 && args[0] == "desk") { Desk.DeskBenchmarks.Run(args[1..]); return; }
        // Ticks to strategies on another cluster node beside in-process and raw remote baselines (same custom runner style).
        if (args.Length > 0 && args[0] == "cluster") { Cluster.ClusterBenchmarks.Run(args[1..]); return; }
        // Ticks to one gRPC client through the desk's front beside a bare gRPC server (same custom runner style).
        if (args.Length > 0 && args[0] == "grpc-stream") { Grpc.GrpcBenchmarks.Run(args[1..]); return; }
        // BenchmarkDotNet builds a boilerplate project per run; on a loaded 2-core machine that takes longer than its
        // default 2-minute limit, so allow 10.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
