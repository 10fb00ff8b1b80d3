namespace TradingDesk.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still until told to move. <see cref="Advance"/> moves the clock
/// and fires every timer that falls due, in due order, synchronously on the calling thread — so the
/// scheduler, actor timers, receive timeouts, Ask timeouts and restart windows of a system built on it are
/// deterministic. A timer created (or changed) with a zero due time fires at once.
/// <code>
/// Clock.Advance(TimeSpan.FromSeconds(5)); // the actor's 5 s timer fires now
/// ExpectMsg&lt;Tick&gt;();                     // and its tick arrives
/// </code>
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TestTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts at <paramref name="start"/>, by default 2026-01-05 14:30 UTC (a Monday, US market open).</summary>
    public TestClock(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are scheduled to fire (excluding disposed and stopped ones).</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate) return _timers.Count;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TestTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing due timers in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) target = _now + delta;
        while (true)
        {
            TestTimer? next;
            lock (_gate)
            {
                next = null;
                foreach (var t in _timers)
                    if (t.Due <= target && (next is null || t.Due < next.Due || (t.Due == next.Due && t.Sequence < next.Sequence)))
                        next = t;
                if (next is null)
                {
                    _now = target;
                    return;
                }
                if (next.Due > _now) _now = next.Due;
                if (next.Period > TimeSpan.Zero) next.Reschedule(next.Due + next.Period, ++_sequence);
                else _timers.Remove(next);
            }
            next.Fire();
        }
    }

    private void Schedule(TestTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            var p = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            fireNow = dueTime <= TimeSpan.Zero;
            if (fireNow && p == TimeSpan.Zero)
            {
                // one-shot due now: fire below, do not keep it
            }
            else
            {
                timer.Period = p;
                timer.Reschedule(fireNow ? _now + p : _now + dueTime, ++_sequence);
                _timers.Add(timer);
            }
        }
        if (fireNow) timer.Fire();
    }

    private void Remove(TestTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class TestTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public DateTimeOffset Due { get; private set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; private set; }

        public void Reschedule(DateTimeOffset due, long sequence)
        {
            Due = due;
            Sequence = sequence;
        }

        public void Fire()
        {
            if (!_disposed) callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose()
        {
            _disposed = true;
            clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
