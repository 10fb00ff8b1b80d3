using Google.Protobuf.WellKnownTypes;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Pacing;
using Xunit;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// The pacer's wait p99 (the dashboard's pacer panel shows it): the pacing core's window of queue waits, and the
/// figure in its status.
/// </summary>
public sealed class PacerWaitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_p99_is_the_nearest_rank_over_the_waits_of_the_last_minute_and_none_once_it_has_passed()
    {
        var w = new WaitWindow();
        Assert.Null(w.P99(T0));
        // 200 waits of 1..200 ms: the 99th percentile by nearest rank is the 198th.
        for (var i = 1; i <= 200; i++) w.Record(T0.AddMilliseconds(i), TimeSpan.FromMilliseconds(i));
        Assert.Equal(TimeSpan.FromMilliseconds(198), w.P99(T0.AddSeconds(1)));
        // A single slow message among few is the p99.
        var few = new WaitWindow();
        few.Record(T0, TimeSpan.Zero);
        few.Record(T0, TimeSpan.FromMilliseconds(900));
        Assert.Equal(TimeSpan.FromMilliseconds(900), few.P99(T0));
        // Sixty seconds after T0 + 100 ms, what was sent from then on is left (exactly 60 s old still counts): 100..200 ms,
        // whose p99 is the 100th of 101.
        Assert.Equal(TimeSpan.FromMilliseconds(199), w.P99(T0 + WaitWindow.Length + TimeSpan.FromMilliseconds(100)));
        Assert.Equal(101, w.Count);
        Assert.Null(w.P99(T0 + WaitWindow.Length + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_window_keeps_at_most_its_capacity()
    {
        var w = new WaitWindow();
        for (var i = 0; i < WaitWindow.Capacity + 10; i++) w.Record(T0, i < 10 ? TimeSpan.FromHours(1) : TimeSpan.Zero);
        Assert.Equal(WaitWindow.Capacity, w.Count);
        // The ten oldest (the slow ones) went first.
        Assert.Equal(TimeSpan.Zero, w.P99(T0));
    }

    [Fact]
    public void The_pacers_status_carries_the_p99_of_how_long_its_sent_messages_queued()
    {
        // One message a second, burst 1: the first leaves at once, the rest queue behind it.
        var q = new PacingQueue(1, 1);
        for (var i = 0; i < 3; i++) q.Enqueue(new GatewayMessages.Outbound(new Empty(), OutboundPriority.Data), T0);
        Assert.Null(q.Status(T0, connected: true).WaitP99);
        var at = T0;
        for (var sent = 0; sent < 3 && at < T0.AddSeconds(10); at += TimeSpan.FromMilliseconds(100))
            if (q.TryTake(at) is not null) sent++;
        var status = q.Status(at, connected: true);
        Assert.Equal(3, status.SentTotal);
        // The third waited about two seconds (the window's own jitter margin may add a little): that is the p99 of three.
        Assert.InRange(status.WaitP99!.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
    }
}
