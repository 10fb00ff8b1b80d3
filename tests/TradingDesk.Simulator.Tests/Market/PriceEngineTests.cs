using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;

namespace TradingDesk.Simulator.Tests.Market;

public sealed class PriceEngineTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));
    private static readonly ConId Aapl = new(265598);
    private static readonly ConId EurUsd = new(12087792);
    // Friday 2026-11-20 11:00 US/Eastern (EST, UTC-5).
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    private static PriceEngine Engine(long seed) => new(Cat, PriceModelOptions.Default(seed));

    [Fact]
    public void Same_seed_gives_the_same_prices_and_different_seeds_differ()
    {
        var a = Engine(7);
        var b = Engine(7);
        var c = Engine(8);
        var times = Enumerable.Range(0, 50).Select(i => Morning.AddSeconds(i * 37)).ToList();
        Assert.Equal(times.Select(t => a.GetQuote(Aapl, t)), times.Select(t => b.GetQuote(Aapl, t)));
        Assert.NotEqual(times.Select(t => a.GetQuote(Aapl, t).Last), times.Select(t => c.GetQuote(Aapl, t).Last));
    }

    [Fact]
    public void Price_at_a_time_does_not_depend_on_what_was_asked_before()
    {
        var fresh = Engine(3).GetQuote(Aapl, Morning);
        var warmed = Engine(3);
        for (var i = 0; i < 100; i++) warmed.GetQuote(Aapl, Morning.AddDays(-i));
        Assert.Equal(fresh, warmed.GetQuote(Aapl, Morning));
    }

    [Fact]
    public void Quotes_are_on_tick_with_bid_below_ask_and_last_between_and_they_move()
    {
        var engine = Engine(1);
        var lasts = new HashSet<decimal>();
        for (var i = 0; i < 600; i++)
        {
            var q = engine.GetQuote(Aapl, Morning.AddSeconds(i));
            Assert.True(q.Bid < q.Ask);
            Assert.InRange(q.Last, q.Bid, q.Ask);
            Assert.Equal(0m, q.Bid % 0.01m);
            Assert.True(q.BidSize > 0 && q.BidSize % 100 == 0);
            lasts.Add(q.Last);
        }
        Assert.True(lasts.Count > 3, "the price should move over ten minutes");
        var first = engine.GetQuote(Aapl, Morning).Last;
        Assert.InRange(first, 50m, 1000m); // reference 230, a year of 25% vol cannot go that far
    }

    [Fact]
    public void One_minute_bars_are_the_aggregate_of_their_five_second_bars_and_match_live_quotes()
    {
        var engine = Engine(11);
        var minute = Bars(engine, Aapl, Morning, "1800 S", "1 min", "TRADES");
        var fives = Bars(engine, Aapl, Morning, "1800 S", "5 secs", "TRADES");
        Assert.Equal(30, minute.Count);
        Assert.Equal(360, fives.Count);
        for (var i = 0; i < minute.Count; i++)
        {
            var parts = fives.Skip(i * 12).Take(12).ToList();
            Assert.Equal(minute[i].Time, parts[0].Time);
            Assert.Equal(minute[i].Open, parts[0].Open);
            Assert.Equal(minute[i].Close, parts[^1].Close);
            Assert.Equal(minute[i].High, parts.Max(p => p.High));
            Assert.Equal(minute[i].Low, parts.Min(p => p.Low));
            Assert.Equal(minute[i].Volume, parts.Sum(p => p.Volume));
            Assert.Equal(engine.GetQuote(Aapl, minute[i].Time).Last, minute[i].Open);
            Assert.Equal(engine.GetQuote(Aapl, minute[i].Time.AddMinutes(1)).Last, minute[i].Close);
        }
        // Real-time bars are the same path.
        Assert.Equal(fives[7], engine.GetRealtimeBar(Aapl, fives[7].Time, WhatToShow.Trades));
    }

    [Fact]
    public void Daily_bars_agree_with_hourly_bars_and_skip_weekends()
    {
        var engine = Engine(5);
        var end = new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero); // Friday after the close
        var days = Bars(engine, Aapl, end, "2 W", "1 day", "TRADES", useRth: true);
        Assert.Equal(10, days.Count);
        Assert.DoesNotContain(days, d => d.Date!.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var hours = Bars(engine, Aapl, end, "2 W", "1 hour", "TRADES", useRth: true);
        Assert.Equal(70, hours.Count); // 09:30, 10:00 … 15:00 each day: the first bar clipped to the open
        foreach (var day in days)
        {
            var parts = hours.Where(h => DateOnly.FromDateTime(h.Time.UtcDateTime) == day.Date).ToList();
            Assert.Equal(day.Open, parts[0].Open);
            Assert.Equal(day.Close, parts[^1].Close);
            Assert.Equal(day.High, parts.Max(p => p.High));
            Assert.Equal(day.Low, parts.Min(p => p.Low));
            Assert.Equal(day.Volume, parts.Sum(p => p.Volume));
        }
        var weeks = Bars(engine, Aapl, end, "2 W", "1 week", "TRADES", useRth: true);
        Assert.Equal(2, weeks.Count);
        Assert.Equal(days.Skip(5).Max(d => d.High), weeks[1].High);
        Assert.Equal(days[^1].Close, weeks[1].Close);
    }

    [Fact]
    public void Bars_far_in_the_past_and_across_the_model_anchor_are_consistent()
    {
        var engine = Engine(2);
        var anchor = PriceModelOptions.DefaultAnchor;
        var end = anchor.AddHours(1);
        var tens = Bars(engine, EurUsd, end, "7200 S", "10 mins", "MIDPOINT");
        var ones = Bars(engine, EurUsd, end, "7200 S", "1 min", "MIDPOINT");
        Assert.Equal(12, tens.Count);
        for (var i = 0; i < tens.Count; i++)
        {
            var parts = ones.Skip(i * 10).Take(10).ToList();
            Assert.Equal(tens[i].High, parts.Max(p => p.High));
            Assert.Equal(tens[i].Low, parts.Min(p => p.Low));
            Assert.Equal(tens[i].Open, parts[0].Open);
        }
        var yearly = Bars(engine, Aapl, new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero), "1 Y", "1 month", "TRADES");
        Assert.Equal(12, yearly.Count);
    }

    [Fact]
    public void Bid_ask_and_midpoint_bars_relate_as_IB_defines_them()
    {
        var engine = Engine(4);
        var bid = Bars(engine, Aapl, Morning, "300 S", "1 min", "BID");
        var ask = Bars(engine, Aapl, Morning, "300 S", "1 min", "ASK");
        var both = Bars(engine, Aapl, Morning, "300 S", "1 min", "BID_ASK");
        for (var i = 0; i < bid.Count; i++)
        {
            Assert.True(ask[i].Low > bid[i].Low);
            Assert.Equal(bid[i].Low, both[i].Low);
            Assert.Equal(ask[i].High, both[i].High);
            Assert.Equal(-1m, bid[i].Volume);
        }
        Assert.Equal(engine.GetQuote(Aapl, bid[0].Time).Bid, bid[0].Open);
    }

    [Theory]
    [InlineData("1 D", "2 minutes", "TRADES", HistoricalErrorKind.InvalidBarSize, 321)]
    [InlineData("1 Q", "1 min", "TRADES", HistoricalErrorKind.InvalidDuration, 321)]
    [InlineData("-5 S", "1 min", "TRADES", HistoricalErrorKind.InvalidDuration, 321)]
    [InlineData("1 D", "1 min", "bW", HistoricalErrorKind.InvalidWhatToShow, 321)]
    public void Bad_request_strings_give_typed_errors(string duration, string barSize, string what, HistoricalErrorKind kind, int code)
    {
        Assert.False(HistoricalBarsRequest.TryParse(Aapl, Morning, duration, barSize, what, false, out var request, out var error));
        Assert.Null(request);
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(code, error.IbCode);
    }

    [Fact]
    public void Too_many_bars_and_trades_for_fx_are_refused_with_162()
    {
        var engine = Engine(1);
        Assert.Equal(HistoricalErrorKind.TooManyBars, Request(engine, Aapl, Morning, "2 D", "1 secs", "TRADES").Error!.Kind);
        var fx = Request(engine, EurUsd, Morning, "1 D", "1 hour", "TRADES");
        Assert.Equal(162, fx.Error!.IbCode);
        Assert.True(Request(engine, EurUsd, Morning, "1 D", "1 hour", "MIDPOINT").IsSuccess);
        // A Sunday window holds no stock session.
        Assert.Equal(HistoricalErrorKind.NoData,
            Request(engine, Aapl, new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero), "3600 S", "1 min", "TRADES").Error!.Kind);
    }

    [Fact]
    public void Depth_day_stats_and_head_timestamp()
    {
        var engine = Engine(1);
        var book = engine.GetDepth(Aapl, Morning, 5);
        var q = engine.GetQuote(Aapl, Morning);
        Assert.Equal(5, book.Bids.Count);
        Assert.Equal(q.Bid, book.Bids[0].Price);
        Assert.Equal(q.Ask, book.Asks[0].Price);
        Assert.Equal(q.Ask + 0.04m, book.Asks[4].Price);
        Assert.True(book.Bids.Zip(book.Bids.Skip(1)).All(p => p.First.Price > p.Second.Price));
        Assert.All(book.Asks, l => Assert.False(string.IsNullOrEmpty(l.MarketMaker)));

        var day = engine.GetDayStats(Aapl, Morning);
        Assert.Equal(new DateOnly(2026, 11, 20), day.TradingDate);
        var open = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        Assert.Equal(engine.GetQuote(Aapl, open).Last, day.Open);
        Assert.InRange(q.Last, day.Low, day.High);
        Assert.Equal(engine.ClosePrice(Aapl, new DateTimeOffset(2026, 11, 19, 21, 0, 0, TimeSpan.Zero)), day.PreviousClose);
        Assert.True(day.Volume > 0);

        Assert.Equal(engine.ModelStart, engine.HeadTimestamp(Aapl));
        var es = Cat.FrontMonth("ES", new DateOnly(2026, 11, 20))!;
        Assert.True(engine.HeadTimestamp(es.ConId) > engine.ModelStart);
    }

    [Fact]
    public void Quotes_rest_at_the_close_outside_trading_hours_and_gap_when_trading_resumes()
    {
        var engine = Engine(6);
        var close = new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero); // Friday 20:00 ET, end of extended hours
        var atClose = engine.GetQuote(Aapl, close.AddSeconds(-1));
        var saturday = engine.GetQuote(Aapl, close.AddHours(20));
        Assert.Equal(engine.GetQuote(Aapl, close.AddHours(40)), saturday);
        Assert.Equal(close, saturday.Time);
        Assert.Equal(engine.ClosePrice(Aapl, close), saturday.Last);
        Assert.InRange(saturday.Last, atClose.Bid - 1m, atClose.Ask + 1m);
        var mondayOpen = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero); // 04:00 ET
        Assert.NotEqual(saturday.Last, engine.GetQuote(Aapl, mondayOpen).Last); // the weekend's move shows as a gap
        // FX trades through the night but not at the weekend.
        var fxSaturday = engine.GetQuote(EurUsd, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero), fxSaturday.Time); // Friday 17:00 ET
        var night = new DateTimeOffset(2026, 11, 19, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(night, engine.GetQuote(EurUsd, night).Time);
    }

    [Fact]
    public void Options_follow_their_underlying()
    {
        var engine = Engine(1);
        var spy = new ConId(756733);
        var calls = Cat.Search(new() { Symbol = "SPY", SecType = SecType.Option, Right = OptionRight.Call })
            .Where(o => o.LastTradeDate == Cat.Search(new() { Symbol = "SPY", SecType = SecType.Option }).Max(x => x.LastTradeDate))
            .OrderBy(o => o.Strike).ToList();
        var quotes = calls.Select(c => engine.GetQuote(c.ConId, Morning).Last).ToList();
        Assert.True(quotes.Zip(quotes.Skip(1)).All(p => p.First >= p.Second), "calls get cheaper as the strike rises");
        Assert.True(engine.GetQuote(spy, Morning).Last > 0);
    }

    private static HistoricalBarsResult Request(PriceEngine e, ConId id, DateTimeOffset end, string d, string b, string w, bool useRth = false)
    {
        Assert.True(HistoricalBarsRequest.TryParse(id, end, d, b, w, useRth, out var request, out _));
        return e.GetHistoricalBars(request!);
    }

    private static IReadOnlyList<PriceBar> Bars(PriceEngine e, ConId id, DateTimeOffset end, string d, string b, string w, bool useRth = false)
    {
        var result = Request(e, id, end, d, b, w, useRth);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Bars;
    }
}
