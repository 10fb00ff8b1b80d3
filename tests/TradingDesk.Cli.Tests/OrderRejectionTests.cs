using System.Text.RegularExpressions;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// A gateway error that ends an order ends <c>desk order</c> at once: one line with the order id, IB's code and the
/// reason, and the exit code of docs/cli-verbs.md (2 for error 200, no such contract; 1 for other rejections).
/// Each runs with <c>--wait 30</c>: a verb that waited for its status instead would print "Sent" and exit 0.
/// </summary>
public sealed partial class OrderRejectionTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [GeneratedRegex(@"order (\d+) rejected")]
    private static partial Regex OrderIdInLine();

    [Fact]
    public async Task A_market_order_the_gateway_rejects_ends_at_once_with_its_id_code_and_reason_and_exit_1()
    {
        // The simulator rejects with 201 (the desk's OrderRejected); a market order would otherwise wait until Filled.
        await _gw.Simulator.Faults.RejectNextOrdersAsync(1, "Simulated margin shortfall");
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "10", "AAPL", "--wait", "30");
        Assert.True(code == 1, $"exit {code}: {stdout} {stderr}");
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Matches(OrderIdInLine(), line);
        Assert.Contains("error 201", line);
        Assert.Contains("Simulated margin shortfall", line);
    }

    [Fact]
    public async Task A_rejected_order_in_json_mode_prints_nothing_on_stdout()
    {
        await _gw.Simulator.Faults.RejectNextOrdersAsync(1, "Simulated rejection");
        var (code, stdout, stderr) = await _gw.Desk("order", "sell", "1", "AAPL", "--limit", "500", "--json", "--wait", "30");
        Assert.True(code == 1, $"exit {code}: {stdout} {stderr}");
        Assert.Empty(stdout);
        Assert.Contains("error 201", Assert.Single(Lines(stderr)));
    }

    // Needs the desk to turn error 200 for an order id into OrderRejected (until then 200 is an OrderNotice and the
    // verb prints "Sent" after --wait with exit 0).
    [Fact]
    public async Task An_order_for_an_unknown_symbol_is_one_line_with_error_200_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "10", "ZZZZ", "--wait", "30");
        Assert.True(code == 2, $"exit {code}: {stdout} {stderr}");
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Matches(OrderIdInLine(), line);
        Assert.Contains("error 200", line);
        Assert.Contains("--sec-type", line);
    }

    // Needs the desk part too: the simulator answers an ES future without an expiry with 200 (ambiguous).
    [Fact]
    public async Task An_order_for_an_ambiguous_future_is_one_line_with_error_200_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "1", "ES", "--sec-type", "FUT", "--wait", "30");
        Assert.True(code == 2, $"exit {code}: {stdout} {stderr}");
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("error 200", line);
        Assert.Contains("--expiry", line);
    }
}
