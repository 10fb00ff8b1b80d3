using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

public sealed class InfoVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task Time_prints_the_gateway_clock_as_a_table_and_as_json()
    {
        var (code, stdout, stderr) = await _gw.Desk("time");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal(3, lines.Length); // header, rule, one row
        Assert.StartsWith("currentTime", lines[0]);
        Assert.Contains("2026-03-10 15:00", lines[2]); // the simulator's manual clock

        (code, stdout, stderr) = await _gw.Desk("time", "--json");
        Assert.True(code == 0, stderr);
        var json = Assert.Single(JsonLines(stdout));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), json.GetProperty("currentTime").GetInt64());
        Assert.Equal("2026-03-10 15:00:00.000Z", json.GetProperty("gatewayTime").GetString());
        Assert.True(json.GetProperty("serverVersion").GetInt32() >= 100);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Contract_prints_the_details_with_ib_field_names()
    {
        var (code, stdout, stderr) = await _gw.Desk("contract", "AAPL");
        Assert.True(code == 0, stderr);
        Assert.Contains("conId", Lines(stdout)[0]);
        Assert.True(stdout.Contains("APPLE INC"), stdout);

        (code, stdout, stderr) = await _gw.Desk("contract", "aapl", "--json", "--sec-type", "STK", "--exchange", "SMART", "--currency", "USD");
        Assert.True(code == 0, stderr);
        var json = Assert.Single(JsonLines(stdout));
        Assert.Equal("AAPL", json.GetProperty("symbol").GetString());
        Assert.Equal("STK", json.GetProperty("secType").GetString());
        Assert.True(json.GetProperty("conId").GetInt32() > 0);
        Assert.Equal(0.01m, json.GetProperty("minTick").GetDecimal());
        Assert.Equal("APPLE INC", json.GetProperty("longName").GetString());
    }

    [Fact]
    public async Task An_unknown_contract_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("contract", "NOPE");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("error 200", line);
        Assert.Contains("--sec-type", line);
    }

    [Fact]
    public async Task Account_prints_the_summary_tags_asked_for()
    {
        var (code, stdout, stderr) = await _gw.Desk("account");
        Assert.True(code == 0, stderr);
        Assert.Contains("NetLiquidation", stdout);
        Assert.Contains("DU111111", stdout);
        Assert.StartsWith("account", Lines(stdout)[0]);

        (code, stdout, stderr) = await _gw.Desk("account", "--tags", "NetLiquidation,TotalCashValue", "--json");
        Assert.True(code == 0, stderr);
        var rows = JsonLines(stdout);
        Assert.Equal(new[] { "NetLiquidation", "TotalCashValue" }, rows.Select(r => r.GetProperty("tag").GetString()!).Order().ToArray());
        Assert.All(rows, r =>
        {
            Assert.Equal("DU111111", r.GetProperty("account").GetString());
            Assert.Equal("USD", r.GetProperty("currency").GetString());
            Assert.Equal(1_000_000m, decimal.Parse(r.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task Positions_of_a_fresh_account_are_none()
    {
        var (code, stdout, stderr) = await _gw.Desk("positions");
        Assert.True(code == 0, stderr);
        Assert.Equal("no positions", Assert.Single(Lines(stdout)));

        (code, stdout, stderr) = await _gw.Desk("positions", "--json");
        Assert.True(code == 0, stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("positions")]
    [InlineData("account")]
    [InlineData("contract", "AAPL")]
    public async Task An_unreachable_gateway_is_one_actionable_line_and_exit_2(params string[] verb)
    {
        var port = ClosedPort();
        var (code, stdout, stderr) = await Run([.. verb, "--gateway", $"127.0.0.1:{port}"]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains($"cannot connect to the gateway at 127.0.0.1:{port}", line);
        Assert.Contains("API enabled", line);
        Assert.Contains("trusted", line);
        Assert.Contains("127.0.0.1", line);
    }

    [Theory]
    [InlineData("time", "--gateway", "nohost")]
    [InlineData("time", "--gateway", "127.0.0.1:0")]
    [InlineData("time", "--gateway", "127.0.0.1:99999")]
    [InlineData("time", "--client-id", "-1")]
    [InlineData("time", "--client-id", "x")]
    [InlineData("time", "--connect-timeout", "0")]
    [InlineData("positions", "extra")]
    [InlineData("account", "--tags", "Net Liquidation")]
    [InlineData("contract")]
    [InlineData("contract", "AAPL", "--sec-type", "XYZ")]
    [InlineData("contract", "AAPL", "--currency", "DOLLARS")]
    [InlineData("contract", "ES", "--sec-type", "FUT", "--expiry", "2026-03")]
    public async Task Bad_arguments_are_one_line_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(Lines(stderr));
    }
}
