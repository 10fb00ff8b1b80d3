using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace TradingDesk.Benchmarks.Actors.Comparison;

/// <summary>
/// The project's own actor runtime (TradingDesk.Actors) and Akka.NET, measured in one run on the same shapes: tell
/// 1→1 and N→1 (one operation is one message), a sequential Ask round trip, spawn + stop of a child (until its
/// PostStop ran), and the retained heap per idle actor (printed by the setup as <c>// IdleMemory:</c> lines). In each
/// category the own runtime is the baseline, so the Ratio column reads "Akka.NET / own".
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RuntimeComparisonBenchmarks
{
    private const int Messages = 1_000_000;
    private const int RoundTrips = 10_000;
    private const int Spawns = 10_000;
    private const int IdleActors = 100_000;
    private static readonly int Producers = Math.Max(2, Environment.ProcessorCount);

    private OwnRuntime _own = null!;
    private AkkaRuntime _akka = null!;

    [GlobalSetup]
    public void Setup()
    {
        _own = new OwnRuntime(Messages);
        _akka = new AkkaRuntime(Messages);
        Console.WriteLine($"// IdleMemory: own {_own.IdleBytesPerActor(IdleActors):F0} bytes per idle actor ({IdleActors:N0} actors)");
        Console.WriteLine($"// IdleMemory: akka {_akka.IdleBytesPerActor(IdleActors):F0} bytes per idle actor ({IdleActors:N0} actors)");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _own.Dispose();
        _akka.Dispose();
    }

    [BenchmarkCategory("Tell 1to1"), Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public Task Own_Tell_1to1() => _own.Tell(Messages, producers: 1);

    [BenchmarkCategory("Tell 1to1"), Benchmark(OperationsPerInvoke = Messages)]
    public Task Akka_Tell_1to1() => _akka.Tell(Messages, producers: 1);

    [BenchmarkCategory("Tell NtoOne"), Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public Task Own_Tell_NtoOne() => _own.Tell(Messages, Producers);

    [BenchmarkCategory("Tell NtoOne"), Benchmark(OperationsPerInvoke = Messages)]
    public Task Akka_Tell_NtoOne() => _akka.Tell(Messages, Producers);

    [BenchmarkCategory("Ask"), Benchmark(OperationsPerInvoke = RoundTrips, Baseline = true)]
    public Task Own_Ask() => _own.AskSequentially(RoundTrips);

    [BenchmarkCategory("Ask"), Benchmark(OperationsPerInvoke = RoundTrips)]
    public Task Akka_Ask() => _akka.AskSequentially(RoundTrips);

    [BenchmarkCategory("Spawn+stop"), Benchmark(OperationsPerInvoke = Spawns, Baseline = true)]
    public Task Own_SpawnAndStop() => _own.SpawnAndStop(Spawns);

    [BenchmarkCategory("Spawn+stop"), Benchmark(OperationsPerInvoke = Spawns)]
    public Task Akka_SpawnAndStop() => _akka.SpawnAndStop(Spawns);

    /// <summary>Splits <paramref name="messages"/> over <paramref name="producers"/> threads, each calling <paramref name="tell"/>.</summary>
    internal static async Task Produce(int messages, int producers, Action tell)
    {
        if (producers == 1)
        {
            for (var i = 0; i < messages; i++) tell();
            return;
        }
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < messages / producers; i++) tell();
        })));
        for (var i = 0; i < messages % producers; i++) tell();
    }
}
