using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// A gRPC client's price_rounding: the desk rounds a placement or a modification before the gateway reads it; a mode it
/// does not know is refused.
/// </summary>
public sealed class PriceRoundingTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.PlaceOrder Limit(decimal price, PriceRounding mode) => new()
    {
        Contract = Contract.Stock("MSFT").ToWire(),
        Order = (Order.Limit(OrderAction.Buy, 10, price) with { PriceRounding = mode }).ToWire(),
    };

    [Fact]
    public async Task Nearest_from_a_grpc_client_reaches_the_gateway_on_the_grid()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var accepted = await desk.Client.PlaceOrderAsync(Limit(1.006m, PriceRounding.Nearest), GrpcDesk.Trader);
        var read = await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);
        Assert.Equal(1.01, read.Order.LmtPrice);
    }

    [Fact]
    public async Task Reject_from_a_grpc_client_is_invalid_argument_naming_the_neighbours_and_nothing_is_sent()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var failure = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.PlaceOrderAsync(Limit(1.005m, PriceRounding.Reject), GrpcDesk.Trader).ResponseAsync);
        Assert.Contains("the valid neighbours are 1.00 and 1.01", Calls.Failure(failure).InvalidRequest.Problem, StringComparison.Ordinal);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    private static W.ModifyOrder Modify(int orderId, decimal price, PriceRounding mode) =>
        new() { OrderId = orderId, Order = (Order.Limit(OrderAction.Buy, 10, price) with { PriceRounding = mode }).ToWire() };

    [Fact]
    public async Task A_modification_with_nearest_from_a_grpc_client_reaches_the_gateway_on_the_grid()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var accepted = await desk.Client.PlaceOrderAsync(Limit(1.01m, PriceRounding.Off), GrpcDesk.Trader);
        await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);

        var modified = await desk.Client.ModifyOrderAsync(Modify(accepted.OrderId, 1.026m, PriceRounding.Nearest), GrpcDesk.Trader);
        Assert.Equal(accepted.OrderId, modified.OrderId);
        var read = await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId && p.Order.LmtPrice != 1.01);
        Assert.Equal(1.03, read.Order.LmtPrice);
    }

    [Fact]
    public async Task An_unknown_rounding_mode_is_invalid_argument_naming_the_field()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var request = Limit(1m, PriceRounding.Up);
        request.Order.PriceRounding = (W.PriceRounding)42;
        var failure = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.PlaceOrderAsync(request, GrpcDesk.Trader).ResponseAsync);
        Assert.Contains("order.price_rounding", failure.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }
}
