using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>The streaming replies whose encoding changes with the version (text below their protobuf gate).</summary>
public sealed class VersionedStreamingTests
{
    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Tick_by_tick_bid_ask_decodes_at_every_version(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new TickByTickRequest { ReqId = 71, Contract = SimHarness.Aapl, TickType = "BidAsk", NumberOfTicks = 0, IgnoreSize = false });
        var tick = await client.ExpectAsync<TickByTickData>();
        Assert.Equal(3, tick.TickType);
        Assert.True(tick.HistoricalTickBidAsk.PriceBid < tick.HistoricalTickBidAsk.PriceAsk);
        Assert.Equal(SimulatorOptions.DefaultManualStart.ToUnixTimeSeconds(), tick.HistoricalTickBidAsk.Time);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Keep_up_to_date_updates_decode_at_every_version(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HistoricalDataRequest
        {
            ReqId = 72, Contract = SimHarness.Aapl, EndDateTime = "", Duration = "600 S", BarSizeSetting = "1 min",
            WhatToShow = "MIDPOINT", UseRTH = true, FormatDate = 2, KeepUpToDate = true,
        });
        var data = await client.ExpectAsync<HistoricalData>();
        Assert.All(data.HistoricalDataBars, b => Assert.Equal(0, long.Parse(b.Date) % 60));
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(70));
        var update = await client.ExpectAsync<HistoricalDataUpdate>();
        Assert.Equal(72, update.ReqId);
        Assert.True(long.Parse(update.HistoricalDataBar.Date) > long.Parse(data.HistoricalDataBars[^1].Date));
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Exchange_depth_decodes_at_every_version(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDepthRequest { ReqId = 73, Contract = SimHarness.Aapl, NumRows = 2, IsSmartDepth = false });
        var sides = new List<int>();
        for (var i = 0; i < 4; i++) sides.Add((await client.ExpectAsync<MarketDepth>(d => d.ReqId == 73)).MarketDepthData.Side);
        Assert.Equal([0, 0, 1, 1], sides.Order());
    }
}

public sealed class AccountSubscriptionTests
{
    [Fact]
    public async Task Account_summary_is_resent_on_the_account_cadence_and_stops_after_cancel()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new AccountSummaryRequest { ReqId = 81, Group = "All", Tags = "$LEDGER" });
        var first = await client.ExpectAsync<AccountSummary>(s => s.ReqId == 81);
        Assert.Equal("USD", first.Currency);
        await client.ExpectAsync<AccountSummaryEnd>();
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        await client.ExpectAsync<AccountSummaryEnd>(e => e.ReqId == 81);
        await client.SendAsync(new CancelAccountSummary { ReqId = 81 });
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }

    [Fact]
    public async Task Cancel_positions_stops_position_updates()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        await client.SendAsync(new PositionsRequest());
        await client.ExpectAsync<PositionEnd>();
        await client.SendAsync(new CancelPositions());
        await client.SendAsync(OrderTests.Order(id, "BUY", "10", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }
}
