using Akka.Actor;
using Akka.Configuration;

namespace TradingDesk.Benchmarks.Actors.Comparison;

/// <summary>The benchmark shapes on Akka.NET, with its default dispatcher and mailbox.</summary>
internal sealed class AkkaRuntime : IDisposable
{
    private static readonly object Msg = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system = ActorSystem.Create("akka", ConfigurationFactory.ParseString(
        "akka.log-dead-letters = off\nakka.log-dead-letters-during-shutdown = off\nakka.loglevel = WARNING"));
    private readonly TellThroughputBenchmarks.Completion _completion = new();
    private readonly IActorRef _counter;
    private readonly IActorRef _echo;
    private readonly IActorRef _spawner;

    public AkkaRuntime(int messages)
    {
        _counter = _system.ActorOf(Props.Create(() => new Counter(_completion, messages)));
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
        _spawner = _system.ActorOf(Props.Create(() => new Spawner()));
    }

    public async Task Tell(int messages, int producers)
    {
        var done = _completion.Arm();
        await RuntimeComparisonBenchmarks.Produce(messages, producers, () => _counter.Tell(Msg, ActorRefs.NoSender));
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
        var props = Props.Create(() => new Idle(started));
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

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter(TellThroughputBenchmarks.Completion completion, int expected) => Receive<object>(_ =>
        {
            if (++_count != expected) return;
            _count = 0;
            completion.Signal();
        });
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class Idle : ReceiveActor
    {
        private readonly CountdownEvent _started;

        public Idle(CountdownEvent started)
        {
            _started = started;
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _started.Signal();
    }

    /// <summary>On n: creates n children, stops each, replies n once every child's PostStop has run.</summary>
    private sealed class Spawner : ReceiveActor
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
            Receive<ChildStopped>(_ =>
            {
                if (--_pending == 0) _replyTo.Tell(_n);
            });
        }

        private sealed class Child : ReceiveActor
        {
            public Child() => ReceiveAny(_ => { });

            protected override void PostStop() => Context.Parent.Tell(ChildStopped.Instance);
        }
    }
}

/// <summary>A child's PostStop ran (the Akka.NET spawner counts these).</summary>
internal sealed class ChildStopped
{
    public static readonly ChildStopped Instance = new();
}
