using System.Runtime.CompilerServices;
using TradingDesk.Actors;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class TestKitTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed record Order(int Id);

    [Fact]
    public void ExpectMsg_failure_says_what_was_expected_what_arrived_and_when()
    {
        TestActor.Tell(new Order(1), TestActor);
        var ex = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromSeconds(3)));
        Assert.Contains("Expected String", ex.Message);
        Assert.Contains("Order { Id = 1 }", ex.Message);
        Assert.Contains("/user/testActor", ex.Message); // from whom
        Assert.Matches(@"at \+\d+\.\d{3}s", ex.Message); // when
    }

    [Fact]
    public void ExpectMsg_timeout_says_nothing_arrived()
    {
        var ex = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<Order>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("no message arrived", ex.Message);
        Assert.Contains("50 ms", ex.Message);
    }

    [Fact]
    public void ExpectMsg_with_predicate_reports_a_mismatch()
    {
        TestActor.Tell(new Order(2));
        var ex = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<Order>(o => o.Id == 1));
        Assert.Contains("does not match", ex.Message);
        TestActor.Tell(new Order(1));
        Assert.Equal(1, ExpectMsg<Order>(o => o.Id == 1).Id);
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("surprise");
        var ex = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromSeconds(1)));
        Assert.Contains("surprise", ex.Message);
    }

    [Fact]
    public void ReceiveN_and_FishForMessage()
    {
        for (var i = 0; i < 5; i++) TestActor.Tell(i);
        Assert.Equal(new object[] { 0, 1, 2 }, ReceiveN(3));
        Assert.Equal(4, FishForMessage<int>(i => i == 4));
        var ex = Assert.Throws<TestKitAssertionException>(() => ReceiveN(2, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("received only 0", ex.Message);
    }

    [Fact]
    public void Within_fails_a_block_that_takes_too_long_and_bounds_inner_waits()
    {
        var ex = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(200))));
        Assert.Contains("more than the allowed", ex.Message);
        Within(TimeSpan.FromSeconds(5), () =>
        {
            Assert.True(RemainingOrDefault <= TimeSpan.FromSeconds(5));
            TestActor.Tell("in time");
            ExpectMsg("in time");
        });
    }

    private sealed class SlowSetter : ReceiveActor
    {
        public SlowSetter(StrongBox<int> box) => Receive<int>(i => box.Value = i);
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_holds_and_reports_when_it_never_does()
    {
        var box = new StrongBox<int>();
        var a = Sys.ActorOf(Props.Create(() => new SlowSetter(box)));
        a.Tell(7);
        AwaitAssert(() => Assert.Equal(7, box.Value));
        var ex = Assert.Throws<TestKitAssertionException>(() =>
            AwaitAssert(() => Assert.Equal(8, box.Value), TimeSpan.FromMilliseconds(100)));
        Assert.Contains("still failing", ex.Message);
    }

    [Fact]
    public void Probes_reply_forward_and_watch()
    {
        var probe = CreateTestProbe("p");
        var echo = Sys.ActorOf(EchoActor.Props());
        probe.Send(echo, "hi");
        probe.ExpectMsg("hi");
        Assert.Equal(echo, probe.LastSender);
        TestActor.Tell("question", probe.Ref);
        ExpectMsg("question");
        Reply("answer");
        probe.ExpectMsg("answer");
        probe.Watch(echo);
        Sys.Stop(echo);
        probe.ExpectTerminated(echo);
    }

    [Fact]
    public void TestClock_fires_due_timers_in_order_and_supports_change_and_dispose()
    {
        var clock = new TestClock();
        var fired = new List<string>();
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var c = clock.CreateTimer(_ => fired.Add("c"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var start = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(2));
        // At 1 s: a then c (scheduling order). At 2 s: b (scheduled at creation) before a (rescheduled at 1 s).
        Assert.Equal(["a", "c", "b", "a"], fired);
        Assert.Equal(start + TimeSpan.FromSeconds(2), clock.GetUtcNow());
        a.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        c.Dispose();
        fired.Clear();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["a"], fired);
        Assert.Equal(0, clock.ActiveTimers);
    }

    private sealed class Kit() : TestKit(options: new TestKitOptions { SystemName = "inner" });

    [Fact]
    public async Task Disposing_the_TestKit_terminates_its_system_and_waits_for_every_actor()
    {
        var kit = new Kit();
        var stopped = new TaskCompletionSource();
        var a = kit.Sys.ActorOf(Props.Create(() => new SignalOnStop(stopped)));
        await kit.DisposeAsync();
        Assert.True(stopped.Task.IsCompleted);
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.True(a.IsTerminated());
        kit.Dispose(); // idempotent
    }

    private sealed class SignalOnStop(TaskCompletionSource stopped) : ReceiveActor
    {
        protected override void PostStop() => stopped.SetResult();
    }

    [Fact]
    public void Clock_is_refused_when_the_kit_runs_on_real_time()
    {
        using var kit = new RealTimeKit();
        Assert.Throws<InvalidOperationException>(() => kit.Clock);
        Assert.Same(TimeProvider.System, kit.Sys.TimeProvider);
    }

    private sealed class RealTimeKit() : TestKit(options: new TestKitOptions { UseTestClock = false, SystemName = "real" });
}
