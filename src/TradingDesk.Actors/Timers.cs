namespace TradingDesk.Actors;

/// <summary>
/// Implement on an actor to get named timers injected after construction (start them in PreStart or
/// handlers). Timers are bound to the actor: cancelled on stop and on restart; a tick that was already
/// queued when its timer was cancelled or replaced is dropped, so restarts never see stale ticks.
/// <code>
/// public sealed class Heartbeat : ReceiveActor, IWithTimers
/// {
///     public ITimerScheduler Timers { get; set; } = null!;
///     protected override void PreStart() =&gt; Timers.StartPeriodicTimer("beat", new Beat(), TimeSpan.FromSeconds(1));
/// }
/// </code>
/// </summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}

/// <summary>Named timers that tell messages to the owning actor. Use only on the actor's own turn.</summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/>; replaces a timer with the same key.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>; replaces a timer with the same key.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Like <see cref="StartPeriodicTimer(object, object, TimeSpan)"/> with a different first delay.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    /// <summary>Cancels the timer; a tick of it already in the mailbox is dropped.</summary>
    void Cancel(object key);

    void CancelAll();
}

internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, TimerEntry> _timers = [];

    public void StartSingleTimer(object key, object message, TimeSpan timeout) =>
        Start(key, message, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        cell.EnsureOnTurn();
        if (_timers.Remove(key, out var entry)) entry.Timer?.Dispose();
    }

    public void CancelAll()
    {
        foreach (var e in _timers.Values) e.Timer?.Dispose();
        _timers.Clear();
    }

    /// <summary>True when the tick's timer is still the live one for its key; single timers end here.</summary>
    internal bool Accept(TimerEntry entry)
    {
        if (!_timers.TryGetValue(entry.Key, out var live) || !ReferenceEquals(live, entry)) return false;
        if (!entry.Periodic)
        {
            _timers.Remove(entry.Key);
            entry.Timer?.Dispose();
        }
        return true;
    }

    private void Start(object key, object message, TimeSpan due, TimeSpan period)
    {
        cell.EnsureOnTurn();
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new TimerEntry(this, key, message, period != Timeout.InfiniteTimeSpan);
        _timers[key] = entry;
        entry.Timer = cell.System.TimeProvider.CreateTimer(static s => ((TimerEntry)s!).Fire(), entry, due, period);
    }

    internal sealed class TimerEntry(TimerScheduler owner, object key, object message, bool periodic)
    {
        public TimerScheduler Owner { get; } = owner;
        public object Key { get; } = key;
        public object Message { get; } = message;
        public bool Periodic { get; } = periodic;
        public ITimer? Timer { get; set; }

        public void Fire() => Owner.Tell(new TimerMessage(this));
    }

    private void Tell(TimerMessage tick) => cell.SelfRef.Tell(tick, null);
}

/// <summary>A timer tick in the mailbox; unwrapped on delivery if its timer is still current.</summary>
internal sealed class TimerMessage(TimerScheduler.TimerEntry entry)
{
    public object Message => entry.Message;

    public bool IsCurrent() => entry.Owner.Accept(entry);
}
