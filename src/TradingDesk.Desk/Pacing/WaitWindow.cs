namespace TradingDesk.Desk.Pacing;

/// <summary>
/// How long the messages sent over the last <see cref="Length"/> waited in the pacer's queues, for the p99 that
/// <see cref="PacerStatus.WaitP99"/> reports. Part of the pacer's functional core: time is passed in, single-threaded.
///
/// It keeps every wait in the window rather than a sketch: the pacer sends at most its configured rate (45/s by
/// default, so about 2,700 waits in a minute), and an exact p99 over that few is cheap once per status report.
/// <see cref="Capacity"/> bounds it anyway for a pacer configured far above IB's limit; past it the oldest go first.
/// </summary>
public sealed class WaitWindow
{
    /// <summary>The window the p99 covers; the dashboard says so beside the figure.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(60);

    /// <summary>Most waits kept (60 s at 250 messages/s).</summary>
    public const int Capacity = 15_000;

    private readonly Queue<(DateTimeOffset SentAt, TimeSpan Waited)> _waits = new();

    /// <summary>Waits in the window as of the last <see cref="Record"/> or <see cref="P99"/>.</summary>
    public int Count => _waits.Count;

    public void Record(DateTimeOffset sentAt, TimeSpan waited)
    {
        _waits.Enqueue((sentAt, waited < TimeSpan.Zero ? TimeSpan.Zero : waited));
        if (_waits.Count > Capacity) _waits.Dequeue();
        Expire(sentAt);
    }

    /// <summary>
    /// The 99th percentile (nearest rank) of the waits of messages sent in the <see cref="Length"/> up to
    /// <paramref name="now"/>; null when none was sent in it.
    /// </summary>
    public TimeSpan? P99(DateTimeOffset now)
    {
        Expire(now);
        if (_waits.Count == 0) return null;
        var sorted = new long[_waits.Count];
        var i = 0;
        foreach (var (_, waited) in _waits) sorted[i++] = waited.Ticks;
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(0.99 * sorted.Length);
        return TimeSpan.FromTicks(sorted[rank - 1]);
    }

    // Sends are recorded in time order (the pacer's clock does not go back), so the expired ones are at the front.
    private void Expire(DateTimeOffset now)
    {
        while (_waits.TryPeek(out var oldest) && now - oldest.SentAt > Length) _waits.Dequeue();
    }
}
