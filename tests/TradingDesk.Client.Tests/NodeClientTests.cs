using System.Text.Json;
using TradingDesk.Client.Tests.Support;
using Grpc.Core;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The Node.js sample (samples/clients/node) against the scripted desk: the same contract from another language.</summary>
public sealed class NodeClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_node_strategy_streams_quotes_places_a_limit_away_from_the_market_and_exits_0_on_the_confirmed_cancel()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(1, price: "101.10"));
        await using var server = await TestDeskServer.StartAsync(script);

        var run = await NodeRunner.RunStrategyAsync(Env(server, DeskScript.GoodToken), Bound, "MSFT");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}\n{run.Stdout}");
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var tick = lines.First(l => l.GetProperty("kind").GetString() == "tick");
        Assert.Equal("101.10", tick.GetProperty("price").GetString());
        Assert.Contains(lines, l => l.GetProperty("kind").GetString() == "order_update");
        Assert.Equal(42, lines.Last().GetProperty("order_id").GetInt32());
        Assert.Equal("done", lines.Last().GetProperty("kind").GetString());

        var placed = await script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.Equal(("MSFT", W.OrderType.Limit, "90.99"), (placed.Contract.Symbol, placed.Order.Type, placed.Order.LimitPrice));
        Assert.Equal(42, (await script.OrderCancelled.Task.WaitAsync(Bound)).OrderId);
        Assert.All(script.Authorizations, a => Assert.Equal("Bearer " + DeskScript.GoodToken, a));
    }

    [Fact]
    public async Task The_node_strategy_exits_non_zero_with_one_line_when_the_token_is_refused()
    {
        await using var server = await TestDeskServer.StartAsync();

        var run = await NodeRunner.RunStrategyAsync(Env(server, "wrong-token"), Bound);

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("UNAUTHENTICATED", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_strategy_reports_the_desks_failure_from_the_status_details_in_its_one_line()
    {
        var script = new DeskScript
        {
            PlaceOrder = _ => throw new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.FailedPrecondition, Message = "denied by risk",
                Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new W.Failure { RiskDenied = new W.RiskDenied { Rule = "max-notional", Detail = "10110 > 5000" } }) },
            }.ToRpcException(),
        };
        script.MarketData.Add(DeskScript.Tick(1, price: "101.10"));
        await using var server = await TestDeskServer.StartAsync(script);

        var run = await NodeRunner.RunStrategyAsync(Env(server, DeskScript.GoodToken), Bound);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("strategy: PlaceOrder failed: FAILED_PRECONDITION: denied by risk (risk_denied: max-notional, 10110 > 5000)", line);
    }

    private static Dictionary<string, string> Env(TestDeskServer server, string token) => new()
    {
        ["TRADINGDESK_URL"] = server.Address,
        ["TRADINGDESK_TOKEN"] = token,
        ["TRADINGDESK_TIMEOUT_SECONDS"] = "30",
    };
}
