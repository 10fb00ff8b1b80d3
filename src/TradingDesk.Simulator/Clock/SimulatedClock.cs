namespace TradingDesk.Simulator.Clock;

/// <summary>
/// The simulator's notion of "now". In real-time mode it runs at wall-clock speed from a chosen start instant
/// (so a simulator can pretend it is a Tuesday morning in New York at any hour of the real day); in manual
/// mode it stands still until a test calls <see cref="Advance"/> or <see cref="SetTime"/>, and timers created
/// through it fire as it is advanced, in due-time order, with <see cref="GetUtcNow"/> equal to each due time.
/// </summary>
/// <remarks>
/// Not thread-safe by design beyond the timer list: it is owned by the simulator's single logical thread
/// (an actor or a test). Timers created in real-time mode are backed by the system timer; timers created in
/// manual mode are driven only by Advance/SetTime. Choose the mode before creating timers.
/// </remarks>
public sealed class SimulatedClock : TimeProvider
{
    private readonly TimeProvider _wall;
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _anchorSimulated;
    private long _anchorWallTimestamp;
    private bool _manual;
    private long _timerSequence;

    /// <param name="start">the simulated instant at construction.</param>
    /// <param name="wall">the real clock to follow in real-time mode (tests may pass a fake).</param>
    public SimulatedClock(DateTimeOffset start, TimeProvider? wall = null)
    {
        _wall = wall ?? System;
        _anchorSimulated = start.ToUniversalTime();
        _anchorWallTimestamp = _wall.GetTimestamp();
    }

    /// <summary>A clock in manual mode, standing at <paramref name="start"/>: what tests use.</summary>
    public static SimulatedClock Manual(DateTimeOffset start)
    {
        // Set the flag directly: switching after construction would add the few ticks that passed meanwhile.
        return new SimulatedClock(start) { _manual = true };
    }

    public bool IsManual => _manual;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _manual ? _anchorSimulated : _anchorSimulated + _wall.GetElapsedTime(_anchorWallTimestamp);
        }
    }

    // Timestamps are simulated ticks so that GetElapsedTime agrees with GetUtcNow in both modes.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Freezes the clock at the current simulated instant.</summary>
    public void SwitchToManual()
    {
        lock (_gate)
        {
            if (_manual) return;
            _anchorSimulated = _anchorSimulated + _wall.GetElapsedTime(_anchorWallTimestamp);
            _manual = true;
        }
    }

    /// <summary>Resumes wall-clock speed from the current simulated instant.</summary>
    public void SwitchToRealTime()
    {
        lock (_gate)
        {
            if (!_manual) return;
            _anchorWallTimestamp = _wall.GetTimestamp();
            _manual = false;
        }
    }

    /// <summary>Moves a manual clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "time only moves forward");
        SetTime(GetUtcNow() + delta);
    }

    /// <summary>Sets a manual clock to <paramref name="target"/> (not earlier than now), firing due timers.</summary>
    public void SetTime(DateTimeOffset target)
    {
        if (!_manual) throw new InvalidOperationException("SetTime/Advance need manual mode: call SwitchToManual first");
        target = target.ToUniversalTime();
        if (target < GetUtcNow()) throw new ArgumentOutOfRangeException(nameof(target), "time only moves forward");
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } d && d <= target)
                    .OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    _anchorSimulated = target;
                    return;
                }
                _anchorSimulated = next.DueAt!.Value;
                next.Reschedule();
            }
            // Callbacks run outside the lock: they may create, change or dispose timers.
            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!_manual) return _wall.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            var timer = new ManualTimer(this, callback, state, ++_timerSequence);
            _timers.Add(timer);
            timer.Change(dueTime, period);
            return timer;
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class ManualTimer(SimulatedClock clock, TimerCallback callback, object? state, long sequence) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public long Sequence { get; } = sequence;
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._anchorSimulated + dueTime;
                return true;
            }
        }

        // Called under the clock's lock just before firing: a periodic timer moves on, a one-shot disarms.
        public void Reschedule() =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : DueAt + _period;

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
