using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using DeskClient = TradingDesk.Client.DeskClient;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The .NET client (TradingDesk.Client) against the real front, the real desk and the simulator: what a client
/// application sees, typed, from connect to a cancelled order, and the typed failures of the front's refusals.
/// </summary>
public sealed class ClientEndToEndTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Market_data_yields_typed_ticks_from_the_simulator()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);
        using var timeout = new CancellationTokenSource(Wait);

        var tick = await FirstTickAsync(client.MarketData(Aapl, cancellationToken: timeout.Token));

        Assert.True(tick.Price is > 0m || tick.Size is >= 0m, $"a tick without a price or a size: {tick}");
        Assert.NotEqual(default, tick.LocalTime);
        var line = Assert.Single(await desk.HandledAsync<IBApi.protobuf.MarketDataRequest>(), r => !r.Snapshot);
        Assert.Equal("AAPL", line.Contract.Symbol);
    }

    [Fact]
    public async Task A_limit_buy_far_from_the_market_is_placed_shows_its_status_is_cancelled_and_shows_the_cancel()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);
        using var timeout = new CancellationTokenSource(Wait);
        // The session holds the client's events until its first order stream opens, so opening it here loses nothing.
        await using var updates = client.OrderUpdates(timeout.Token).GetAsyncEnumerator(timeout.Token);

        var id = await client.PlaceOrderAsync(Aapl, Order.Limit(OrderAction.Buy, 10, 1.00m));

        var placed = await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == id.Value);
        Assert.Equal(("AAPL", 1.00), (placed.Contract.Symbol, placed.Order.LmtPrice));
        var working = await StatusAsync(updates, id, s => !s.IsDone());
        Assert.Equal(0m, working.Filled);

        var cancelled = await client.CancelOrderAsync(id);

        Assert.Equal(id, cancelled);
        await desk.Sim.RequestReadAsync<CancelOrderRequest>(c => c.OrderId == id.Value);
        var done = await StatusAsync(updates, id, s => s is OrderStatus.Cancelled or OrderStatus.ApiCancelled);
        Assert.Equal(0m, done.Filled);
    }

    [Fact]
    public async Task An_order_over_the_clients_risk_limit_throws_RiskDeniedException_with_the_rule_and_reaches_no_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);

        // The trader's RiskLimits (GrpcDesk.Options) allow 1,000 a order.
        var denied = await Assert.ThrowsAsync<RiskDeniedException>(() => client.PlaceOrderAsync(Aapl, Order.Limit(OrderAction.Buy, 5000, 1.00m)));

        Assert.Equal("max-quantity", denied.Rule);
        Assert.Contains("5000", denied.RuleDetail, StringComparison.Ordinal);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    [Fact]
    public async Task A_wrong_token_fails_ConnectAsync_with_UnauthenticatedException()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => DeskClient.ConnectAsync(desk.Front.Address.ToString(), AccessTokens.NewToken()));
    }

    [Fact]
    public async Task A_read_only_clients_order_throws_PermissionDeniedException_and_the_simulator_sees_no_order()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var reader = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => reader.PlaceOrderAsync(Aapl, Order.Limit(OrderAction.Buy, 10, 1.00m)));

        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    private static async Task<MarketTick> FirstTickAsync(IAsyncEnumerable<MarketDataItem> stream)
    {
        await foreach (var item in stream)
            if (item is MarketTick tick) return tick;
        throw new InvalidOperationException("the market data stream ended without a tick");
    }

    private static async Task<OrderStatusUpdate> StatusAsync(IAsyncEnumerator<OrderUpdateItem> updates, OrderId id, Func<OrderStatus, bool> match)
    {
        var seen = new List<OrderUpdateItem>();
        while (await updates.MoveNextAsync())
        {
            if (updates.Current is OrderStatusUpdate status && status.OrderId == id && match(status.Status)) return status;
            seen.Add(updates.Current);
        }
        throw new InvalidOperationException($"the order stream ended before the status the test waits for; it showed {string.Join(", ", seen)}");
    }
}
