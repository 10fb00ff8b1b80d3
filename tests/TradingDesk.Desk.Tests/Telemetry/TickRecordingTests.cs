using TradingDesk.Desk.Telemetry;
using TradingDesk.Testing.Metrics;
using Xunit;

namespace TradingDesk.Desk.Tests.Telemetry;

/// <summary>The tick path's recording helpers: what one tick records, under which names and tags.</summary>
public sealed class TickRecordingTests
{
    [Fact]
    public void A_line_tick_counts_one_in_and_one_out_per_subscriber_tagged_with_its_line()
    {
        using var metrics = new DeskMetrics("tick-recording");
        using var capture = new MeterCapture(metrics.Meter);
        var seven = metrics.ForLine("7");
        var eight = metrics.ForLine("8");

        seven.Tick(3);
        seven.Tick(2);
        eight.Tick(1);

        Assert.Equal(2, capture.Of("tradingdesk.ticks.received", "line", "7").Count);
        Assert.Equal(2, capture.Sum("tradingdesk.ticks.received", "line", "7"));
        Assert.Equal(5, capture.Sum("tradingdesk.ticks.delivered", "line", "7"));
        Assert.Equal(1, capture.Sum("tradingdesk.ticks.received", "line", "8"));
        Assert.Equal(1, capture.Sum("tradingdesk.ticks.delivered", "line", "8"));
        Assert.All(capture.Of("tradingdesk.ticks.delivered"), m => Assert.Equal(["line"], m.Tags.Keys));
    }

    [Fact]
    public void A_line_records_nothing_while_nobody_listens_and_counts_from_when_a_listener_enables_it()
    {
        using var metrics = new DeskMetrics("tick-recording-late");
        var line = metrics.ForLine("1");
        line.Tick(4); // nobody listens: nothing to see, and nothing breaks

        using var capture = new MeterCapture(metrics.Meter);
        line.Tick(2); // the same struct, made before the listener: it reads Enabled per tick

        Assert.Equal(1, capture.Sum("tradingdesk.ticks.received", "line", "1"));
        Assert.Equal(2, capture.Sum("tradingdesk.ticks.delivered", "line", "1"));
    }

    [Fact]
    public void A_tick_latency_is_the_time_from_its_decode_to_now_in_seconds_without_tags()
    {
        using var metrics = new DeskMetrics("tick-latency");
        using var capture = new MeterCapture(metrics.Meter);
        var decoded = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        metrics.RecordTickLatency(decoded, decoded.AddMilliseconds(1.5));

        var latency = Assert.Single(capture.Of("tradingdesk.tick.latency"));
        Assert.Equal(0.0015, latency.Value, precision: 9);
        Assert.Empty(latency.Tags);
    }
}
