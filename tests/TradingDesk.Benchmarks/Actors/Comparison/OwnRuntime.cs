using TradingDesk.Actors;

namespace TradingDesk.Benchmarks.Actors.Comparison;

/// <summary>
/// The benchmark shapes on the project's own runtime (TradingDesk.Actors), with the same actors the own-runtime
/// benchmarks use (counter, echo, idle, spawner).
/// </summary>
internal sealed class OwnRuntime : IDisposable
{
    private static readonly object Msg = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system = ActorSystem.Create("own", new ActorSystemSettings { LogDeadLetters = false });
    private readonly TellThroughputBenchmarks.Completion _completion = new();
    private readonly IActorRef _counter;
    private readonly IActorRef _echo;
    private readonly IActorRef _spawner;

    public OwnRuntime(int messages)
    {
        _counter = _system.ActorOf(Props.Create(() => new TellThroughputBenchmarks.CountingActor(_completion, messages)));
        _echo = _system.ActorOf(Props.Create(() => new AskBenchmarks.Echo()));
        _spawner = _system.ActorOf(Props.Create(() => new SpawnBenchmarks.Spawner()));
    }

    public async Task Tell(int messages, int producers)
    {
        var done = _completion.Arm();
        await RuntimeComparisonBenchmarks.Produce(messages, producers, () => _counter.Tell(Msg, null));
        await done;
    }

    public async Task AskSequentially(int roundTrips)
    {
        for (var i = 0; i < roundTrips; i++) await _echo.Ask<object>(Msg, Timeout).ConfigureAwait(false);
    }

    public Task SpawnAndStop(int count) => _spawner.Ask<int>(count, TimeSpan.FromMinutes(1));

    /// <summary>Full-GC heap delta per started, idle actor with one handler.</summary>
    public double IdleBytesPerActor(int count)
    {
        using var started = new CountdownEvent(count);
        var props = Props.Create(() => new SpawnBenchmarks.Idle(started));
        var before = GC.GetTotalMemory(true);
        var refs = new IActorRef[count];
        for (var i = 0; i < count; i++) refs[i] = _system.ActorOf(props);
        started.Wait();
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(refs);
        foreach (var r in refs) _system.Stop(r);
        return (after - before) / (double)count;
    }

    public void Dispose() => _system.Terminate().Wait();
}
