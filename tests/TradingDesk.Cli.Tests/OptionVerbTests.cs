using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// <c>desk options</c> and <c>desk scan</c>: bad arguments are one line and exit 2 before any connection; input the
/// desk refuses (an empty strike range, a scan code IB cannot have) is one line with the desk's words and nothing
/// reaches the gateway.
/// </summary>
public sealed class OptionVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Theory]
    [InlineData("options")]
    [InlineData("options", "MSFT", "--right", "X")]
    [InlineData("options", "MSFT", "--expiry", "2027-01-15")]
    [InlineData("scan")]
    [InlineData("scan", "TOP_PERC_GAIN", "--filter", "priceAbove")]
    [InlineData("scan", "TOP_PERC_GAIN", "--filter", "=5")]
    [InlineData("scan", "TOP_PERC_GAIN", "--rows", "51")]
    public async Task Bad_arguments_are_one_line_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(Lines(stderr));
    }

    [Fact]
    public async Task An_empty_strike_range_is_refused_by_the_desk_in_one_line()
    {
        var (code, stdout, stderr) = await _gw.Desk("options", "MSFT", "--expiry", "20270115", "--min-strike", "500", "--max-strike", "400");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("the strike range 500..400 is empty", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task A_scan_code_ib_cannot_have_is_refused_by_the_desk_in_one_line()
    {
        var (code, stdout, stderr) = await _gw.Desk("scan", "top_perc_gain");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("upper-case letters", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task Options_prints_the_nearest_chain_with_greeks_as_json()
    {
        var (code, stdout, stderr) = await _gw.Desk("options", "AAPL", "--right", "C", "--greeks", "--json");
        Assert.True(code == 0, stderr);
        var rows = JsonLines(stdout);
        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.Equal("C", r.GetProperty("right").GetString()));
        Assert.Single(rows.Select(r => r.GetProperty("expiry").GetString()).Distinct());
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("conId").GetInt32()).Distinct().Count());
        Assert.Contains(rows, r => r.TryGetProperty("delta", out _));
    }

    [Fact]
    public async Task Scan_prints_one_ranked_result_set_as_a_table()
    {
        var (code, stdout, stderr) = await _gw.Desk("scan", "HOT_BY_VOLUME", "--rows", "3");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.StartsWith("rank", lines[0]);
        Assert.InRange(lines.Length - 2, 1, 3); // header, rule, rows
    }
}
