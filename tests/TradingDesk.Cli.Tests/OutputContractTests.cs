using System.Globalization;
using TradingDesk.Cli.Commands;
using TradingDesk.Desk.Domain;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// What docs/cli-verbs.md promises about output: averages rounded in tables (the gateway's value in --json), and the
/// JSON-lines contract (one object per row; an empty answer is no output at all and exit 0).
/// </summary>
public sealed class OutputContractTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public void A_table_rounds_an_average_to_4_places_and_json_keeps_the_gateways_value()
    {
        var row = new Row { { "symbol", "AAPL" }, { "avgCost", Average.Of(78.3739215686274m, SecType.Stock) } };
        var table = new StringWriter();
        RowWriter.Write(table, [row], json: false, "");
        Assert.EndsWith("78.3739", Lines(table.ToString())[2]);

        var json = new StringWriter();
        RowWriter.Write(json, [row], json: true, "");
        Assert.Equal(78.3739215686274m, Assert.Single(JsonLines(json.ToString())).GetProperty("avgCost").GetDecimal());
    }

    [Fact]
    public void A_currency_pair_average_keeps_6_places()
    {
        Assert.Equal("1.084553", Average.Of(1.08455321m, SecType.Forex)!.Value.ToString());
        Assert.Equal("180", Average.Of(180.00m, SecType.Stock)!.Value.ToString());
    }

    [Fact]
    public async Task Positions_show_the_average_cost_rounded_after_a_fill_with_commission()
    {
        // 3 shares and a $1 commission: the average cost has a repeating decimal.
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "3", "AAPL", "--json", "--wait", "30");
        Assert.True(code == 0, stderr);
        Assert.Equal("Filled", Assert.Single(JsonLines(stdout)).GetProperty("status").GetString());

        (code, stdout, stderr) = await _gw.Desk("positions", "--json");
        Assert.True(code == 0, stderr);
        var exact = Assert.Single(JsonLines(stdout)).GetProperty("avgCost").GetDecimal();
        Assert.True(Decimals(exact) > 4, $"the gateway's average {exact} should be unrounded in --json");

        (code, stdout, stderr) = await _gw.Desk("positions");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        var column = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList().IndexOf("avgCost");
        var shown = decimal.Parse(lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[column], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(exact, 4, MidpointRounding.AwayFromZero), shown);
    }

    [Theory]
    [InlineData("positions")]
    [InlineData("orders")]
    [InlineData("executions")]
    [InlineData("executions", "--symbol", "MSFT")]
    public async Task An_empty_answer_in_json_is_no_output_and_exit_0(params string[] verb)
    {
        var (code, stdout, stderr) = await _gw.Desk([.. verb, "--json"]);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData("positions", "no positions")]
    [InlineData("orders", "no open orders")]
    [InlineData("executions", "no executions")]
    public async Task An_empty_answer_as_a_table_is_one_line_saying_so(string verb, string line)
    {
        var (code, stdout, stderr) = await _gw.Desk(verb);
        Assert.True(code == 0, stderr);
        Assert.Equal(line, Assert.Single(Lines(stdout)));
    }

    private static int Decimals(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
