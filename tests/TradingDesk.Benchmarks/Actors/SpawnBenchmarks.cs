using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Akka.Actor;

namespace TradingDesk.Benchmarks.Actors;

/// <summary>
/// Cost of an actor's whole life (created, started, stopped, PostStop run) versus a Channel plus consumer task
/// started and completed; and the memory an idle actor keeps. Each operation is one actor (or one channel
/// worker); an invocation creates and stops <see cref="Count"/> of them.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
[MedianColumn]
public class SpawnBenchmarks
{
    private const int Count = 10_000;
    private const int IdleCount = 100_000;

    private ActorSystem _system = null!;
    private IActorRef _spawner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystems.Create("bench");
        _spawner = _system.ActorOf(Props.Create(() => new Spawner()));
        MeasureIdleMemory();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Count, Baseline = true)]
    public async Task Channels_StartAndComplete()
    {
        var workers = new Task[Count];
        var writers = new ChannelWriter<object>[Count];
        for (var i = 0; i < Count; i++)
        {
            var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            writers[i] = channel.Writer;
            workers[i] = Drain(channel.Reader);
        }
        for (var i = 0; i < Count; i++) writers[i].Complete();
        await Task.WhenAll(workers);
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public Task Actor_SpawnAndStop() => _spawner.Ask<int>(Count, TimeSpan.FromMinutes(1));

    private static async Task Drain(ChannelReader<object> reader)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
            while (reader.TryRead(out _))
            {
            }
    }

    /// <summary>
    /// Retained heap per idle actor: creates 100,000 started actors and compares full-GC heap sizes. Printed in
    /// the benchmark log (BenchmarkDotNet has no column for it); the Channels figure is the same measurement
    /// for an idle channel with a consumer task waiting on it.
    /// </summary>
    private void MeasureIdleMemory()
    {
        var before = GC.GetTotalMemory(true);
        var started = new CountdownEvent(IdleCount);
        var parent = _system.ActorOf(Props.Create(() => new Idle(null)));
        var props = Props.Create(() => new Idle(started));
        var refs = new IActorRef[IdleCount];
        for (var i = 0; i < IdleCount; i++) refs[i] = _system.ActorOf(props);
        started.Wait();
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"// IdleMemory: actor {(after - before) / (double)IdleCount:F0} bytes per idle actor ({IdleCount:N0} actors)");
        GC.KeepAlive(refs);
        foreach (var r in refs) _system.Stop(r);
        _system.Stop(parent);

        before = GC.GetTotalMemory(true);
        var writers = new ChannelWriter<object>[IdleCount];
        var workers = new Task[IdleCount];
        for (var i = 0; i < IdleCount; i++)
        {
            var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            writers[i] = channel.Writer;
            workers[i] = Drain(channel.Reader);
        }
        after = GC.GetTotalMemory(true);
        Console.WriteLine($"// IdleMemory: channels {(after - before) / (double)IdleCount:F0} bytes per idle channel worker ({IdleCount:N0})");
        foreach (var w in writers) w.Complete();
        Task.WaitAll(workers);
    }

    internal sealed class Idle : ReceiveActor
    {
        private readonly CountdownEvent? _started;

        public Idle(CountdownEvent? started)
        {
            _started = started;
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _started?.Signal();
    }

    /// <summary>On n: creates n children, stops each, replies n once every child's PostStop has run.</summary>
    internal sealed class Spawner : ReceiveActor
    {
        private static readonly Props ChildProps = Props.Create(() => new Child());
        private IActorRef _replyTo = ActorRefs.Nobody;
        private int _pending;
        private int _n;

        public Spawner()
        {
            Receive<int>(n =>
            {
                _replyTo = Sender;
                _n = _pending = n;
                for (var i = 0; i < n; i++) Context.Stop(Context.ActorOf(ChildProps));
            });
            Receive<Stopped>(_ =>
            {
                if (--_pending == 0) _replyTo.Tell(_n);
            });
        }

        private sealed class Child : ReceiveActor
        {
            public Child() => ReceiveAny(_ => { });

            protected override void PostStop() => Context.Parent.Tell(Stopped.Instance);
        }

        private sealed class Stopped
        {
            public static readonly Stopped Instance = new();
        }
    }
}
