using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;

namespace TradingDesk.Simulator.Tests.Market;

/// <summary>Historical ticks, histograms and the WSH calendar read the same seeded path as quotes and bars.</summary>
public sealed class HistoricalTicksTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));
    private static readonly ConId Aapl = new(265598);
    // Friday 2026-11-20 11:00 US/Eastern (EST, UTC−5); the session opened at 14:30 UTC.
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    private static PriceEngine Engine(long seed = 5) => new(Cat, PriceModelOptions.Default(seed));

    [Fact]
    public void Bid_ask_ticks_are_the_quotes_at_their_seconds()
    {
        var engine = Engine();
        var ticks = engine.GetHistoricalTicks(new TickHistoryQuery(Aapl, Open, null, 100, TickKind.BidAsk, true, false), Morning);
        Assert.Equal(100, ticks.Count);
        Assert.All(ticks, t =>
        {
            var q = engine.GetQuote(Aapl, t.Time);
            Assert.Equal((q.Bid, q.Ask, q.BidSize, q.AskSize), (t.Bid, t.Ask, t.BidSize, t.AskSize));
        });
    }

    [Fact]
    public void Trades_sum_to_the_bar_volume_and_their_prices_lie_within_the_bar()
    {
        var engine = Engine();
        var ticks = engine.GetHistoricalTicks(new TickHistoryQuery(Aapl, Open, null, 1000, TickKind.Trades, true, false), Morning);
        var last = ticks[^1].Time;
        var bars = engine.GetHistoricalBars(new HistoricalBarsRequest(Aapl, last.AddSeconds(1), new HistoricalDuration((int)(last.AddSeconds(1) - Open).TotalSeconds, DurationUnit.Seconds),
            new BarSize(BarUnit.Seconds, 1), WhatToShow.Trades, true));
        Assert.Equal(bars.Bars.Sum(b => b.Volume), ticks.Sum(t => t.Size));
        Assert.All(ticks, t => Assert.True(t.Unreported == (t.Size < 100)));
    }

    [Fact]
    public void An_end_reads_backward_within_one_session_and_a_start_forward()
    {
        var engine = Engine();
        // Before the open with useRth: the end falls back to the previous session, which ended Thursday 21:00 UTC.
        var before = engine.GetHistoricalTicks(new TickHistoryQuery(Aapl, null, Open.AddMinutes(-30), 10, TickKind.Midpoint, true, false), Morning);
        Assert.All(before, t => Assert.True(t.Time < new DateTimeOffset(2026, 11, 19, 21, 0, 0, TimeSpan.Zero)));
        Assert.Equal(10, before.Count);
        // A start after now has nothing yet.
        Assert.Empty(engine.GetHistoricalTicks(new TickHistoryQuery(Aapl, Morning.AddMinutes(1), null, 10, TickKind.Midpoint, true, false), Morning));
    }

    [Fact]
    public void The_histogram_holds_the_volume_of_the_window_by_price()
    {
        var engine = Engine();
        var histogram = engine.GetHistogram(Aapl, Open, Morning, useRth: true);
        var bars = engine.GetHistoricalBars(new HistoricalBarsRequest(Aapl, Morning, new HistoricalDuration(5400, DurationUnit.Seconds),
            new BarSize(BarUnit.Seconds, 60), WhatToShow.Trades, true));
        Assert.Equal(bars.Bars.Sum(b => b.Volume), histogram.Sum(h => h.Volume));
        Assert.All(histogram, h => Assert.InRange(h.Price, bars.Bars.Min(b => b.Low), bars.Bars.Max(b => b.High)));
    }

    [Fact]
    public void The_wsh_calendar_is_a_function_of_the_seed()
    {
        var aapl = Cat.Get(Aapl);
        var types = WshCalendar.EventTypes.Select(t => t.Tag).ToHashSet();
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 12, 31);
        var a = new WshCalendar(1, Cat).Events(aapl, types, from, to).ToList();
        Assert.Equal(a, new WshCalendar(1, Cat).Events(aapl, types, from, to));
        Assert.NotEqual(a, new WshCalendar(2, Cat).Events(aapl, types, from, to));
        Assert.All(a, e => Assert.False(e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        var spy = Cat.Get(new ConId(756733));
        Assert.DoesNotContain(new WshCalendar(1, Cat).Events(spy, types, from, to), e => e.Type == WshCalendar.EarningsDate);
    }
}
