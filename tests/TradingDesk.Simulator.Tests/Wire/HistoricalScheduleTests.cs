using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqHistoricalData with whatToShow SCHEDULE over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class HistoricalScheduleTests
{
    private static HistoricalDataRequest Request(int reqId, bool useRth, string duration = "1 W", string end = "", string barSize = "1 day") => new()
    {
        ReqId = reqId, Contract = SimHarness.Aapl, EndDateTime = end, Duration = duration, BarSizeSetting = barSize,
        WhatToShow = "SCHEDULE", UseRTH = useRth, FormatDate = 1,
    };

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task A_week_of_regular_sessions_with_their_dates_in_the_exchange_zone(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(51, useRth: true));
        var schedule = await client.ExpectAsync<HistoricalSchedule>();
        Assert.Equal(51, schedule.ReqId);
        Assert.Equal("US/Eastern", schedule.TimeZone);
        // From Tuesday 3 March to Tuesday 10 March 2026: six weekdays, no weekend sessions.
        Assert.Equal(["20260303", "20260304", "20260305", "20260306", "20260309", "20260310"],
            schedule.HistoricalSessions.Select(s => s.RefDate));
        Assert.Equal("20260303-09:30:00", schedule.HistoricalSessions[0].StartDateTime);
        Assert.Equal("20260303-16:00:00", schedule.HistoricalSessions[0].EndDateTime);
        Assert.Equal("20260303-09:30:00", schedule.StartDateTime);
        Assert.Equal("20260310-16:00:00", schedule.EndDateTime);
        Assert.False(client.TryPeekPending(out var next) && next.Message is HistoricalData, "a schedule request answers no bars");
    }

    [Fact]
    public async Task Outside_regular_hours_the_sessions_are_the_extended_ones()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(52, useRth: false, duration: "2 D", end: "20260306 20:00:00 US/Eastern"));
        var schedule = await client.ExpectAsync<HistoricalSchedule>();
        Assert.Equal(["20260304", "20260305", "20260306"], schedule.HistoricalSessions.Select(s => s.RefDate));
        Assert.All(schedule.HistoricalSessions, s =>
        {
            Assert.EndsWith("-04:00:00", s.StartDateTime);
            Assert.EndsWith("-20:00:00", s.EndDateTime);
        });
    }

    [Theory]
    [InlineData(200, "one week", "1 day", 321)]
    [InlineData(225, "one week", "1 day", 321)]
    [InlineData(200, "1 W", "1 hour", 10295)]
    [InlineData(225, "1 W", "5 mins", 10295)]
    public async Task A_bad_duration_is_321_and_an_intraday_bar_size_10295(int version, string duration, string barSize, int code)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(53, useRth: true, duration: duration, barSize: barSize));
        Assert.Equal(code, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 53)).ErrorCode);
    }

    [Fact]
    public async Task An_identical_request_within_15_seconds_is_a_pacing_violation()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(Request(54, useRth: true));
        await client.ExpectAsync<HistoricalSchedule>();
        await client.SendAsync(Request(55, useRth: true));
        Assert.Equal(162, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 55)).ErrorCode);
    }
}
