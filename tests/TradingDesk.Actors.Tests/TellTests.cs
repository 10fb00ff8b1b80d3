using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class TellTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed record Seq(int Sender, int N);

    /// <summary>Checks per-sender order and reports the first violation, or Done(total) at the end.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int senders, int perSender, IActorRef report)
        {
            var last = new int[senders];
            Array.Fill(last, -1);
            var total = 0;
            Receive<Seq>(s =>
            {
                if (s.N != last[s.Sender] + 1) report.Tell($"out of order: sender {s.Sender} sent {s.N} after {last[s.Sender]}");
                last[s.Sender] = s.N;
                if (++total == senders * perSender) report.Tell(total);
            });
        }
    }

    [Fact]
    public void Messages_from_each_sender_arrive_in_send_order()
    {
        const int senders = 4, perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders, perSender, TestActor)));
        Parallel.For(0, senders, s =>
        {
            for (var i = 0; i < perSender; i++) checker.Tell(new Seq(s, i), ActorRefs.NoSender);
        });
        ExpectMsg(senders * perSender, TimeSpan.FromSeconds(20));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Tell_inside_an_actor_uses_Self_as_sender_and_Forward_keeps_the_original_sender()
    {
        var echo = Sys.ActorOf(EchoActor.Props(), "echo");
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)), "fwd");
        forwarder.Tell("hello", TestActor);
        ExpectMsg("hello");
        Assert.Equal(echo, LastSender); // echo replied to the original sender, TestActor
    }

    [Fact]
    public void Tell_without_sender_outside_an_actor_gives_dead_letters_as_Sender()
    {
        var probe = CreateTestProbe();
        var replier = Sys.ActorOf(Props.Create(() => new SenderReporter(probe.Ref)));
        replier.Tell("x");
        Assert.Equal(Sys.DeadLetters, probe.ExpectMsg<IActorRef>());
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef report) => ReceiveAny(_ => report.Tell(Sender));
    }

    [Fact]
    public void Refs_have_paths_names_and_compare_by_incarnation()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Assert.Equal("a", a.Name);
        Assert.Equal("desk://test/user/a", a.Path.ToString());
        Assert.Equal(a, a);
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var again = Sys.ActorOf(EchoActor.Props(), "a");
        Assert.Equal(a.Path, again.Path);
        Assert.NotEqual(a, again); // a new incarnation under the same name is a different actor
        ActorRefs.Nobody.Tell("dropped", TestActor);
        Assert.NotEqual(ActorRefs.Nobody, a);
    }

    [Fact]
    public void Names_are_unique_among_siblings_and_anonymous_names_are_generated()
    {
        Sys.ActorOf(EchoActor.Props(), "same");
        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(EchoActor.Props(), "same"));
        Assert.Contains("same", ex.Message);
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(EchoActor.Props(), "a/b"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(EchoActor.Props(), "$x"));
        var x = Sys.ActorOf(EchoActor.Props());
        var y = Sys.ActorOf(EchoActor.Props());
        Assert.StartsWith("$", x.Name);
        Assert.NotEqual(x.Name, y.Name);
    }

    [Fact]
    public void Children_get_unique_names_under_their_parent()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy), "p");
        parent.Tell(new Parent.CreateChild(EchoActor.Props(), "kid"), TestActor);
        var kid = ExpectMsg<IActorRef>();
        Assert.Equal("desk://test/user/p/kid", kid.Path.ToString());
        parent.Tell(new Parent.CreateChild(EchoActor.Props(), "kid"), TestActor);
        // The duplicate name makes the parent's handler throw; the default strategy restarts the parent,
        // which stops its children: the kid terminates.
        Watch(kid);
        ExpectTerminated(kid);
    }

    [Fact]
    public void Constructing_an_actor_with_new_is_refused()
    {
        var ex = Assert.Throws<ActorInitializationException>(() => new EchoActor());
        Assert.Contains("Props.Create", ex.Message);
    }
}
