using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqHistoricalTicks over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class HistoricalTicksTests
{
    // The manual clock starts on Tuesday 2026-03-10 11:00 New York (EDT, UTC−4).
    private static readonly long TenThirty = new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private static readonly long Open = new DateTimeOffset(2026, 3, 10, 13, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static HistoricalTicksRequest Request(int reqId, string whatToShow, string start = "", string end = "", int count = 50,
        bool ignoreSize = false) => new()
    {
        ReqId = reqId, Contract = SimHarness.Aapl, StartDateTime = start, EndDateTime = end, NumberOfTicks = count,
        WhatToShow = whatToShow, UseRTH = true, IgnoreSize = ignoreSize,
    };

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Trades_up_to_an_end_are_the_last_ticks_before_it_in_time_order(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(31, "TRADES", end: "20260310 10:30:00 US/Eastern"));
        var reply = await client.ExpectAsync<HistoricalTicksLast>();
        Assert.Equal(31, reply.ReqId);
        Assert.True(reply.IsDone);
        var ticks = reply.HistoricalTicksLast_;
        Assert.Equal(50, ticks.Count);
        Assert.All(ticks, t => Assert.InRange(t.Time, TenThirty - 3600, TenThirty));
        Assert.Equal(ticks.Select(t => t.Time).Order(), ticks.Select(t => t.Time));
        Assert.All(ticks, t =>
        {
            Assert.True(t.Price > 0);
            Assert.True(decimal.Parse(t.Size, System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.False(string.IsNullOrEmpty(t.Exchange));
            Assert.NotNull(t.TickAttribLast);
            Assert.False(t.TickAttribLast.PastLimit);
        });
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Bid_ask_from_a_start_are_the_first_ticks_of_the_session(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        // 08:00 is before the regular session: with useRth the ticks start at the 09:30 open.
        await client.SendAsync(Request(32, "BID_ASK", start: "20260310 08:00:00 US/Eastern", count: 20));
        var reply = await client.ExpectAsync<HistoricalTicksBidAsk>();
        Assert.Equal(32, reply.ReqId);
        Assert.True(reply.IsDone);
        Assert.Equal(20, reply.HistoricalTicksBidAsk_.Count);
        Assert.Equal(Open, reply.HistoricalTicksBidAsk_[0].Time);
        Assert.All(reply.HistoricalTicksBidAsk_, t =>
        {
            Assert.True(t.PriceBid < t.PriceAsk);
            Assert.NotNull(t.TickAttribBidAsk);
            Assert.False(t.TickAttribBidAsk.BidPastLow);
        });
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Midpoints_are_capped_at_1000_and_change_from_tick_to_tick(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(33, "MIDPOINT", start: "20260310 09:30:00 US/Eastern", count: 5000));
        var reply = await client.ExpectAsync<HistoricalTicks>();
        Assert.Equal(33, reply.ReqId);
        Assert.Equal(1000, reply.HistoricalTicks_.Count);
        var prices = reply.HistoricalTicks_.Select(t => t.Price).ToList();
        Assert.All(prices.Zip(prices.Skip(1)), p => Assert.NotEqual(p.First, p.Second));
        Assert.All(reply.HistoricalTicks_, t => Assert.True(t.Time < SimulatorOptions.DefaultManualStart.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task Ignore_size_gives_fewer_bid_ask_ticks_over_the_same_stretch()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(34, "BID_ASK", start: "20260310 09:30:00 US/Eastern", count: 300));
        var all = await client.ExpectAsync<HistoricalTicksBidAsk>(m => m.ReqId == 34);
        await client.SendAsync(Request(35, "BID_ASK", start: "20260310 09:30:00 US/Eastern", count: 300, ignoreSize: true));
        var pricesOnly = await client.ExpectAsync<HistoricalTicksBidAsk>(m => m.ReqId == 35);
        // Sizes change nearly every second, prices less often: the same number of ticks spans more time.
        Assert.True(pricesOnly.HistoricalTicksBidAsk_[^1].Time > all.HistoricalTicksBidAsk_[^1].Time);
    }

    [Theory]
    [InlineData(200, "20260310 09:30:00 US/Eastern", "20260310 10:30:00 US/Eastern", "TRADES", "startDateTime and endDateTime")]
    [InlineData(225, "", "", "TRADES", "startDateTime and endDateTime")]
    [InlineData(200, "", "20260310 10:30:00 US/Eastern", "BANANAS", "What to show field is missing or incorrect")]
    [InlineData(225, "", "20260310 10:30:00 US/Eastern", "BANANAS", "What to show field is missing or incorrect")]
    public async Task Both_or_neither_dates_and_an_unknown_what_to_show_are_321(int version, string start, string end, string whatToShow, string cause)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(36, whatToShow, start, end));
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 36);
        Assert.Equal(321, error.ErrorCode);
        Assert.Contains(cause, error.ErrorMsg);
    }

    [Fact]
    public async Task An_identical_request_within_15_seconds_is_a_pacing_violation()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(37, "TRADES", end: "20260310 10:30:00 US/Eastern"));
        await client.ExpectAsync<HistoricalTicksLast>();
        await client.SendAsync(Request(38, "TRADES", end: "20260310 10:30:00 US/Eastern"));
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 38);
        Assert.Equal(162, error.ErrorCode);
        Assert.Contains("pacing violation", error.ErrorMsg);
    }

    [Fact]
    public async Task Trades_of_an_fx_pair_are_162_as_for_bars()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        var request = Request(39, "TRADES", end: "20260310 10:30:00 US/Eastern");
        request.Contract = new Contract { Symbol = "EUR", SecType = "CASH", Exchange = "IDEALPRO", Currency = "USD" };
        await client.SendAsync(request);
        Assert.Equal(162, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 39)).ErrorCode);
    }

    [Fact]
    public async Task A_cancel_after_the_answer_is_accepted_silently()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(40, "MIDPOINT", end: "20260310 10:30:00 US/Eastern"));
        await client.ExpectAsync<HistoricalTicks>();
        await client.SendAsync(new CancelHistoricalTicks { ReqId = 40 });
        await SimHarness.RoundTripAsync(client);
        Assert.False(client.TryPeekPending(out var pending), $"unexpected {pending.Name}");
    }
}
