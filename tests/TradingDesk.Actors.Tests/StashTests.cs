using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class StashTests(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>Stashes everything until "open", then unstashes all and echoes in order.</summary>
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public Gate(IActorRef report)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(m => report.Tell(m)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "one", _ =>
            {
                Become(() =>
                {
                    Receive<string>(s => s == "close", _ => UnbecomeStacked());
                    ReceiveAny(m => report.Tell(m));
                });
                Stash.Unstash();
            });
            Receive<string>(s => s == "count", _ => report.Tell(Stash.Count));
            ReceiveAny(_ => Stash.Stash());
        }
    }

    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        for (var i = 1; i <= 5; i++) gate.Tell(i);
        gate.Tell("count");
        ExpectMsg(5);
        gate.Tell("open");
        gate.Tell(6);
        Assert.Equal(new object[] { 1, 2, 3, 4, 5, 6 }, ReceiveN(6));
    }

    [Fact]
    public void Unstash_returns_only_the_oldest_message()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        gate.Tell(1);
        gate.Tell(2);
        gate.Tell("one");
        ExpectMsg(1);
        ExpectNoMsg();
    }

    private sealed class StashThenFail : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public StashThenFail(IActorRef report)
        {
            report.Tell("started");
            Receive<int>(i => i < 0, _ => throw new TestException("fail with stash"));
            Receive<int>(i => i > 100, i => report.Tell(i));
            Receive<int>(_ => Stash.Stash());
        }
    }

    [Fact]
    public void A_restart_puts_stashed_messages_back_in_front_of_the_mailbox()
    {
        var a = Sys.ActorOf(Props.Create(() => new StashThenFail(TestActor)));
        ExpectMsg("started");
        a.Tell(1);
        a.Tell(2);
        a.Tell(-1); // restart: 1 and 2 come back, and the fresh instance stashes them again
        ExpectMsg("started");
        a.Tell(101);
        ExpectMsg(101);
    }
}
