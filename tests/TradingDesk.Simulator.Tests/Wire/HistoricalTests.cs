using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class HistoricalTests
{
    private static HistoricalDataRequest Request(int reqId, string duration = "1 D", string barSize = "5 mins", string whatToShow = "TRADES",
        string end = "", bool keepUpToDate = false) => new()
    {
        ReqId = reqId, Contract = SimHarness.Aapl, EndDateTime = end, Duration = duration, BarSizeSetting = barSize,
        WhatToShow = whatToShow, UseRTH = true, FormatDate = 1, KeepUpToDate = keepUpToDate,
    };

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Bars_end_with_their_dates_in_the_frame_before_196_and_in_historicalDataEnd_after(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(21));
        var decoded = await client.NextAsync();
        while (decoded.Message is not HistoricalData) decoded = await client.NextAsync();
        var data = (HistoricalData)decoded.Message!;
        Assert.Equal(21, data.ReqId);
        Assert.NotEmpty(data.HistoricalDataBars);
        Assert.All(data.HistoricalDataBars, b => Assert.InRange(b.Close, b.Low, b.High));
        Assert.EndsWith("US/Eastern", data.HistoricalDataBars[0].Date);
        HistoricalDataEnd end;
        if (version < 196) end = Assert.IsType<HistoricalDataEnd>(decoded.Companion);
        else end = await client.ExpectAsync<HistoricalDataEnd>();
        Assert.Equal(21, end.ReqId);
        Assert.StartsWith("20260310", end.EndDateStr);
    }

    [Theory]
    [InlineData("1 D", "7 mins", "TRADES", 321)]
    [InlineData("one day", "5 mins", "TRADES", 321)]
    [InlineData("1 D", "5 mins", "BANANAS", 321)]
    [InlineData("10 Y", "1 secs", "TRADES", 162)]
    public async Task Invalid_or_oversized_requests_get_IBs_codes(string duration, string barSize, string whatToShow, int code)
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(22, duration, barSize, whatToShow));
        Assert.Equal(code, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 22)).ErrorCode);
    }

    [Fact]
    public async Task An_identical_request_within_15_seconds_is_a_pacing_violation()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(23));
        await client.ExpectAsync<HistoricalDataEnd>();
        await client.SendAsync(Request(24));
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 24);
        Assert.Equal(162, error.ErrorCode);
        Assert.Contains("pacing violation", error.ErrorMsg);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(16));
        await client.SendAsync(Request(25));
        Assert.Equal(25, (await client.ExpectAsync<HistoricalDataEnd>()).ReqId);
    }

    [Fact]
    public async Task Keep_up_to_date_sends_updates_as_the_clock_moves()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(26, "1800 S", "1 min", keepUpToDate: true));
        await client.ExpectAsync<HistoricalDataEnd>();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(65));
        var update = await client.ExpectAsync<HistoricalDataUpdate>();
        Assert.Equal(26, update.ReqId);
        Assert.InRange(update.HistoricalDataBar.Close, update.HistoricalDataBar.Low, update.HistoricalDataBar.High);
    }

    [Fact]
    public async Task Keep_up_to_date_with_an_end_date_is_321()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(27, end: "20260309 16:00:00 US/Eastern", keepUpToDate: true));
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 27)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Head_timestamp_is_answered(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HeadTimestampRequest { ReqId = 28, Contract = SimHarness.Aapl, UseRTH = true, WhatToShow = "TRADES", FormatDate = 2 });
        var head = await client.ExpectAsync<HeadTimestamp>();
        Assert.Equal(28, head.ReqId);
        Assert.True(long.Parse(head.HeadTimestamp_) < SimulatorOptions.DefaultManualStart.ToUnixTimeSeconds());
    }
}
