using System.Collections.Concurrent;

namespace TradingDesk.Actors;

/// <summary>A handle to cancel a scheduled action.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }

    void Cancel();
}

/// <summary>
/// The system scheduler: tells messages later, once or repeatedly. Driven by the system's
/// <see cref="TimeProvider"/>, so a test clock makes it deterministic. Inside actors prefer
/// <see cref="IWithTimers"/>, which is tied to the actor's lifecycle.
/// </summary>
public interface IScheduler
{
    /// <summary>The current time of the system's clock.</summary>
    DateTimeOffset Now { get; }

    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on a timer thread; keep it short and non-blocking.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}

/// <summary>Fire-and-forget overloads, as in Akka.NET.</summary>
public static class SchedulerExtensions
{
    public static void ScheduleTellOnce(this IScheduler scheduler, TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        scheduler.ScheduleTellOnceCancelable(delay, receiver, message, sender);

    public static void ScheduleTellRepeatedly(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender) =>
        scheduler.ScheduleTellRepeatedlyCancelable(initialDelay, interval, receiver, message, sender);
}

internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    // Live entries, so that Terminate can cancel them (a periodic timer would otherwise tick forever).
    private readonly ConcurrentDictionary<Entry, byte> _live = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));

    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) => Schedule(delay, Timeout.InfiniteTimeSpan, action);

    internal void CancelAll()
    {
        foreach (var e in _live.Keys) e.Cancel();
    }

    private Entry Schedule(TimeSpan due, TimeSpan period, Action action)
    {
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var entry = new Entry(this, action, period != Timeout.InfiniteTimeSpan);
        _live[entry] = 0;
        // The entry holds the ITimer: a System.Threading.Timer nobody references would be collected and
        // silently never fire; the timer queue references the entry through the callback state.
        entry.Timer = time.CreateTimer(static s => ((Entry)s!).Fire(), entry, due, period);
        if (entry.IsCancellationRequested) entry.Timer.Dispose();
        return entry;
    }

    private sealed class Entry(TimeProviderScheduler owner, Action action, bool periodic) : ICancelable
    {
        private int _cancelled;

        public ITimer? Timer { get; set; }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) != 0) return;
            Timer?.Dispose();
            owner._live.TryRemove(this, out _);
        }

        public void Fire()
        {
            if (IsCancellationRequested) return;
            if (!periodic)
            {
                Interlocked.Exchange(ref _cancelled, 1);
                owner._live.TryRemove(this, out _);
            }
            action();
        }
    }
}
