using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class MarketDataTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(3);

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Streaming_sends_the_data_type_then_every_L1_tick_then_changes_as_the_clock_moves(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 1, Contract = SimHarness.Aapl, GenericTickList = "", Snapshot = false });

        var type = await client.ExpectAsync<MarketDataType>();
        Assert.Equal((1, 1), (type.ReqId, type.MarketDataType_));
        var prices = new Dictionary<int, double>();
        var sizes = new HashSet<int>();
        while (prices.Count < 7 || !sizes.Contains(8))
        {
            var m = (await client.NextAsync()).Message;
            if (m is TickPrice p) prices[p.TickType] = p.Price;
            else if (m is TickSize s) sizes.Add(s.TickType);
        }
        Assert.Equal(new[] { 1, 2, 4, 6, 7, 9, 14 }, prices.Keys.Order());
        Assert.True(prices[1] < prices[2], "bid below ask");
        Assert.True(prices[7] <= prices[6], "low at or below high");

        // Prices move once a second; the 250 ms cadence sends what changed.
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var moved = await client.ExpectAsync<TickPrice>(p => p.ReqId == 1 && p.TickType is 1 or 2 or 4);
        Assert.NotEqual(0, moved.Price);
    }

    [Fact]
    public async Task Reusing_a_live_reqId_is_102_and_cancelling_an_unknown_one_is_300()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 3, Contract = SimHarness.Aapl });
        await client.ExpectAsync<MarketDataType>();
        await client.SendAsync(new MarketDataRequest { ReqId = 3, Contract = SimHarness.Aapl });
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 3)).ErrorCode);
        await client.SendAsync(new CancelMarketData { ReqId = 44 });
        Assert.Equal(300, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 44)).ErrorCode);
    }

    [Fact]
    public async Task After_cancel_no_more_ticks_arrive()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 4, Contract = SimHarness.Aapl });
        await client.ExpectAsync<TickSize>(s => s.TickType == 8);
        await client.SendAsync(new CancelMarketData { ReqId = 4 });
        // A marker request answered on the same loop: everything before it has been sent.
        await client.SendAsync(new CurrentTimeRequest());
        await client.ExpectAsync<CurrentTime>();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        await client.SendAsync(new CurrentTimeRequest());
        var next = await client.NextAsync();
        Assert.IsType<CurrentTime>(next.Message);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Delayed_data_uses_tick_types_66_to_76(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataTypeRequest { MarketDataType = 3 });
        await client.SendAsync(new MarketDataRequest { ReqId = 5, Contract = SimHarness.Aapl });
        Assert.Equal(3, (await client.ExpectAsync<MarketDataType>()).MarketDataType_);
        var types = new HashSet<int>();
        while (!types.Contains(74))
        {
            var m = (await client.NextAsync()).Message;
            if (m is TickPrice p) types.Add(p.TickType);
            if (m is TickSize s) types.Add(s.TickType);
        }
        Assert.All(types, t => Assert.InRange(t, 66, 76));
        Assert.Contains(66, types);
        Assert.Contains(67, types);
        Assert.Contains(68, types);
    }

    [Fact]
    public async Task A_bad_market_data_type_is_321()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataTypeRequest { MarketDataType = 7 });
        await client.ExpectErrorAsync(321);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task A_snapshot_ends_with_tickSnapshotEnd_and_does_not_stream(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 6, Contract = SimHarness.Aapl, Snapshot = true });
        var ticks = 0;
        while ((await client.NextAsync()).Message is var m && m is not TickSnapshotEnd)
            if (m is TickPrice or TickSize) ticks++;
        Assert.True(ticks >= 8);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
        // and the reqId is free again
        await client.SendAsync(new MarketDataRequest { ReqId = 6, Contract = SimHarness.Aapl });
        Assert.Equal(6, (await client.ExpectAsync<MarketDataType>()).ReqId);
    }

    [Fact]
    public async Task Unknown_contract_is_200_for_market_data()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 9, Contract = new Contract { Symbol = "ZZZZ", SecType = "STK", Exchange = "SMART", Currency = "USD" } });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 9)).ErrorCode);
    }

    [Fact]
    public async Task Subscriptions_end_when_the_client_disconnects()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync(5);
        await client.SendAsync(new MarketDataRequest { ReqId = 1, Contract = SimHarness.Aapl });
        await client.ExpectAsync<MarketDataType>();
        Assert.Equal(1, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(5)));
        var gone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        sim.Simulator.Backend.ClientClosed += id => gone.TrySetResult(id);
        await client.DisposeAsync();
        Assert.Equal(5, await gone.Task.WaitAsync(TestClient.DefaultTimeout));
        Assert.Equal(-1, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(5)));
    }
}
