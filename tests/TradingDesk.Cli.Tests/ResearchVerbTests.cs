using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk news</c>, <c>desk fundamentals</c>, <c>desk ticks</c> and <c>desk histogram</c> against the simulator.</summary>
public sealed class ResearchVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Theory]
    [InlineData(new[] { "fundamentals", "AAPL", "--report", "Earnings" }, "--report must be one of ReportSnapshot, ReportsFinSummary, ReportsOwnership, RESC, CalendarReport, not 'Earnings'")]
    [InlineData(new[] { "ticks", "AAPL", "--what", "BID" }, "--what must be TRADES, BID_ASK or MIDPOINT, not 'BID'")]
    [InlineData(new[] { "ticks", "AAPL", "--start", "20260302-15:00:00", "--end", "20260302-16:00:00" }, "give --start or --end, not both")]
    [InlineData(new[] { "ticks", "AAPL", "--end", "yesterday" }, "--end must be \"yyyyMMdd-HH:mm:ss\" (UTC) or ISO 8601 like 2026-03-02T15:00:00Z, not 'yesterday'")]
    [InlineData(new[] { "news", "AAPL", "--article", "BRFG$1" }, "--article needs --provider (the provider code the headline lists)")]
    public async Task A_bad_value_is_one_line_and_exit_2_before_any_connection(string[] args, string expected)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task News_lists_headlines_and_prints_an_article()
    {
        var (code, stdout, stderr) = await _gw.Desk("news", "AAPL", "--json", "--count", "3");
        Assert.True(code == 0, stderr);
        var rows = JsonLines(stdout);
        Assert.InRange(rows.Count, 1, 3);
        var first = rows[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("headline").GetString()));

        (code, stdout, stderr) = await _gw.Desk("news", "AAPL", "--article", first.GetProperty("articleId").GetString()!, "--provider", first.GetProperty("provider").GetString()!);
        Assert.True(code == 0, stderr);
        Assert.False(string.IsNullOrWhiteSpace(stdout));

        (code, stdout, stderr) = await _gw.Desk("news", "AAPL", "--provider", "BRFG");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("time", Lines(stdout)[0]);
        Assert.All(Lines(stdout).Skip(2), line => Assert.Contains("BRFG", line));
    }

    [Fact]
    public async Task Fundamentals_print_the_xml_and_a_missing_report_is_one_line()
    {
        var (code, stdout, stderr) = await _gw.Desk("fundamentals", "AAPL", "--report", "ReportSnapshot");
        Assert.True(code == 0, stderr);
        Assert.Contains("<ReportSnapshot", stdout);

        (code, stdout, stderr) = await _gw.Desk("fundamentals", "EUR", "--sec-type", "CASH", "--report", "RESC");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("not available", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task Ticks_and_histogram_print_tables_and_json()
    {
        var (code, stdout, stderr) = await _gw.Desk("ticks", "AAPL", "--what", "MIDPOINT", "--count", "5", "--json");
        Assert.True(code == 0, stderr);
        var ticks = JsonLines(stdout);
        Assert.InRange(ticks.Count, 1, 5);
        Assert.All(ticks, t => Assert.True(t.GetProperty("midpoint").GetDecimal() > 0));

        (code, stdout, stderr) = await _gw.Desk("ticks", "AAPL", "--what", "BID_ASK", "--count", "3");
        Assert.True(code == 0, stderr);
        Assert.Contains("askPastHigh", Lines(stdout)[0]);

        (code, stdout, stderr) = await _gw.Desk("histogram", "AAPL", "--period", "1 week", "--json");
        Assert.True(code == 0, stderr);
        var buckets = JsonLines(stdout);
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.True(b.GetProperty("size").GetDecimal() > 0));
    }
}
