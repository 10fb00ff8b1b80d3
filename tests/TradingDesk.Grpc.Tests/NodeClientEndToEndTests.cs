using System.Text.Json;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The Node.js sample (samples/clients/node/strategy.js) against the real front, desk and simulator: another language
/// reads the same contract, and its order and cancel reach the gateway. Needs node on PATH and `npm ci` in the sample
/// (NodeRunner fails the test saying so).
/// </summary>
public sealed class NodeClientEndToEndTests : DeskTestKit
{
    private readonly ITestOutputHelper _output;

    public NodeClientEndToEndTests(ITestOutputHelper output) : base(output) => _output = output;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_node_strategy_streams_ticks_places_and_cancels_an_order_at_the_gateway_and_exits_0()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var environment = new Dictionary<string, string>
        {
            ["TRADINGDESK_URL"] = desk.Front.Address.ToString(),
            ["TRADINGDESK_TOKEN"] = GrpcDesk.TraderToken,
            ["TRADINGDESK_TIMEOUT_SECONDS"] = "30",
        };

        var run = await NodeRunner.RunStrategyAsync(environment, Bound, "AAPL");

        _output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}\n{run.Stdout}");
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ticks = lines.Where(l => l.GetProperty("kind").GetString() == "tick").ToList();
        Assert.NotEmpty(ticks);
        Assert.Contains(ticks, t => t.TryGetProperty("price", out var p) && decimal.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0m);
        var accepted = lines.Single(l => l.GetProperty("kind").GetString() == "order_accepted");
        var orderId = accepted.GetProperty("order_id").GetInt32();
        var done = lines[^1];
        Assert.Equal(("done", orderId), (done.GetProperty("kind").GetString(), done.GetProperty("order_id").GetInt32()));

        var placed = await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == orderId);
        Assert.Equal("AAPL", placed.Contract.Symbol);
        Assert.Equal(double.Parse(accepted.GetProperty("limit_price").GetString()!, System.Globalization.CultureInfo.InvariantCulture), placed.Order.LmtPrice);
        await desk.Sim.RequestReadAsync<CancelOrderRequest>(c => c.OrderId == orderId);
        Assert.Single(await desk.HandledAsync<PlaceOrderRequest>());
    }
}
