using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class SupervisionTests(ITestOutputHelper output) : TestKit(output)
{
    private IActorRef ChildOf(IActorRef parent, Props props, string? name = null)
    {
        parent.Tell(new Parent.CreateChild(props, name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private (IActorRef Child, TestProbe Monitor) FlakyUnder(SupervisorStrategy strategy)
    {
        var monitor = CreateTestProbe();
        var parent = Sys.ActorOf(Parent.Props(strategy));
        var child = ChildOf(parent, FlakyActor.Props(monitor.Ref), "flaky");
        monitor.ExpectMsg<FlakyActor.Started>();
        return (child, monitor);
    }

    [Fact]
    public void Restart_replaces_the_instance_and_keeps_the_mailbox()
    {
        var (child, monitor) = FlakyUnder(new OneForOneStrategy(_ => Directive.Restart));
        child.Tell("a");
        child.Tell(new TestException("boom"));
        child.Tell("b"); // queued behind the failing message: must survive the restart
        child.Tell("c");
        Assert.Equal(new FlakyActor.Handled("a", 1), monitor.ExpectMsg<FlakyActor.Handled>());
        var restarting = monitor.ExpectMsg<FlakyActor.Restarting>();
        Assert.Equal("boom", restarting.Reason.Message);
        Assert.IsType<TestException>(restarting.Message);
        monitor.ExpectMsg<FlakyActor.Stopped>(); // default PreRestart calls PostStop
        monitor.ExpectMsg<FlakyActor.Started>(); // default PostRestart calls PreStart
        Assert.Equal(new FlakyActor.Handled("b", 1), monitor.ExpectMsg<FlakyActor.Handled>()); // fresh state
        Assert.Equal(new FlakyActor.Handled("c", 2), monitor.ExpectMsg<FlakyActor.Handled>());
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var (child, monitor) = FlakyUnder(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell("a");
        child.Tell(new TestException("boom"));
        child.Tell("b");
        Assert.Equal(new FlakyActor.Handled("a", 1), monitor.ExpectMsg<FlakyActor.Handled>());
        Assert.Equal(new FlakyActor.Handled("b", 2), monitor.ExpectMsg<FlakyActor.Handled>()); // state kept
    }

    [Fact]
    public void Stop_directive_stops_the_child()
    {
        var (child, monitor) = FlakyUnder(new OneForOneStrategy(_ => Directive.Stop));
        Watch(child);
        child.Tell(new TestException("boom"));
        child.Tell("never handled");
        monitor.ExpectMsg<FlakyActor.Stopped>();
        ExpectTerminated(child);
        monitor.ExpectNoMsg();
    }

    [Fact]
    public void Escalate_fails_the_parent_and_the_grandparent_decides()
    {
        var monitor = CreateTestProbe();
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)), "gp");
        var parent = ChildOf(grandparent, Parent.Props(new OneForOneStrategy(_ => Directive.Escalate)), "p");
        var child = ChildOf(parent, FlakyActor.Props(monitor.Ref), "c");
        monitor.ExpectMsg<FlakyActor.Started>();
        Watch(parent);
        Watch(child);
        child.Tell(new TestException("escalated"));
        // The grandparent stops the parent, which stops its child first.
        monitor.ExpectMsg<FlakyActor.Stopped>();
        var first = ExpectMsg<Terminated>();
        var second = ExpectMsg<Terminated>();
        Assert.Equal(child, first.ActorRef);
        Assert.Equal(parent, second.ActorRef);
    }

    [Fact]
    public void AllForOne_restarts_every_sibling_when_one_fails()
    {
        var m1 = CreateTestProbe();
        var m2 = CreateTestProbe();
        var parent = Sys.ActorOf(Parent.Props(new AllForOneStrategy(_ => Directive.Restart)));
        var c1 = ChildOf(parent, FlakyActor.Props(m1.Ref), "c1");
        ChildOf(parent, FlakyActor.Props(m2.Ref), "c2");
        m1.ExpectMsg<FlakyActor.Started>();
        m2.ExpectMsg<FlakyActor.Started>();
        c1.Tell(new TestException("one fails"));
        m1.ExpectMsg<FlakyActor.Restarting>();
        m2.ExpectMsg<FlakyActor.Restarting>(); // the healthy sibling restarts too
        m2.ExpectMsg<FlakyActor.Stopped>();
        m2.ExpectMsg<FlakyActor.Started>();
    }

    [Fact]
    public void OneForOne_leaves_siblings_alone()
    {
        var m1 = CreateTestProbe();
        var m2 = CreateTestProbe();
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var c1 = ChildOf(parent, FlakyActor.Props(m1.Ref), "c1");
        ChildOf(parent, FlakyActor.Props(m2.Ref), "c2");
        m1.ExpectMsg<FlakyActor.Started>();
        m2.ExpectMsg<FlakyActor.Started>();
        c1.Tell(new TestException("one fails"));
        m1.ExpectMsg<FlakyActor.Restarting>();
        m2.ExpectNoMsg();
    }

    [Fact]
    public void Retry_limit_within_a_window_stops_the_child_and_a_new_window_resets_the_count()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var (child, monitor) = FlakyUnder(strategy);
        Watch(child);
        void FailAndExpectRestart()
        {
            child.Tell(new TestException("boom"));
            monitor.ExpectMsg<FlakyActor.Restarting>();
            monitor.ExpectMsg<FlakyActor.Stopped>();
            monitor.ExpectMsg<FlakyActor.Started>();
        }

        FailAndExpectRestart();
        Clock.Advance(TimeSpan.FromSeconds(30));
        FailAndExpectRestart(); // 2 restarts within the minute: allowed
        Clock.Advance(TimeSpan.FromSeconds(31)); // the window that began with the first failure is over
        FailAndExpectRestart(); // count starts again at 1
        FailAndExpectRestart(); // 2 in the new window
        child.Tell(new TestException("one too many"));
        monitor.ExpectMsg<FlakyActor.Stopped>();
        ExpectTerminated(child);
    }

    [Fact]
    public void Kill_fails_the_actor_and_the_default_strategy_stops_it()
    {
        var monitor = CreateTestProbe();
        var a = Sys.ActorOf(FlakyActor.Props(monitor.Ref));
        monitor.ExpectMsg<FlakyActor.Started>();
        Watch(a);
        a.Tell(Kill.Instance);
        ExpectTerminated(a);
    }

    [Fact]
    public void Default_strategy_restarts_a_top_level_actor()
    {
        var monitor = CreateTestProbe();
        var a = Sys.ActorOf(FlakyActor.Props(monitor.Ref));
        monitor.ExpectMsg<FlakyActor.Started>();
        a.Tell(new InvalidOperationException("x"));
        monitor.ExpectMsg<FlakyActor.Restarting>();
        monitor.ExpectMsg<FlakyActor.Stopped>();
        monitor.ExpectMsg<FlakyActor.Started>();
        a.Tell("after");
        Assert.Equal(1, monitor.ExpectMsg<FlakyActor.Handled>().Count);
    }

    private sealed class Respawner : ReceiveActor
    {
        public Respawner(IActorRef monitor)
        {
            // The same child name again after a restart: only safe if the restart waits for the old child.
            Context.ActorOf(ForwardingActor.Props(monitor, "kid-"), "kid");
            Receive<Exception>(ex => throw ex);
        }
    }

    [Fact]
    public void Restart_waits_for_stopped_children_so_they_can_be_recreated_under_the_same_name()
    {
        var monitor = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new Respawner(monitor.Ref)));
        monitor.ExpectMsg("kid-prestart");
        a.Tell(new TestException("restart me"));
        monitor.ExpectMsg("kid-poststop");
        monitor.ExpectMsg("kid-prestart");
    }

    [Fact]
    public void Props_strategy_overrides_the_actors_own()
    {
        var monitor = CreateTestProbe();
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Restart))
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume)));
        var child = ChildOf(parent, FlakyActor.Props(monitor.Ref));
        monitor.ExpectMsg<FlakyActor.Started>();
        child.Tell("a");
        child.Tell(new TestException("x"));
        child.Tell("b");
        monitor.ExpectMsg<FlakyActor.Handled>();
        Assert.Equal(2, monitor.ExpectMsg<FlakyActor.Handled>().Count);
    }
}
