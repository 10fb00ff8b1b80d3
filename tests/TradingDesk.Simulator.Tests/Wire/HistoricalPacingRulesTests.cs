using TradingDesk.Simulator.Gateway;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class HistoricalPacingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static HistoricalRequestKey Key(int n, int conId = 1, string what = "TRADES") => new(conId, "SMART", what, $"request {n}");

    [Fact]
    public void Identical_requests_are_refused_for_15_seconds()
    {
        var rules = new HistoricalPacingRules();
        Assert.Null(rules.TryAccept(Key(1), T0));
        Assert.NotNull(rules.TryAccept(Key(1), T0.AddSeconds(14.9)));
        Assert.Null(rules.TryAccept(Key(1), T0.AddSeconds(15)));
    }

    [Fact]
    public void The_sixth_request_for_one_contract_exchange_and_tick_type_within_2_seconds_is_refused()
    {
        var rules = new HistoricalPacingRules();
        for (var i = 0; i < 5; i++) Assert.Null(rules.TryAccept(Key(i), T0.AddMilliseconds(100 * i)));
        Assert.NotNull(rules.TryAccept(Key(5), T0.AddMilliseconds(1500)));
        Assert.Null(rules.TryAccept(Key(6, what: "MIDPOINT"), T0.AddMilliseconds(1500)));   // another tick type
        Assert.Null(rules.TryAccept(Key(7, conId: 2), T0.AddMilliseconds(1500)));          // another contract
        Assert.Null(rules.TryAccept(Key(8), T0.AddMilliseconds(2001)));                    // the first has left the window
    }

    [Fact]
    public void More_than_60_requests_in_10_minutes_are_refused()
    {
        var rules = new HistoricalPacingRules();
        for (var i = 0; i < 60; i++) Assert.Null(rules.TryAccept(Key(i, conId: i), T0.AddSeconds(i)));
        Assert.NotNull(rules.TryAccept(Key(60, conId: 60), T0.AddSeconds(60)));
        // The first request (at T0) leaves the window at T0 + 10 min.
        Assert.Null(rules.TryAccept(Key(61, conId: 61), T0.AddMinutes(10)));
        Assert.NotNull(rules.TryAccept(Key(62, conId: 62), T0.AddMinutes(10)));
    }
}
