using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

/// <summary>Runs alone: it measures the whole process's heap, which parallel tests would disturb.</summary>
[Collection(nameof(LeakTests))]
[CollectionDefinition(nameof(LeakTests), DisableParallelization = true)]
public sealed class LeakTests(ITestOutputHelper output) : TestKit(output)
{
    private readonly ITestOutputHelper _output = output;

    private sealed record Spawn(int Count);

    private sealed class Leaf : ReceiveActor
    {
        public Leaf() => ReceiveAny(_ => { });
    }

    /// <summary>
    /// Creates N children, watches and stops each (half by Context.Stop, half by PoisonPill after a message),
    /// and replies once every Terminated arrived.
    /// </summary>
    private sealed class Spawner : ReceiveActor
    {
        private static readonly Props LeafProps = Props.Create(() => new Leaf());
        private int _pending;
        private IActorRef _replyTo = ActorRefs.Nobody;

        public Spawner()
        {
            Receive<Spawn>(s =>
            {
                _replyTo = Sender;
                _pending = s.Count;
                for (var i = 0; i < s.Count; i++)
                {
                    var child = Context.ActorOf(LeafProps);
                    Context.Watch(child);
                    if (i % 2 == 0)
                    {
                        // Stopped by its parent; a message told now would go to dead letters (stop overtakes it).
                        Context.Stop(child);
                    }
                    else
                    {
                        child.Tell("hello");
                        child.Tell(PoisonPill.Instance); // stops itself after handling "hello"
                    }
                }
            });
            Receive<Terminated>(_ =>
            {
                if (--_pending == 0) _replyTo.Tell(Context.Children.Count);
            });
        }
    }

    [Fact]
    public void Creating_and_stopping_100000_actors_returns_memory_to_baseline()
    {
        var spawner = Sys.ActorOf(Props.Create(() => new Spawner()));
        spawner.Tell(new Spawn(2_000), TestActor); // warm up: JIT, pool threads, queue segments
        ExpectMsg<int>(TimeSpan.FromSeconds(30));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        spawner.Tell(new Spawn(100_000), TestActor);
        var stillListed = ExpectMsg<int>(TimeSpan.FromSeconds(60));
        AwaitAssert(() =>
        {
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var grown = after - before;
            _output.WriteLine($"heap before {before:N0} B, after {after:N0} B, grown {grown:N0} B; children still listed {stillListed}");
            // A leak of the actors themselves would be tens of megabytes (≈ 400+ bytes each); allow 4 MB of noise.
            Assert.True(grown < 4_000_000, $"heap grew by {grown:N0} bytes after 100,000 actors were created and stopped");
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
    }
}
