using Grpc.Core;
using CancelMarketData = IBApi.protobuf.CancelMarketData;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using MarketDataRequest = IBApi.protobuf.MarketDataRequest;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>Orders of a gRPC client: placed as its strategy, its events on its stream, others' orders out of its reach.</summary>
public sealed class OrderTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    private static W.PlaceOrder Market(decimal quantity) => new()
    {
        Contract = Msft, Order = Order.Market(OrderAction.Buy, quantity).ToWire(), ReferencePrice = "400",
    };

    private static W.PlaceOrder Resting() => new() { Contract = Msft, Order = Order.Limit(OrderAction.Buy, 10, 1m).ToWire() };

    [Fact]
    public async Task A_placed_order_shows_its_status_and_its_fill_on_the_order_stream()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var updates = desk.Client.StreamOrderUpdates(new W.SubscribeOrderUpdates(), GrpcDesk.Trader);
        using var watching = desk.Client.StreamOrderUpdates(new W.SubscribeOrderUpdates(), GrpcDesk.Reader);

        var accepted = await desk.Client.PlaceOrderAsync(Market(10), GrpcDesk.Trader);
        await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(1)); // the next price fills the market order

        var (fill, before) = await Calls.UntilAsync(updates.ResponseStream, u => u.KindCase == W.OrderUpdate.KindOneofCase.Fill);
        Assert.Equal(accepted.OrderId, fill.Fill.OrderId);
        Assert.Equal("grpc-trader", fill.Fill.Strategy); // the caller's strategy, from its token
        Assert.Equal(10m, decimal.Parse(fill.Fill.Quantity, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(before, u => u.KindCase == W.OrderUpdate.KindOneofCase.Status && u.Status.OrderId == accepted.OrderId);
        // The read-only client watching that strategy sees the same fill.
        var (watched, _) = await Calls.UntilAsync(watching.ResponseStream, u => u.KindCase == W.OrderUpdate.KindOneofCase.Fill);
        Assert.Equal(fill.Fill.ExecId, watched.Fill.ExecId);
    }

    [Fact]
    public async Task CancelOrder_cancels_a_resting_order_and_the_stream_says_so()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var updates = desk.Client.StreamOrderUpdates(new W.SubscribeOrderUpdates(), GrpcDesk.Trader);
        var accepted = await desk.Client.PlaceOrderAsync(Resting(), GrpcDesk.Trader);
        await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);

        var sent = await desk.Client.CancelOrderAsync(new W.CancelOrder { OrderId = accepted.OrderId }, GrpcDesk.Trader);

        Assert.Equal(accepted.OrderId, sent.OrderId);
        await Calls.UntilAsync(updates.ResponseStream, u => u.KindCase == W.OrderUpdate.KindOneofCase.Status
            && u.Status.OrderId == accepted.OrderId && u.Status.Status is W.OrderStatus.Cancelled or W.OrderStatus.ApiCancelled);
    }

    [Fact]
    public async Task Another_clients_order_can_be_neither_cancelled_nor_modified()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var accepted = await desk.Client.PlaceOrderAsync(Resting(), GrpcDesk.Trader);

        await Calls.FailsWith(StatusCode.PermissionDenied,
            () => desk.Client.CancelOrderAsync(new W.CancelOrder { OrderId = accepted.OrderId }, GrpcDesk.Other).ResponseAsync);
        var modify = await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.ModifyOrderAsync(
            new W.ModifyOrder { OrderId = accepted.OrderId, Order = Order.Limit(OrderAction.Buy, 10, 2m).ToWire() }, GrpcDesk.Other).ResponseAsync);

        Assert.Equal(W.Failure.KindOneofCase.InvalidRequest, Calls.Failure(modify).KindCase);
        Assert.Empty(await desk.HandledAsync<CancelOrderRequest>());
        Assert.Single(await desk.HandledAsync<PlaceOrderRequest>()); // the trader's order, never re-sent as a modification
    }

    [Fact]
    public async Task The_owner_modifies_its_order_and_a_bracket_is_placed_as_three_orders()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var accepted = await desk.Client.PlaceOrderAsync(Resting(), GrpcDesk.Trader);
        var modified = await desk.Client.ModifyOrderAsync(
            new W.ModifyOrder { OrderId = accepted.OrderId, Order = Order.Limit(OrderAction.Buy, 10, 2m).ToWire() }, GrpcDesk.Trader);
        Assert.Equal(accepted.OrderId, modified.OrderId);

        var bracket = await desk.Client.PlaceBracketAsync(new W.PlaceBracket
        {
            Contract = Msft, Bracket = Order.Bracket(OrderAction.Buy, 10, 1m, 2m, 0.5m).ToWire(), Strategy = "grpc-trader",
        }, GrpcDesk.Trader);
        Assert.Equal([bracket.Entry + 1, bracket.Entry + 2], new[] { bracket.TakeProfit, bracket.StopLoss });
    }

    [Fact]
    public async Task A_request_naming_another_strategy_is_permission_denied_and_never_reaches_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var request = Market(10);
        request.Strategy = "grpc-other";

        var failure = await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.PlaceOrderAsync(request, GrpcDesk.Trader).ResponseAsync);

        Assert.Contains("grpc-other", failure.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    [Fact]
    public async Task A_malformed_quantity_is_invalid_argument_naming_the_field_with_the_failure_in_the_details()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var request = Market(10);
        request.Order.Quantity = "abc";

        var failure = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.PlaceOrderAsync(request, GrpcDesk.Trader).ResponseAsync);

        Assert.Contains("order.quantity", failure.Status.Detail, StringComparison.Ordinal);
        var typed = Calls.Failure(failure);
        Assert.Equal(W.Failure.KindOneofCase.InvalidRequest, typed.KindCase);
        Assert.Contains("'abc'", typed.InvalidRequest.Problem, StringComparison.Ordinal);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    [Fact]
    public async Task The_clients_own_risk_limits_deny_an_order_as_failed_precondition()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var failure = await Calls.FailsWith(StatusCode.FailedPrecondition, () => desk.Client.PlaceOrderAsync(Market(5000), GrpcDesk.Trader).ResponseAsync);

        Assert.Equal(W.Failure.KindOneofCase.RiskDenied, Calls.Failure(failure).KindCase);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }
}
