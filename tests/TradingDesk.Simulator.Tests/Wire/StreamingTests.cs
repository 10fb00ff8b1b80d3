using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Tick-by-tick, depth and real-time bars.</summary>
public sealed class StreamingTests
{
    [Theory]
    [InlineData("Last", 1)]
    [InlineData("AllLast", 2)]
    [InlineData("BidAsk", 3)]
    [InlineData("MidPoint", 4)]
    public async Task Tick_by_tick_streams_each_kind(string kind, int tickType)
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new TickByTickRequest { ReqId = 11, Contract = SimHarness.Aapl, TickType = kind, NumberOfTicks = 0, IgnoreSize = false });
        var first = await client.ExpectAsync<TickByTickData>();
        Assert.Equal((11, tickType), (first.ReqId, first.TickType));
        switch (tickType)
        {
            case 1 or 2: Assert.True(first.HistoricalTickLast.Price > 0); break;
            case 3: Assert.True(first.HistoricalTickBidAsk.PriceBid < first.HistoricalTickBidAsk.PriceAsk); break;
            default: Assert.True(first.HistoricalTickMidPoint.Price > 0); break;
        }
        await sim.AdvanceAsync(TimeSpan.FromSeconds(30));
        var later = await client.ExpectAsync<TickByTickData>();
        Assert.True(later.ReqId == 11);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Tick_by_tick_with_a_bad_type_is_321(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new TickByTickRequest { ReqId = 12, Contract = SimHarness.Aapl, TickType = "Trades", NumberOfTicks = 0 });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 12)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Smart_depth_inserts_the_book_with_market_makers_then_updates(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDepthRequest { ReqId = 13, Contract = SimHarness.Aapl, NumRows = 5, IsSmartDepth = true });
        var levels = new List<MarketDepthData>();
        for (var i = 0; i < 10; i++) levels.Add((await client.ExpectAsync<MarketDepthL2>(m => m.ReqId == 13)).MarketDepthData);
        Assert.All(levels, l => Assert.Equal(0, l.Operation));
        Assert.Equal(5, levels.Count(l => l.Side == 1));
        Assert.Equal(5, levels.Count(l => l.Side == 0));
        Assert.All(levels, l => Assert.False(string.IsNullOrEmpty(l.MarketMaker)));
        var bestBid = levels.Where(l => l.Side == 1).Max(l => l.Price);
        var bestAsk = levels.Where(l => l.Side == 0).Min(l => l.Price);
        Assert.True(bestBid < bestAsk);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        var update = await client.ExpectAsync<MarketDepthL2>(m => m.ReqId == 13);
        Assert.Equal(1, update.MarketDepthData.Operation);
    }

    [Fact]
    public async Task Exchange_depth_uses_updateMktDepth()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDepthRequest { ReqId = 14, Contract = SimHarness.Aapl, NumRows = 3, IsSmartDepth = false });
        var level = await client.ExpectAsync<MarketDepth>();
        Assert.Equal(14, level.ReqId);
        await client.SendAsync(new CancelMarketDepth { ReqId = 14, IsSmartDepth = false });
        await client.SendAsync(new MarketDepthRequest { ReqId = 14, Contract = SimHarness.Aapl, NumRows = 3 });
        Assert.Equal(14, (await client.ExpectAsync<MarketDepth>()).ReqId); // the id is free again: no 102
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Real_time_bars_come_every_five_seconds(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new RealTimeBarsRequest { ReqId = 15, Contract = SimHarness.Aapl, BarSize = 5, WhatToShow = "TRADES", UseRTH = false });
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var first = await client.ExpectAsync<RealTimeBarTick>();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var second = await client.ExpectAsync<RealTimeBarTick>();
        Assert.Equal(5, second.Time - first.Time);
        Assert.InRange(second.Close, second.Low, second.High);
        Assert.Equal(0, second.Time % 5);
    }

    [Fact]
    public async Task Real_time_bars_other_than_five_seconds_are_321()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new RealTimeBarsRequest { ReqId = 16, Contract = SimHarness.Aapl, BarSize = 10, WhatToShow = "TRADES" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 16)).ErrorCode);
    }
}
