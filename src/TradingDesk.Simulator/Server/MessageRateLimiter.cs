namespace TradingDesk.Simulator.Server;

/// <summary>
/// IB's client message limit: more than N messages inside any one-second window is a violation (error 100).
/// A ring of the last N arrival times: the (N+1)th message is a violation when the oldest of the last N
/// arrived less than a second before it. Pure and single-threaded: one per client session.
/// </summary>
public sealed class MessageRateLimiter
{
    private readonly long[] _arrivals;
    private readonly long _windowTicks;
    private int _next;
    private int _count;

    public MessageRateLimiter(int maxPerSecond, TimeSpan? window = null)
    {
        _arrivals = new long[maxPerSecond];
        _windowTicks = (window ?? TimeSpan.FromSeconds(1)).Ticks;
    }

    /// <summary>Records a message arriving at <paramref name="now"/>; returns false when it breaks the limit.</summary>
    public bool TryAccept(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        if (_count == _arrivals.Length && ticks - _arrivals[_next] < _windowTicks)
            return false;
        _arrivals[_next] = ticks;
        _next = (_next + 1) % _arrivals.Length;
        if (_count < _arrivals.Length) _count++;
        return true;
    }

    /// <summary>How long to wait before a message would be accepted (what +PACEAPI clients get instead of error 100).</summary>
    public TimeSpan DelayUntilAccepted(DateTimeOffset now)
    {
        if (_count < _arrivals.Length) return TimeSpan.Zero;
        var wait = _arrivals[_next] + _windowTicks - now.UtcTicks;
        return wait > 0 ? TimeSpan.FromTicks(wait) : TimeSpan.Zero;
    }
}
