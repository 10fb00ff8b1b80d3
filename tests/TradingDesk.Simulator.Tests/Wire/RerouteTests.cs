using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>A CFD has no data of its own: level 1 and level 2 requests for one are rerouted to the underlying (91, 92).</summary>
public sealed class RerouteTests
{
    private static readonly Contract AaplCfd = new() { Symbol = "AAPL", SecType = "CFD", Exchange = "SMART", Currency = "USD" };

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Market_data_for_a_cfd_is_rerouted_to_the_stock_and_streams_nothing(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 11, Contract = AaplCfd, GenericTickList = "" });

        var reroute = Assert.IsType<RerouteMarketDataRequest>((await client.NextAsync()).Message);
        Assert.Equal((11, SimHarness.AaplConId, "SMART"), (reroute.ReqId, reroute.ConId, reroute.Exchange));

        // Its cancel is taken without an error, and nothing came on the id in between.
        await sim.AdvanceAsync(TimeSpan.FromSeconds(2));
        await client.SendAsync(new CancelMarketData { ReqId = 11 });
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Depth_for_a_cfd_is_rerouted_to_the_stocks_listing_exchange(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDepthRequest { ReqId = 12, Contract = AaplCfd, NumRows = 5 });

        var reroute = Assert.IsType<RerouteMarketDepthRequest>((await client.NextAsync()).Message);
        Assert.Equal((12, SimHarness.AaplConId, "NASDAQ"), (reroute.ReqId, reroute.ConId, reroute.Exchange));
    }

    [Fact]
    public async Task A_cfd_on_nothing_listed_is_an_unknown_contract()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 13, Contract = new Contract { Symbol = "NOSUCH", SecType = "CFD", Exchange = "SMART", Currency = "USD" } });

        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 13)).ErrorCode);
    }
}
