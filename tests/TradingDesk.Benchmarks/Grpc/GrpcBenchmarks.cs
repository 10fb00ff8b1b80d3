using System.Globalization;
using TradingDesk.Benchmarks.Desk;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// Ticks to one gRPC client through the desk's front beside a bare gRPC server streaming the same messages, in one
/// run: <c>dotnet run -c Release --project tests/TradingDesk.Benchmarks -- grpc-stream [repetitions] [flood ticks]</c>.
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

    private sealed record Repetition(GrpcStreams.Latency Latency, GrpcStreams.Throughput Paced, GrpcStreams.Throughput Flood);

    private static async Task RunAsync(string[] args)
    {
        var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var flood = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300_000;
        Console.WriteLine($"# {DateTime.UtcNow:u}, load average {Load()}");
        Console.WriteLine($"# grpc-stream: {repetitions} repetitions; one client (Grpc.Net.Client, generated stub) on loopback h2c; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        var desk = new List<Repetition>();
        var bare = new List<Repetition>();
        for (var r = 0; r < repetitions; r++)
        {
            desk.Add(await OneAsync(DeskTarget.StartAsync, flood));
            bare.Add(await OneAsync(BareTarget.StartAsync, flood));
            Console.WriteLine($"# repetition {r + 1} done, load average {Load()}");
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | through the desk (median) | bare gRPC server (median) | desk / bare |");
        Console.WriteLine("|---|---|---|---|");
        LatencyRow("p50", x => x.P50);
        LatencyRow("p99", x => x.P99);
        LatencyRow("p99.9", x => x.P999);
        LatencyRow("max", x => x.Max);
        Console.WriteLine($"| latency at 10k/s: conflated | {Each(desk, x => x.Latency.Skipped, "0")} | {Each(bare, x => x.Latency.Skipped, "0")} | |");
        ThroughputRows($"{Offered / 1000}k/s offered for 1 s", x => x.Paced);
        ThroughputRows($"flood of {flood:N0}", x => x.Flood);

        void LatencyRow(string name, Func<GrpcStreams.Latency, double> f)
        {
            var (d, b) = (Stats.Median(desk.Select(x => f(x.Latency))), Stats.Median(bare.Select(x => f(x.Latency))));
            Console.WriteLine($"| latency at 10k/s, {name} (µs) | {d:0} ({Each(desk, x => f(x.Latency), "0")}) | {b:0} ({Each(bare, x => f(x.Latency), "0")}) | {d / b:0.00} |");
        }

        void ThroughputRows(string name, Func<Repetition, GrpcStreams.Throughput> f)
        {
            var (d, b) = (Stats.Median(desk.Select(x => f(x).Delivered)), Stats.Median(bare.Select(x => f(x).Delivered)));
            Console.WriteLine($"| {name}: delivered k ticks/s | {d / 1e3:0.0} ({Each(desk, x => f(x).Delivered / 1e3, "0.0")}) | {b / 1e3:0.0} ({Each(bare, x => f(x).Delivered / 1e3, "0.0")}) | {d / b:0.00} |");
            Console.WriteLine($"| {name}: received / conflated of {f(desk[0]).Pushed:N0} | {Each(desk, x => f(x).Received, "0")} / {Each(desk, x => f(x).Skipped, "0")} | {Each(bare, x => f(x).Received, "0")} / {Each(bare, x => f(x).Skipped, "0")} | |");
        }
    }

    private static async Task<Repetition> OneAsync(Func<Task<StreamTarget>> start, int flood)
    {
        await using var target = await start();
        var latency = await GrpcStreams.LatencyAsync(target, LatencyRate, LatencyTicks);
        var paced = await GrpcStreams.PacedAsync(target, Offered, Offered);
        var flooded = await GrpcStreams.FloodAsync(target, flood);
        return new Repetition(latency, paced, flooded);
    }

    private static string Each<T>(List<T> values, Func<T, double> f, string format) =>
        string.Join(", ", values.Select(v => f(v).ToString(format, CultureInfo.InvariantCulture)));

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
