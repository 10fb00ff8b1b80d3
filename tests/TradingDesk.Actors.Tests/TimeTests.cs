using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

/// <summary>Timers, receive timeouts and the scheduler, all driven by the TestKit's clock.</summary>
public sealed class TimeTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed record Tick(string Name);

    private IActorRef StartTicker()
    {
        var t = Sys.ActorOf(Props.Create(() => new TickerActor(TestActor)));
        ExpectMsg("started");
        return t;
    }

    private sealed class TickerActor : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _report;

        public ITimerScheduler Timers { get; set; } = null!;

        public TickerActor(IActorRef report)
        {
            _report = report;
            Receive<Tick>(t => _report.Tell(t));
            Receive<string>(s => s == "single", _ => { Timers.StartSingleTimer("s", new Tick("single"), TimeSpan.FromSeconds(5)); _report.Tell("ok"); });
            Receive<string>(s => s == "periodic", _ => { Timers.StartPeriodicTimer("p", new Tick("periodic"), TimeSpan.FromSeconds(1)); _report.Tell("ok"); });
            Receive<string>(s => s == "cancel", _ => { Timers.Cancel("p"); _report.Tell("ok"); });
            Receive<string>(s => s == "active", _ => _report.Tell(Timers.IsTimerActive("s")));
            Receive<string>(s => s == "fail", _ => throw new TestException("restart"));
        }

        protected override void PreStart() => _report.Tell("started");
    }

    [Fact]
    public void A_single_timer_fires_once_when_the_clock_reaches_it()
    {
        var t = StartTicker();
        t.Tell("single");
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg();
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Tick("single"));
        t.Tell("active");
        ExpectMsg(false);
        Clock.Advance(TimeSpan.FromSeconds(60));
        ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var t = StartTicker();
        t.Tell("periodic");
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, ReceiveN(3).Count);
        t.Tell("cancel");
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void Starting_a_timer_with_the_same_key_replaces_it()
    {
        var t = StartTicker();
        t.Tell("single");
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(3));
        t.Tell("single"); // restarts the 5 s from now
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg();
        Clock.Advance(TimeSpan.FromSeconds(2));
        ExpectMsg(new Tick("single"));
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_on_restart()
    {
        var t = StartTicker();
        t.Tell("periodic");
        ExpectMsg("ok");
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Tick("periodic"));
        t.Tell("fail");
        ExpectMsg("started"); // the fresh instance
        Clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_on_stop()
    {
        var t = StartTicker();
        t.Tell("periodic");
        ExpectMsg("ok");
        Watch(t);
        Sys.Stop(t);
        ExpectTerminated(t);
        Assert.Equal(0, Clock.ActiveTimers);
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef report)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(10));
            Receive<ReceiveTimeout>(_ => report.Tell("timeout"));
            Receive<string>(s => s == "off", _ => { Context.SetReceiveTimeout(null); report.Tell("off"); });
            Receive<string>(s => report.Tell(s));
        }
    }

    [Fact]
    public void Receive_timeout_fires_after_silence_and_is_reset_by_messages()
    {
        var a = Sys.ActorOf(Props.Create(() => new Idle(TestActor)));
        a.Tell("ping");
        ExpectMsg("ping");
        Clock.Advance(TimeSpan.FromSeconds(9));
        a.Tell("ping"); // resets the 10 s
        ExpectMsg("ping");
        Clock.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg();
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("timeout");
        a.Tell("off");
        ExpectMsg("off");
        Clock.Advance(TimeSpan.FromMinutes(5));
        ExpectNoMsg();
    }

    [Fact]
    public void The_scheduler_tells_once_and_repeatedly_on_the_clock_and_can_be_cancelled()
    {
        var once = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(2), TestActor, "once", ActorRefs.NoSender);
        var repeated = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "again", ActorRefs.NoSender);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("again");
        Clock.Advance(TimeSpan.FromSeconds(1));
        // Due at the same instant: the repeated one was scheduled later, but 'once' was created first.
        Assert.Equal(new object[] { "once", "again" }, ReceiveN(2));
        repeated.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
        var cancelled = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(1), TestActor, "never", ActorRefs.NoSender);
        cancelled.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(2));
        ExpectNoMsg();
        Assert.Equal(Clock.GetUtcNow(), Sys.Scheduler.Now);
    }

    /// <summary>Holds its mailbox on "hold" until the gate opens, so ticks can be queued behind other messages.</summary>
    private sealed class HeldTicker : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _report;

        public ITimerScheduler Timers { get; set; } = null!;

        public HeldTicker(Task gate, IActorRef report)
        {
            _report = report;
            Receive<Tick>(t => _report.Tell(t));
            ReceiveAsync<string>(async _ => { _report.Tell("holding"); await gate; }, s => s == "hold");
            Receive<string>(s => s == "cancel", _ => Timers.Cancel("p"));
            Receive<string>(s => s == "fail", _ => throw new TestException("restart"));
        }

        protected override void PreStart()
        {
            Timers.StartPeriodicTimer("p", new Tick("periodic"), TimeSpan.FromSeconds(1));
            _report.Tell("started");
        }
    }

    [Fact]
    public void A_tick_already_queued_when_its_timer_is_cancelled_is_dropped()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new HeldTicker(gate.Task, TestActor)));
        ExpectMsg("started");
        a.Tell("hold");
        ExpectMsg("holding");
        a.Tell("cancel");
        Clock.Advance(TimeSpan.FromSeconds(1)); // the tick is queued behind "cancel"
        gate.SetResult();
        ExpectNoMsg();
    }

    [Fact]
    public void A_tick_already_queued_when_the_actor_restarts_is_dropped()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new HeldTicker(gate.Task, TestActor)));
        ExpectMsg("started");
        a.Tell("hold");
        ExpectMsg("holding");
        a.Tell("fail");
        Clock.Advance(TimeSpan.FromSeconds(1)); // the old incarnation's tick is queued behind "fail"
        gate.SetResult();
        ExpectMsg("started"); // the new incarnation starts its own timer...
        ExpectNoMsg(); // ...and the stale tick never arrives
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Tick("periodic")); // exactly one timer is live after the restart
        ExpectNoMsg();
    }
}
