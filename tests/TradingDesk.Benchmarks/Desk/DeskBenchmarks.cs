using System.Globalization;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// Runs the desk's measurements: <c>dotnet run -c Release --project tests/TradingDesk.Benchmarks -- desk [runs]</c>.
/// Each figure is the median of <c>runs</c> (default 3) repetitions; every desk figure has its baseline from the same run.
/// </summary>
public static class DeskBenchmarks
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var only = args.Length > 1 ? args[1] : "all";
        Console.WriteLine($"# desk benchmarks: {runs} runs each, medians; {Environment.ProcessorCount} cores; .NET {Environment.Version}; server GC {System.Runtime.GCSettings.IsServerGC}");

        if (only is "all" or "latency")
        {
            foreach (var (rate, ticks) in new[] { (1_000, 3_000), (10_000, 20_000), (100_000, 100_000) })
            {
                var desk = new List<TickLatency.Result>();
                var raw = new List<TickLatency.Result>();
                for (var r = 0; r < runs; r++)
                {
                    desk.Add(await TickLatency.RunDeskAsync(rate, ticks));
                    raw.Add(await TickLatency.RunBaselineAsync(rate, ticks));
                }
                Console.WriteLine($"latency {rate,7}/s desk     p50 {Stats.Median(desk.Select(x => x.P50Micros)),9:0.0} us  p99 {Stats.Median(desk.Select(x => x.P99Micros)),9:0.0} us  p99.9 {Stats.Median(desk.Select(x => x.P999Micros)),9:0.0} us  ({ticks} ticks; runs p99: {string.Join(", ", desk.Select(x => x.P99Micros.ToString("0", CultureInfo.InvariantCulture)))})");
                Console.WriteLine($"latency {rate,7}/s baseline p50 {Stats.Median(raw.Select(x => x.P50Micros)),9:0.0} us  p99 {Stats.Median(raw.Select(x => x.P99Micros)),9:0.0} us  p99.9 {Stats.Median(raw.Select(x => x.P999Micros)),9:0.0} us");
            }
        }
        if (only is "all" or "fanout")
        {
            foreach (var n in new[] { 1, 10, 100, 1_000 })
            {
                var results = new List<(double Desk, double Baseline)>();
                for (var r = 0; r < runs; r++) results.Add(await FanOut.RunAsync(n, 2_000_000));
                Console.WriteLine($"fan-out {n,5} subscribers: desk {Stats.Median(results.Select(x => x.Desk)) / 1e6,6:0.00} M deliveries/s   baseline {Stats.Median(results.Select(x => x.Baseline)) / 1e6,6:0.00} M deliveries/s  (runs: {string.Join(", ", results.Select(x => (x.Desk / 1e6).ToString("0.00", CultureInfo.InvariantCulture)))})");
            }
        }
        if (only is "all" or "memory")
        {
            var results = new List<(double PerLine, double PerShared)>();
            for (var r = 0; r < runs; r++) results.Add(await SubscriptionMemory.RunAsync(2_000));
            Console.WriteLine($"memory: {Stats.Median(results.Select(x => x.PerLine)),8:0} B per line (new contract)   {Stats.Median(results.Select(x => x.PerShared)),8:0} B per extra subscriber of a shared line  (runs: {string.Join("; ", results.Select(x => $"{x.PerLine:0}/{x.PerShared:0}"))})");
        }
    }
}
