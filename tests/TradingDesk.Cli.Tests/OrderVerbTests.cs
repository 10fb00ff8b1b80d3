using System.Globalization;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

public sealed class OrderVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    /// <summary>
    /// Each verb queries the order manager the moment its connection is ready: the connection tells the order manager
    /// Connected before it publishes it, so the query always finds it online and the gateway's end marker answers it.
    /// Asked many times in a row (each with a fresh connection), every one is answered at the first attempt.
    /// </summary>
    [Fact]
    public async Task Order_queries_sent_right_after_connecting_are_answered_the_first_time()
    {
        for (var i = 0; i < 12; i++)
        {
            var (code, stdout, stderr) = await _gw.Desk(i % 2 == 0 ? "orders" : "executions");
            Assert.True(code == 0, $"run {i}: {stderr}");
            Assert.Equal(i % 2 == 0 ? "no open orders" : "no executions", stdout.Trim());
        }
    }

    [Fact]
    public async Task A_resting_limit_order_is_listed_then_cancelled()
    {
        // Far below the market: it rests.
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "10", "AAPL", "--limit", "1.00", "--tif", "GTC", "--json", "--wait", "30");
        Assert.True(code == 0, stderr);
        var placed = Assert.Single(JsonLines(stdout));
        var id = placed.GetProperty("orderId").GetInt32();
        Assert.Equal("BUY", placed.GetProperty("action").GetString());
        Assert.Equal("LMT", placed.GetProperty("orderType").GetString());
        Assert.Equal("GTC", placed.GetProperty("tif").GetString());
        Assert.Equal(1.00m, placed.GetProperty("lmtPrice").GetDecimal());
        Assert.Equal(10m, placed.GetProperty("totalQuantity").GetDecimal());
        Assert.Contains(placed.GetProperty("status").GetString(), new[] { "Submitted", "PreSubmitted" });

        (code, stdout, stderr) = await _gw.Desk("orders", "--json");
        Assert.True(code == 0, stderr);
        var open = Assert.Single(JsonLines(stdout));
        Assert.Equal(id, open.GetProperty("orderId").GetInt32());
        Assert.Equal("AAPL", open.GetProperty("symbol").GetString());
        Assert.Equal(17, open.GetProperty("clientId").GetInt32());

        (code, stdout, stderr) = await _gw.Desk("orders");
        Assert.True(code == 0, stderr);
        var table = Lines(stdout);
        Assert.Equal(3, table.Length);
        Assert.StartsWith("orderId", table[0]);
        Assert.Contains("AAPL", table[2]);

        (code, stdout, stderr) = await _gw.Desk("cancel", id.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == 0, stderr);
        Assert.Contains("Cancelled", stdout);

        (code, stdout, stderr) = await _gw.Desk("orders");
        Assert.True(code == 0, stderr);
        Assert.Equal("no open orders", Assert.Single(Lines(stdout)));
    }

    [Fact]
    public async Task A_market_order_fills_and_shows_in_executions_and_positions()
    {
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "5", "AAPL", "--json", "--wait", "30");
        Assert.True(code == 0, stderr);
        var placed = Assert.Single(JsonLines(stdout));
        Assert.Equal("MKT", placed.GetProperty("orderType").GetString());
        Assert.Equal("Filled", placed.GetProperty("status").GetString());
        Assert.Equal(5m, placed.GetProperty("filled").GetDecimal());
        var price = placed.GetProperty("avgFillPrice").GetDecimal();
        Assert.True(price > 0);

        (code, stdout, stderr) = await _gw.Desk("executions", "--json");
        Assert.True(code == 0, stderr);
        var fills = JsonLines(stdout);
        Assert.NotEmpty(fills);
        Assert.All(fills, f => Assert.Equal("AAPL", f.GetProperty("symbol").GetString()));
        Assert.Equal(5m, fills.Sum(f => f.GetProperty("shares").GetDecimal()));
        Assert.Equal(placed.GetProperty("orderId").GetInt32(), fills[0].GetProperty("orderId").GetInt32());

        (code, stdout, stderr) = await _gw.Desk("executions");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("execId", Lines(stdout)[0]);
        Assert.Contains("BOT", stdout);

        (code, stdout, stderr) = await _gw.Desk("positions", "--json");
        Assert.True(code == 0, stderr);
        var position = Assert.Single(JsonLines(stdout));
        Assert.Equal("AAPL", position.GetProperty("symbol").GetString());
        Assert.Equal("DU111111", position.GetProperty("account").GetString());
        Assert.Equal(5m, position.GetProperty("position").GetDecimal());
        Assert.True(position.GetProperty("avgCost").GetDecimal() > 0);

        (code, stdout, stderr) = await _gw.Desk("positions");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("account", Lines(stdout)[0]);
        Assert.Contains("AAPL", Lines(stdout)[2]);
    }

    [Fact]
    public async Task Executions_and_orders_of_a_fresh_account_are_none()
    {
        var (code, stdout, stderr) = await _gw.Desk("executions");
        Assert.True(code == 0, stderr);
        Assert.Equal("no executions", Assert.Single(Lines(stdout)));
        (code, stdout, stderr) = await _gw.Desk("orders", "--json");
        Assert.True(code == 0, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("cancel", "4242");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("135", line);
        Assert.Contains("desk orders", line);
    }

    [Theory]
    [InlineData("order", "buy", "10")]
    [InlineData("order", "hold", "10", "AAPL")]
    [InlineData("order", "buy", "-5", "AAPL")]
    [InlineData("order", "buy", "ten", "AAPL")]
    [InlineData("order", "buy", "10", "AAPL", "--limit", "0")]
    [InlineData("order", "buy", "10", "AAPL", "--stop", "abc")]
    [InlineData("order", "buy", "10", "AAPL", "--tif", "IOC")]
    [InlineData("cancel")]
    [InlineData("cancel", "x")]
    [InlineData("cancel", "0")]
    [InlineData("orders", "--json", "extra")]
    [InlineData("executions", "--symbol")]
    public async Task Bad_arguments_are_one_line_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(Lines(stderr));
    }

    [Theory]
    [InlineData("order", "buy", "1", "AAPL")]
    [InlineData("cancel", "1")]
    [InlineData("orders")]
    [InlineData("executions")]
    public async Task An_unreachable_gateway_is_one_actionable_line_and_exit_2(params string[] verb)
    {
        var port = ClosedPort();
        var (code, stdout, stderr) = await Run([.. verb, "--gateway", $"127.0.0.1:{port}"]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot connect to the gateway", Assert.Single(Lines(stderr)));
    }
}
