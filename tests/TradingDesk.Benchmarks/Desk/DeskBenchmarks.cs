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
        Console.WriteLine($"# {DateTime.UtcNow:u}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"# desk benchmarks: {runs} runs each, medians; {Environment.ProcessorCount} cores; .NET {Environment.Version}; server GC {System.Runtime.GCSettings.IsServerGC}");

        if (only is "all" or "latency")
        {
            foreach (var (rate, ticks) in new[] { (1_000, 3_000), (10_000, 20_000), (100_000, 100_000) })
            {
                var desk = new List<TickLatency.Result>();
                var raw = new List<TickLatency.Result>();
                var hops = new List<TickLatency.Result>();
                for (var r = 0; r < runs; r++)
                {
                    desk.Add(await TickLatency.RunDeskAsync(rate, ticks));
                    raw.Add(await TickLatency.RunBaselineAsync(rate, ticks));
                    hops.Add(await ActorHops.RunAsync(2, rate, ticks));
                }
                Print($"latency {rate,7}/s desk    ", desk);
                Print($"latency {rate,7}/s baseline", raw);
                Console.WriteLine($"  cost desk:     {string.Join(" | ", desk.Select(x => x.Cost))}");
                Console.WriteLine($"  cost baseline: {string.Join(" | ", raw.Select(x => x.Cost))}");
                Print($"latency {rate,7}/s 2 hops  ", hops);
            }
        }
        if (only is "all" or "fanout")
        {
            foreach (var n in new[] { 1, 10, 100, 1_000 })
            {
                var results = new List<FanOut.Result>();
                for (var r = 0; r < runs; r++) results.Add(await FanOut.RunAsync(n, 2_000_000));
                foreach (var (label, pick) in new (string, Func<FanOut.Result, FanOut.Measurement>)[] { ("desk line  ", x => x.Desk), ("broadcaster", x => x.Broadcaster), ("channels   ", x => x.Channels) })
                {
                    var m = results.Select(pick).ToList();
                    Console.WriteLine($"fan-out {n,5} subscribers, {label}: {Stats.Median(m.Select(x => x.PerSecond)) / 1e6,6:0.00} M deliveries/s  {Stats.Median(m.Select(x => x.WorkItemsPerDelivery)),6:0.000} work items and {Stats.Median(m.Select(x => x.BytesPerDelivery)),6:0.0} B allocated per delivery  (runs M/s: {string.Join(", ", m.Select(x => (x.PerSecond / 1e6).ToString("0.00", CultureInfo.InvariantCulture)))})");
                }
            }
        }
        if (only is "all" or "orders")
        {
            // The pacer's pump timer fires on the scheduler's tick: akka.scheduler.tick-duration, 10 ms by default and also
            // the least Akka.NET's HashedWheelTimerScheduler accepts (it throws below 10 ms, on every OS). A longer tick
            // can be measured by passing its HOCON as the third argument, e.g. "akka.scheduler.tick-duration = 20ms".
            var configs = new List<(string Label, string? Hocon)> { ("default scheduler", null) };
            if (args.Length > 2) configs.Add((args[2], args[2]));
            foreach (var (label, hocon) in configs)
            {
                var desk = new List<OrderLatency.Result>();
                var raw = new List<TickLatency.Result>();
                var hops = new List<TickLatency.Result>();
                for (var r = 0; r < runs; r++)
                {
                    desk.Add(await OrderLatency.RunDeskAsync(hocon, spaced: 40, burst: 100));
                    raw.Add(await OrderLatency.RunBaselineAsync(spaced: 40));
                    hops.Add(await ActorHops.RunAsync(4, 20, 40, hocon));
                }
                Print($"orders {label}: spaced desk", desk.Select(x => x.Spaced).ToList());
                Print($"orders {label}: → accepted ", desk.Select(x => x.Accepted).ToList());
                Print($"orders {label}: bare client", raw);
                Print($"orders {label}: 4 hops     ", hops);
                var b = desk.Select(x => x.Burst).ToList();
                Console.WriteLine($"orders {label}: burst of {b[0].Orders}: lateness p50 {Stats.Median(b.Select(x => x.LatenessP50Micros)) / 1000,7:0.00} ms  p90 {Stats.Median(b.Select(x => x.LatenessP90Micros)) / 1000,7:0.00} ms  max {Stats.Median(b.Select(x => x.LatenessMaxMicros)) / 1000,7:0.00} ms  duration {Stats.Median(b.Select(x => x.DurationMillis)),7:0.0} ms (rules alone {b[0].IdealMillis:0.0} ms)  (runs p50/max ms: {string.Join("; ", b.Select(x => $"{x.LatenessP50Micros / 1000:0.00}/{x.LatenessMaxMicros / 1000:0.00}"))})");
            }
        }
        if (only is "all" or "journal")
        {
            // The durable desk: recovery of a journal of 10k and 100k events with and without a snapshot, the write rate
            // beside a raw batched insert of the same rows, and order latency on SQLite beside Akka's in-memory journal.
            foreach (var events in new[] { 10_000, 100_000 })
            {
                foreach (var snapshots in new[] { false, true })
                {
                    var results = new List<Journal.JournalRecovery.Result>();
                    for (var r = 0; r < runs; r++) results.Add(await Journal.JournalRecovery.RunAsync(events, snapshots));
                    Console.WriteLine($"journal recovery {events,7} events ({results[0].Orders} orders), {(snapshots ? "snapshot" : "no snapshot"),11}: cold {Stats.Median(results.Select(x => x.ColdMillis)),7:0} ms  warm {Stats.Median(results.Select(x => x.WarmMillis)),7:0} ms  written at {Stats.Median(results.Select(x => x.WrittenPerSecond)),8:0} events/s  (runs cold/warm ms: {string.Join("; ", results.Select(x => $"{x.ColdMillis:0}/{x.WarmMillis:0}"))})");
                }
                var raw = new List<double>();
                for (var r = 0; r < runs; r++) raw.Add(await Journal.RawInsert.RunAsync(events));
                Console.WriteLine($"journal baseline {events,7} events, raw batched insert: {Stats.Median(raw),8:0} rows/s  (runs: {string.Join(", ", raw.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))})");
            }
            // Each run measures the three journals one after the other, so a noisy stretch of the shared machine
            // falls on all of them rather than on one; SQLite once per synchronous setting the desk offers.
            var memory = new List<OrderLatency.Result>();
            var full = new List<OrderLatency.Result>();
            var normal = new List<OrderLatency.Result>();
            for (var r = 0; r < runs; r++)
            {
                memory.Add(await OrderLatency.RunDeskAsync(Journal.JournalStores.Memory(), spaced: 100, burst: 100));
                foreach (var (mode, results) in new[] { (Hosting.SqliteSynchronous.Full, full), (Hosting.SqliteSynchronous.Normal, normal) })
                {
                    using var file = new Journal.JournalStores.TempFile();
                    results.Add(await OrderLatency.RunDeskAsync(Journal.JournalStores.Sqlite(file.Path), spaced: 100, burst: 100,
                        Journal.JournalStores.SqliteSetup(file.Path, mode)));
                }
            }
            Print("orders in-memory journal:      spaced", memory.Select(x => x.Spaced).ToList());
            Print("orders in-memory journal:      → acc.", memory.Select(x => x.Accepted).ToList());
            Print("orders SQLite journal, FULL:   spaced", full.Select(x => x.Spaced).ToList());
            Print("orders SQLite journal, FULL:   → acc.", full.Select(x => x.Accepted).ToList());
            Print("orders SQLite journal, NORMAL: spaced", normal.Select(x => x.Spaced).ToList());
            Print("orders SQLite journal, NORMAL: → acc.", normal.Select(x => x.Accepted).ToList());
            // The target is on the p99 the journal adds to a spaced placement, against the same run's in-memory journal.
            var baseline = Stats.Median(memory.Select(x => x.Spaced.P99Micros));
            foreach (var (name, results) in new[] { ("FULL", full), ("NORMAL", normal) })
            {
                var p99 = Stats.Median(results.Select(x => x.Spaced.P99Micros));
                Console.WriteLine($"orders SQLite {name,-6} adds to p99 (spaced, medians): {(p99 - baseline) / 1000,6:+0.00;-0.00} ms  ({p99 / baseline:0.00}x the in-memory journal's {baseline / 1000:0.00} ms)");
            }
        }
        if (only is "all" or "metrics")
        {
            // The meters' cost on the hot path: the same tick run with nothing listening and with the SDK collecting.
            foreach (var (rate, ticks) in new[] { (10_000, 20_000) })
            {
                var off = new List<TickLatency.Result>();
                var on = new List<TickLatency.Result>();
                for (var r = 0; r < runs; r++)
                {
                    // Off then on, then on then off: a load that rises or falls through the run favours neither.
                    var onFirst = r % 2 == 1;
                    if (onFirst) on.Add(await MetricsCost.RunAsync(rate, ticks, metrics: true));
                    off.Add(await MetricsCost.RunAsync(rate, ticks, metrics: false));
                    if (!onFirst) on.Add(await MetricsCost.RunAsync(rate, ticks, metrics: true));
                }
                Print($"metrics off {rate,7}/s", off);
                Print($"metrics on  {rate,7}/s", on);
                var (p50Off, p50On) = (Stats.Median(off.Select(x => x.P50Micros)), Stats.Median(on.Select(x => x.P50Micros)));
                var (p99Off, p99On) = (Stats.Median(off.Select(x => x.P99Micros)), Stats.Median(on.Select(x => x.P99Micros)));
                Console.WriteLine($"metrics on / off, medians: p50 {p50On / p50Off:0.000}x  p99 {p99On / p99Off:0.000}x (target within 1.05x)");
                // Each repetition's pair ran back to back under the same load: the median of their ratios is steadier
                // than the ratio of medians when the load changes between repetitions.
                var p50Pairs = off.Zip(on, (o, n) => n.P50Micros / o.P50Micros).ToList();
                var p99Pairs = off.Zip(on, (o, n) => n.P99Micros / o.P99Micros).ToList();
                Console.WriteLine($"metrics on / off, median of paired ratios: p50 {Stats.Median(p50Pairs):0.000}x  p99 {Stats.Median(p99Pairs):0.000}x  (p50 pairs: {string.Join(", ", p50Pairs.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))})");
                // The p99 is bimodal on a shared machine (a repetition either sees a stall or not): count each mode.
                const double stalled = 1_000;
                Console.WriteLine($"metrics p99 above {stalled:0} us: off {off.Count(x => x.P99Micros > stalled)} of {off.Count}, on {on.Count(x => x.P99Micros > stalled)} of {on.Count}; medians of the rest: off {Stats.Median(off.Where(x => x.P99Micros <= stalled).Select(x => x.P99Micros)):0} us, on {Stats.Median(on.Where(x => x.P99Micros <= stalled).Select(x => x.P99Micros)):0} us");
            }
        }
        if (only is "all" or "memory")
        {
            var results = new List<(double PerLine, double PerShared)>();
            for (var r = 0; r < runs; r++) results.Add(await SubscriptionMemory.RunAsync(2_000));
            Console.WriteLine($"memory: {Stats.Median(results.Select(x => x.PerLine)),8:0} B per line (new contract)   {Stats.Median(results.Select(x => x.PerShared)),8:0} B per extra subscriber of a shared line  (runs: {string.Join("; ", results.Select(x => $"{x.PerLine:0}/{x.PerShared:0}"))})");
        }
    }

    private static void Print(string label, IReadOnlyList<TickLatency.Result> results) =>
        Console.WriteLine($"{label} p50 {Stats.Median(results.Select(x => x.P50Micros)),9:0.0} us  p99 {Stats.Median(results.Select(x => x.P99Micros)),9:0.0} us  p99.9 {Stats.Median(results.Select(x => x.P999Micros)),9:0.0} us  (runs p50: {string.Join(", ", results.Select(x => x.P50Micros.ToString("0", CultureInfo.InvariantCulture)))}; p99: {string.Join(", ", results.Select(x => x.P99Micros.ToString("0", CultureInfo.InvariantCulture)))})");
}
