using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class ContextTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed class Family : ReceiveActor
    {
        public Family()
        {
            Context.ActorOf(EchoActor.Props(), "a");
            Context.ActorOf(EchoActor.Props(), "b");
            Receive<string>(s => s == "children", _ => Sender.Tell(Context.Children.Select(c => c.Name).Order().ToArray()));
            Receive<string>(s => s.StartsWith("child:"), s => Sender.Tell(Context.Child(s[6..])));
            Receive<string>(s => s.StartsWith("stop:"), s => { Context.Stop(Context.Child(s[5..])); Sender.Tell("stopping"); });
        }
    }

    [Fact]
    public void Children_and_Child_reflect_the_current_children()
    {
        var f = Sys.ActorOf(Props.Create(() => new Family()), "family");
        f.Tell("children", TestActor);
        Assert.Equal(["a", "b"], ExpectMsg<string[]>());
        f.Tell("child:a", TestActor);
        var a = ExpectMsg<IActorRef>();
        Assert.Equal("desk://test/user/family/a", a.Path.ToString());
        f.Tell("child:zzz", TestActor);
        Assert.Equal(ActorRefs.Nobody, ExpectMsg<IActorRef>());
        Watch(a);
        f.Tell("stop:a", TestActor);
        ExpectMsg("stopping");
        ExpectTerminated(a);
        AwaitAssert(() =>
        {
            f.Tell("children", TestActor);
            Assert.Equal(["b"], ExpectMsg<string[]>());
        });
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef to) => Receive<Terminated>(t => to.Tell(t));
    }

    [Fact]
    public void A_forwarded_Terminated_is_an_ordinary_message()
    {
        // The relay does not watch the dead actor; it must still receive a Terminated that someone sends it.
        var dead = Sys.ActorOf(EchoActor.Props());
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)));
        relay.Tell(new Terminated(dead));
        Assert.Equal(dead, ExpectMsg<Terminated>().ActorRef);
    }

    private sealed class IgnoresTerminated : ReceiveActor
    {
        public IgnoresTerminated(IActorRef report) => Receive<string>(s => report.Tell(s));
    }

    [Fact]
    public void An_unhandled_forwarded_Terminated_does_not_kill_the_receiver()
    {
        var a = Sys.ActorOf(Props.Create(() => new IgnoresTerminated(TestActor)));
        a.Tell(new Terminated(ActorRefs.Nobody));
        a.Tell("still alive");
        ExpectMsg("still alive");
    }

    private sealed class SelfStopper : ReceiveActor
    {
        public SelfStopper(IActorRef report)
        {
            Receive<string>(s =>
            {
                Context.Stop(Self);
                report.Tell($"handled {s}"); // the current message completes first
            });
        }
    }

    [Fact]
    public void Stopping_Self_lets_the_current_message_finish_and_drops_the_rest()
    {
        var a = Sys.ActorOf(Props.Create(() => new SelfStopper(TestActor)));
        Watch(a);
        a.Tell("one");
        a.Tell("two");
        ExpectMsg("handled one");
        ExpectTerminated(a);
        ExpectNoMsg();
    }

    private sealed class Misuser : ReceiveActor
    {
        public Misuser(IActorRef report)
        {
            Receive<Task>(t => t.ContinueWith(_ =>
            {
                try
                {
                    Context.ActorOf(EchoActor.Props()); // off the actor's turn: must be refused
                    report.Tell("allowed");
                }
                catch (InvalidOperationException ex)
                {
                    report.Tell(ex.Message);
                }
            }, TaskScheduler.Default));
        }
    }

    [Fact]
    public void Using_the_context_from_a_task_continuation_is_refused()
    {
        var a = Sys.ActorOf(Props.Create(() => new Misuser(TestActor)), "misuser");
        var gate = new TaskCompletionSource();
        a.Tell(gate.Task);
        gate.SetResult();
        var message = ExpectMsg<string>();
        Assert.Contains("outside the actor's turn", message);
        Assert.Contains("PipeTo(Self)", message);
    }
}
