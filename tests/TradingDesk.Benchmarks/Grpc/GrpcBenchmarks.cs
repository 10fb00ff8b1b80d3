using System.Globalization;
using TradingDesk.Benchmarks.Desk;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// Ticks to one gRPC client through the desk's front beside a bare gRPC server streaming the same messages, in one
/// run: the benchmark program's first argument <c>grpc-stream</c>, then <c>[repetitions] [flood ticks] [stream window]</c>
/// (the command is in docs/benchmarks.md, gRPC front).
/// Each repetition starts a fresh desk with its front, measures it, stops it, then does the same with the bare server;
/// every figure printed is the median over the repetitions, with each repetition's value after it.
/// </summary>
public static class GrpcBenchmarks
{
    private const int LatencyRate = 10_000;
    private const int LatencyTicks = 30_000;
    // Offered above the 100k/s target: delivered can only reach the target if the path carries more than it.
    private const int Offered = 150_000;

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private sealed record Repetition(GrpcStreams.Latency Latency, GrpcStreams.Throughput Paced, GrpcStreams.Throughput Flood,
        GrpcStreams.Latency? ActorLatency, GrpcStreams.Throughput? ActorPaced, GrpcStreams.Throughput? ActorFlood);

    private static async Task RunAsync(string[] args)
    {
        var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var flood = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300_000;
        int? window = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : null;
        Console.WriteLine($"# {DateTime.UtcNow:u}, load average {Load()}");
        Console.WriteLine($"# grpc-stream: {repetitions} repetitions; one client (Grpc.Net.Client, generated stub) on loopback h2c; front's stream window {window?.ToString(CultureInfo.InvariantCulture) ?? "default"}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        var desk = new List<Repetition>();
        var bare = new List<Repetition>();
        for (var r = 0; r < repetitions; r++)
        {
            desk.Add(await OneAsync(() => DeskTarget.StartAsync(window), flood));
            bare.Add(await OneAsync(BareTarget.StartAsync, flood));
            Console.WriteLine($"# repetition {r + 1} done, load average {Load()}");
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | through the desk (median) | bare gRPC server (median) | desk / bare | same desk, actor strategy (median) |");
        Console.WriteLine("|---|---|---|---|---|");
        LatencyRow("p50", x => x.P50);
        LatencyRow("p99", x => x.P99);
        LatencyRow("p99.9", x => x.P999);
        LatencyRow("max", x => x.Max);
        Console.WriteLine($"| latency at 10k/s: conflated | {Each(desk, x => x.Latency.Skipped, "0")} | {Each(bare, x => x.Latency.Skipped, "0")} | | {Each(desk, x => x.ActorLatency!.Skipped, "0")} |");
        ThroughputRows($"{Offered / 1000}k/s offered for 1 s", x => x.Paced, x => x.ActorPaced!);
        ThroughputRows($"flood of {flood:N0}", x => x.Flood, x => x.ActorFlood!);

        void LatencyRow(string name, Func<GrpcStreams.Latency, double> f)
        {
            var (d, b) = (Stats.Median(desk.Select(x => f(x.Latency))), Stats.Median(bare.Select(x => f(x.Latency))));
            var a = Stats.Median(desk.Select(x => f(x.ActorLatency!)));
            Console.WriteLine($"| latency at 10k/s, {name} (µs) | {d:0} ({Each(desk, x => f(x.Latency), "0")}) | {b:0} ({Each(bare, x => f(x.Latency), "0")}) | {d / b:0.00} | {a:0} ({Each(desk, x => f(x.ActorLatency!), "0")}) |");
        }

        void ThroughputRows(string name, Func<Repetition, GrpcStreams.Throughput> f, Func<Repetition, GrpcStreams.Throughput> g)
        {
            var (d, b, a) = (Stats.Median(desk.Select(x => f(x).Delivered)), Stats.Median(bare.Select(x => f(x).Delivered)), Stats.Median(desk.Select(x => g(x).Delivered)));
            Console.WriteLine($"| {name}: delivered k ticks/s | {d / 1e3:0.0} ({Each(desk, x => f(x).Delivered / 1e3, "0.0")}) | {b / 1e3:0.0} ({Each(bare, x => f(x).Delivered / 1e3, "0.0")}) | {d / b:0.00} | {a / 1e3:0.0} ({Each(desk, x => g(x).Delivered / 1e3, "0.0")}) |");
            Console.WriteLine($"| {name}: received / conflated of {f(desk[0]).Pushed:N0} | {Each(desk, x => f(x).Received, "0")} / {Each(desk, x => f(x).Skipped, "0")} | {Each(bare, x => f(x).Received, "0")} / {Each(bare, x => f(x).Skipped, "0")} | | {Each(desk, x => g(x).Received, "0")} / {Each(desk, x => g(x).Skipped, "0")} |");
        }
    }

    private static async Task<Repetition> OneAsync(Func<Task<StreamTarget>> start, int flood)
    {
        await using var target = await start();
        var latency = await GrpcStreams.LatencyAsync(target.Client, LatencyRate, LatencyTicks);
        var paced = await GrpcStreams.PacedAsync(target.Client, Offered, Offered);
        var flooded = await GrpcStreams.FloodAsync(target.Client, flood);
        if (target.Actor is not { } actor) return new Repetition(latency, paced, flooded, null, null, null);
        return new Repetition(latency, paced, flooded, await GrpcStreams.LatencyAsync(actor, LatencyRate, LatencyTicks),
            await GrpcStreams.PacedAsync(actor, Offered, Offered), await GrpcStreams.FloodAsync(actor, flood));
    }

    private static string Each<T>(List<T> values, Func<T, double> f, string format) =>
        string.Join(", ", values.Select(v => f(v).ToString(format, CultureInfo.InvariantCulture)));

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
