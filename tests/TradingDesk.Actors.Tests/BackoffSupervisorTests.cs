using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class BackoffSupervisorTests(ITestOutputHelper output) : TestKit(output)
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    private (IActorRef Supervisor, TestProbe Monitor) Start(Func<Props, BackoffOptions> options)
    {
        var monitor = CreateTestProbe();
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options(FlakyActor.Props(monitor.Ref))));
        monitor.ExpectMsg<FlakyActor.Started>();
        return (supervisor, monitor);
    }

    private static void ExpectRestartAfter(TestKit kit, IActorRef supervisor, TestProbe monitor, TimeSpan delay)
    {
        supervisor.Tell(new TestException("down"));
        monitor.ExpectMsg<FlakyActor.Stopped>();
        kit.AwaitAssert(() =>
        {
            supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, kit.TestActor);
            Assert.Null(kit.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
        });
        kit.Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        monitor.ExpectNoMsg();
        kit.Clock.Advance(TimeSpan.FromMilliseconds(1));
        monitor.ExpectMsg<FlakyActor.Started>();
    }

    [Fact]
    public void A_failing_child_is_restarted_after_exponentially_growing_delays_capped_at_max()
    {
        var (sup, monitor) = Start(p => BackoffOptions.OnFailure(p, "child", Min, Max, 0));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(1));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(2));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(4));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(5)); // 8 s capped at 5 s
        sup.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(4, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public void Messages_are_forwarded_to_the_current_child_with_the_original_sender()
    {
        var (sup, monitor) = Start(p => BackoffOptions.OnFailure(p, "child", Min, Max, 0));
        sup.Tell("hello", TestActor);
        var handled = monitor.ExpectMsg<FlakyActor.Handled>();
        Assert.Equal("hello", handled.Message);
        sup.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        Assert.Equal("child", ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!.Name);
    }

    [Fact]
    public void The_restart_count_resets_after_the_child_ran_long_enough()
    {
        var (sup, monitor) = Start(p => BackoffOptions.OnFailure(p, "child", Min, Max, 0).WithAutoReset(TimeSpan.FromSeconds(30)));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(1));
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(2));
        Clock.Advance(TimeSpan.FromSeconds(30)); // the child has been up for 30 s: count resets
        AwaitAssert(() =>
        {
            sup.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
            Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
        });
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_supervisor_gives_up_after_MaxNrOfRetries()
    {
        var (sup, monitor) = Start(p => BackoffOptions.OnFailure(p, "child", Min, Max, 0).WithMaxNrOfRetries(1));
        Watch(sup);
        ExpectRestartAfter(this, sup, monitor, TimeSpan.FromSeconds(1));
        sup.Tell(new TestException("again"));
        monitor.ExpectMsg<FlakyActor.Stopped>();
        ExpectTerminated(sup);
    }

    [Fact]
    public void OnFailure_mode_stops_the_supervisor_when_the_child_stops_by_itself()
    {
        var (sup, monitor) = Start(p => BackoffOptions.OnFailure(p, "child", Min, Max, 0));
        Watch(sup);
        sup.Tell(PoisonPill.Instance); // PoisonPill is handled by the supervisor itself
        ExpectTerminated(sup);
        monitor.ExpectMsg<FlakyActor.Stopped>();
    }

    private sealed class Quitter : ReceiveActor
    {
        public Quitter(IActorRef monitor)
        {
            monitor.Tell("up");
            Receive<string>(s => s == "quit", _ => Context.Stop(Self));
        }
    }

    [Fact]
    public void OnStop_mode_restarts_a_child_that_stopped_by_itself()
    {
        var monitor = CreateTestProbe();
        var sup = Sys.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(
            Props.Create(() => new Quitter(monitor.Ref)), "quitter", Min, Max, 0)));
        monitor.ExpectMsg("up");
        sup.Tell("quit");
        AwaitAssert(() =>
        {
            sup.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
            Assert.Null(ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
        });
        Clock.Advance(Min);
        monitor.ExpectMsg("up");
    }

    [Fact]
    public void Delays_follow_the_documented_formula()
    {
        var o = BackoffOptions.OnFailure(Props.Create(() => new EchoActor()), "c", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.5);
        Assert.Equal(TimeSpan.FromMilliseconds(100), o.DelayFor(0, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(150), o.DelayFor(0, 1)); // stretched by the random factor
        Assert.Equal(TimeSpan.FromMilliseconds(800), o.DelayFor(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), o.DelayFor(3, 1)); // 1.2 s capped
        Assert.Equal(TimeSpan.FromSeconds(1), o.DelayFor(50, 0));
    }
}
