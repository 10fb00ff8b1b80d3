using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqHistogramData over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class HistogramTests
{
    private static HistogramDataRequest Request(int reqId, string period, bool useRth = true) =>
        new() { ReqId = reqId, Contract = SimHarness.Aapl, UseRTH = useRth, TimePeriod = period };

    private static decimal Total(HistogramData d) =>
        d.HistogramDataEntries.Sum(e => decimal.Parse(e.Size, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task A_week_of_volume_by_price_sorted_and_larger_than_three_days(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(41, "1 week"));
        var week = await client.ExpectAsync<HistogramData>(d => d.ReqId == 41);
        await client.SendAsync(Request(42, "3 days"));
        var days = await client.ExpectAsync<HistogramData>(d => d.ReqId == 42);
        Assert.True(week.HistogramDataEntries.Count > 1);
        var prices = week.HistogramDataEntries.Select(e => e.Price).ToList();
        Assert.Equal(prices.Order(), prices);
        Assert.Equal(prices.Distinct().Count(), prices.Count);
        Assert.All(week.HistogramDataEntries, e => Assert.True(decimal.Parse(e.Size, CultureInfo.InvariantCulture) > 0));
        Assert.True(Total(week) > Total(days));
    }

    [Fact]
    public async Task Extended_hours_add_volume_to_the_regular_session()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(43, "2 days", useRth: true));
        var rth = await client.ExpectAsync<HistogramData>(d => d.ReqId == 43);
        await client.SendAsync(Request(44, "2 days", useRth: false));
        var all = await client.ExpectAsync<HistogramData>(d => d.ReqId == 44);
        Assert.True(Total(all) > Total(rth));
    }

    [Theory]
    [InlineData(200, "fortnight")]
    [InlineData(225, "3 D")]
    public async Task A_period_that_is_not_a_count_of_days_weeks_months_or_years_is_321(int version, string period)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(45, period));
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 45)).ErrorCode);
    }

    [Fact]
    public async Task An_identical_request_within_15_seconds_is_a_pacing_violation_and_a_cancel_is_silent()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(46, "1 week"));
        await client.ExpectAsync<HistogramData>();
        await client.SendAsync(new CancelHistogramData { ReqId = 46 });
        await client.SendAsync(Request(47, "1 week"));
        var error = await client.ExpectAsync<ErrorMessage>();
        Assert.Equal((47, 162), (error.Id, error.ErrorCode));
    }

    [Fact]
    public async Task An_unknown_contract_is_200()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        var request = Request(48, "1 week");
        request.Contract = new Contract { Symbol = "NOSUCH", SecType = "STK", Exchange = "SMART", Currency = "USD" };
        await client.SendAsync(request);
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 48)).ErrorCode);
    }

    [Fact]
    public async Task An_id_live_in_another_family_is_102()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new PositionsMultiRequest { ReqId = 49, Account = "", ModelCode = "" });
        await client.ExpectAsync<PositionMultiEnd>();
        await client.SendAsync(Request(49, "1 week"));
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 49)).ErrorCode);
    }
}
