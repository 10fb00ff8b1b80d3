using TradingDesk.Simulator.Clock;

namespace TradingDesk.Simulator.Tests.Clock;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Manual_clock_stands_still_until_advanced()
    {
        var clock = SimulatedClock.Manual(Start);
        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        clock.SetTime(Start.AddHours(1));
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetTime(Start));
    }

    [Fact]
    public void Timers_fire_in_due_order_at_their_due_time_when_advanced()
    {
        var clock = SimulatedClock.Manual(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => fired.Add(("tick", clock.GetUtcNow())), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(
            [("tick", Start.AddSeconds(3)), ("tick", Start.AddSeconds(6)), ("tick", Start.AddSeconds(9)), ("late", Start.AddSeconds(10))],
            fired);
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void Disposed_and_changed_timers_behave()
    {
        var clock = SimulatedClock.Manual(Start);
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, count);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, count);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, count);
    }

    [Fact]
    public void Real_time_mode_follows_the_wall_clock_from_the_start_instant()
    {
        var wall = new StepWall();
        var clock = new SimulatedClock(Start, wall);
        wall.Elapsed = TimeSpan.FromSeconds(42);
        Assert.Equal(Start.AddSeconds(42), clock.GetUtcNow());
        clock.SwitchToManual();
        wall.Elapsed = TimeSpan.FromSeconds(100);
        Assert.Equal(Start.AddSeconds(42), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(8));
        clock.SwitchToRealTime();
        wall.Elapsed = TimeSpan.FromSeconds(110);
        Assert.Equal(Start.AddSeconds(60), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(60), clock.GetElapsedTime(Start.UtcTicks, clock.GetTimestamp()));
    }

    /// <summary>A wall clock whose timestamp is set by the test.</summary>
    private sealed class StepWall : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Elapsed.Ticks;
    }
}
