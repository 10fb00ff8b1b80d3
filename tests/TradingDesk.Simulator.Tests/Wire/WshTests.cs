using System.Text.Json.Nodes;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Wall Street Horizon requests over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class WshTests
{
    private static async Task<TestClient> WithMetadata(SimHarness sim)
    {
        var client = await sim.ClientAsync();
        await client.SendAsync(new WshMetaDataRequest { ReqId = 90 });
        var meta = await client.ExpectAsync<WshMetaData>();
        Assert.Equal(90, meta.ReqId);
        var types = JsonNode.Parse(meta.DataJson)!["meta_data"]!["event_types"]!.AsArray().Select(t => (string)t!["tag"]!);
        Assert.Contains("wshe_ed", types);
        return client;
    }

    private static JsonArray Events(WshEventData data) => JsonNode.Parse(data.DataJson)!.AsArray();

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Event_data_before_the_metadata_is_10282(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new WshEventDataRequest { ReqId = 91, ConId = SimHarness.AaplConId });
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 91);
        Assert.Equal((10282, "WSH metadata not requested"), (error.ErrorCode, error.ErrorMsg));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Events_of_a_contract_are_its_quarterly_earnings_and_dividends_in_date_order(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await WithMetadata(sim);
        await client.SendAsync(new CancelWshMetaData { ReqId = 90 });
        await client.SendAsync(new WshEventDataRequest { ReqId = 92, ConId = SimHarness.AaplConId, StartDate = "20260101", EndDate = "20261231", TotalLimit = 100 });
        var data = await client.ExpectAsync<WshEventData>();
        Assert.Equal(92, data.ReqId);
        var events = Events(data);
        Assert.All(events, e => Assert.Equal(SimHarness.AaplConId, (int)e!["data"]!["conid"]!));
        Assert.Equal(4, events.Count(e => (string)e!["event_type"]! == "wshe_ed"));
        var dates = events.Select(e => (string)e!["data"]!["date"]!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "20260101"), 0, int.MaxValue));
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "20261231"), int.MinValue, 0));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task A_filter_selects_the_watchlist_and_the_types_up_to_the_limit(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await WithMetadata(sim);
        const string filter = """{"country":"All","watchlist":["265598","272093"],"wshe_ed":"true"}""";
        await client.SendAsync(new WshEventDataRequest { ReqId = 93, Filter = filter, StartDate = "20260101", EndDate = "20261231", TotalLimit = 5 });
        var events = Events(await client.ExpectAsync<WshEventData>(d => d.ReqId == 93));
        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal("wshe_ed", (string)e!["event_type"]!));
        Assert.Equal([265598, 272093], events.Select(e => (int)e!["data"]!["conid"]!).Distinct().Order());

        // The same request again answers the same calendar: it derives from the seed.
        await client.SendAsync(new WshEventDataRequest { ReqId = 94, Filter = filter, StartDate = "20260101", EndDate = "20261231", TotalLimit = 5 });
        Assert.Equal(events.ToJsonString(), Events(await client.ExpectAsync<WshEventData>(d => d.ReqId == 94)).ToJsonString());
    }

    [Theory]
    [InlineData(200, true, """{"wshe_ed":"true"}""")]
    [InlineData(225, false, "")]
    [InlineData(225, false, "{not json")]
    public async Task Both_or_neither_of_contract_and_filter_or_a_bad_filter_is_10309(int version, bool withConId, string filter)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await WithMetadata(sim);
        var request = new WshEventDataRequest { ReqId = 95, Filter = filter };
        if (withConId) request.ConId = SimHarness.AaplConId;
        await client.SendAsync(request);
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 95);
        Assert.Equal((10309, "Invalid WSH event data request."), (error.ErrorCode, error.ErrorMsg));
    }
}
