using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Each streaming request's cancel stops its stream: after it, the clock moves and nothing more comes on the id.</summary>
public sealed class CancelTests
{
    private static async Task StreamsUntilCancelled(int version, IMessage request, Func<IMessage, bool> isItsData, IMessage cancel)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(request);
        // Live: ten seconds of the manual clock hold a bar (5 s), a keep-up-to-date update (5 s timer), P&L (1 s) and
        // quote changes (1 s), so the stream has sent something of its own.
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        await client.ExpectAsync<IMessage>(isItsData);

        await client.SendAsync(cancel);
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(2));
        // A marker answered on the same loop: anything the stream sent after its cancel would come before it.
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public Task CancelHistoricalData_ends_a_keep_up_to_date_bar_stream(int version) => StreamsUntilCancelled(version,
        new HistoricalDataRequest
        {
            ReqId = 21, Contract = SimHarness.Aapl, EndDateTime = "", BarSizeSetting = "1 min", Duration = "1800 S", UseRTH = false,
            WhatToShow = "TRADES", FormatDate = 2, KeepUpToDate = true,
        },
        m => m is HistoricalDataUpdate { ReqId: 21 }, new CancelHistoricalData { ReqId = 21 });

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public Task CancelRealTimeBars_ends_the_five_second_bars(int version) => StreamsUntilCancelled(version,
        new RealTimeBarsRequest { ReqId = 22, Contract = SimHarness.Aapl, BarSize = 5, WhatToShow = "TRADES", UseRTH = false },
        m => m is RealTimeBarTick { ReqId: 22 }, new CancelRealTimeBars { ReqId = 22 });

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public Task CancelTickByTick_ends_the_ticks(int version) => StreamsUntilCancelled(version,
        new TickByTickRequest { ReqId = 23, Contract = SimHarness.Aapl, TickType = "BidAsk", NumberOfTicks = 0, IgnoreSize = false },
        m => m is TickByTickData { ReqId: 23 }, new CancelTickByTick { ReqId = 23 });

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public Task CancelPnL_ends_the_accounts_pnl(int version) => StreamsUntilCancelled(version,
        new PnLRequest { ReqId = 24, Account = "DU111111", ModelCode = "" },
        m => m is PnL { ReqId: 24 }, new CancelPnL { ReqId = 24 });

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task CancelHeadTimestamp_after_the_answer_is_taken_quietly(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HeadTimestampRequest { ReqId = 25, Contract = SimHarness.Aapl, UseRTH = false, WhatToShow = "TRADES", FormatDate = 1 });
        Assert.Equal(25, (await client.ExpectAsync<HeadTimestamp>()).ReqId);

        await client.SendAsync(new CancelHeadTimestamp { ReqId = 25 });
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }
}
