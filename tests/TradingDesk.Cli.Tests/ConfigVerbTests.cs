using System.Text.Json;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk config</c> against the simulator: one row per setting the gateway sent, as a table and as JSON.</summary>
public sealed class ConfigVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task Config_lists_the_gateways_settings_under_IBs_names()
    {
        var (code, stdout, stderr) = await _gw.Desk("config");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.StartsWith("setting", lines[0]);
        Assert.Contains(lines.Skip(2), l => l.StartsWith("api.settings.socketPort", StringComparison.Ordinal) && l.Contains("4002"));
        Assert.DoesNotContain(lines, l => l.Contains("useNegativeAutoRange")); // not sent by the gateway: no row

        (code, stdout, stderr) = await _gw.Desk("config", "--json");
        Assert.True(code == 0, stderr);
        var rows = JsonLines(stdout).ToDictionary(j => j.GetProperty("setting").GetString()!, j => j.GetProperty("value"));
        Assert.Equal(60, rows["api.settings.bulkDataTimeout"].GetInt32());
        Assert.Equal(JsonValueKind.False, rows["api.settings.readOnlyApi"].ValueKind);
        Assert.Equal(JsonValueKind.True, rows["messages[1].enabled"].ValueKind);
        Assert.Empty(stderr);
    }
}
