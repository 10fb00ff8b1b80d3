using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk order --round</c>: the desk puts --limit on AAPL's cent grid before sending, or refuses it.</summary>
public sealed class OrderRoundingVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task Round_nearest_places_the_rounded_limit_and_the_row_shows_the_price_sent()
    {
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "10", "AAPL", "--limit", "1.006", "--round", "nearest", "--json", "--wait", "30");
        Assert.True(code == 0, stderr);
        var placed = Assert.Single(JsonLines(stdout));
        Assert.Equal(1.01m, placed.GetProperty("lmtPrice").GetDecimal());
    }

    [Fact]
    public async Task Round_reject_refuses_an_off_grid_limit_in_one_line_naming_the_neighbours()
    {
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "10", "AAPL", "--limit", "1.005", "--round", "reject");
        Assert.NotEqual(0, code);
        Assert.Empty(stdout);
        Assert.Contains("the valid neighbours are 1.00 and 1.01", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task An_unknown_rounding_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await Run(["order", "buy", "10", "AAPL", "--limit", "1", "--round", "sideways"]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--round must be one of nearest, down, up, reject, off, not 'sideways'", Assert.Single(Lines(stderr)));
    }
}
