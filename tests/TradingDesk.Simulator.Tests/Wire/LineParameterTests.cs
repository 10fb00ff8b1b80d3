using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>What a market data line gets besides prices: tickReqParams (81) as it opens, LAST_TIMESTAMP with each trade.</summary>
public sealed class LineParameterTests
{
    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task A_line_gets_its_min_tick_and_bbo_exchange_right_after_its_data_type(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 7, Contract = SimHarness.Aapl, GenericTickList = "" });

        Assert.IsType<MarketDataType>((await client.NextAsync()).Message);
        var parameters = Assert.IsType<TickReqParams>((await client.NextAsync()).Message);
        Assert.Equal((7, "0.01", TradingDesk.Simulator.Gateway.PaperMarketBackend.SmartBboExchange, 3),
            (parameters.ReqId, parameters.MinTick, parameters.BboExchange, parameters.SnapshotPermissions));
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Each_trade_is_followed_by_its_time_as_a_last_timestamp_string_tick(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 8, Contract = SimHarness.Aapl, GenericTickList = "" });

        await client.ExpectAsync<TickPrice>(p => p.ReqId == 8 && p.TickType == 4);
        var stamp = Assert.IsType<TickString>((await client.NextAsync()).Message);
        Assert.Equal((8, 45), (stamp.ReqId, stamp.TickType));
        var seconds = long.Parse(stamp.Value, System.Globalization.CultureInfo.InvariantCulture);
        await client.SendAsync(new CurrentTimeRequest());
        var now = (await client.ExpectAsync<CurrentTime>()).CurrentTime_;
        Assert.InRange(seconds, now - 1, now);
    }

    [Fact]
    public async Task A_delayed_line_stamps_its_trades_with_the_delayed_type_88()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataTypeRequest { MarketDataType = 3 });
        await client.SendAsync(new MarketDataRequest { ReqId = 9, Contract = SimHarness.Aapl, GenericTickList = "" });

        await client.ExpectAsync<TickPrice>(p => p.ReqId == 9 && p.TickType == 68);
        Assert.Equal(88, Assert.IsType<TickString>((await client.NextAsync()).Message).TickType);
    }
}
