using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk symbols</c> against the simulator: the matches as a table and as JSON, and a refused pattern.</summary>
public sealed class SessionVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task Symbols_lists_the_matches_as_a_table_and_as_json()
    {
        var (code, stdout, stderr) = await _gw.Desk("symbols", "AAP");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.StartsWith("conId", lines[0]);
        Assert.Contains(lines.Skip(2), l => l.Contains("AAPL"));

        (code, stdout, stderr) = await _gw.Desk("symbols", "AAP", "--json");
        Assert.True(code == 0, stderr);
        var aapl = Assert.Single(JsonLines(stdout), j => j.GetProperty("symbol").GetString() == "AAPL");
        Assert.Equal("STK", aapl.GetProperty("secType").GetString());
        Assert.True(aapl.GetProperty("conId").GetInt32() > 0);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task A_pattern_the_desk_refuses_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("symbols", new string('A', 65));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("pattern", Assert.Single(Lines(stderr)));
    }
}
