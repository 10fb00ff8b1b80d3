using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Code = Google.Rpc.Code;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

public sealed class OrderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PlaceOrderAsync_sends_the_builders_order_and_returns_the_desks_id()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var id = await desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 100, 101.10m));

        Assert.Equal(new OrderId(42), id);
        var placed = await server.Script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.Equal("AAPL", placed.Contract.Symbol);
        Assert.Equal((W.OrderAction.Buy, "100", W.OrderType.Limit, "101.10"), (placed.Order.Action, placed.Order.Quantity, placed.Order.Type, placed.Order.LimitPrice));
    }

    [Fact]
    public async Task A_risk_denial_in_the_status_details_becomes_RiskDeniedException_with_rule_and_detail()
    {
        var script = new DeskScript
        {
            PlaceOrder = _ => throw Rich(Code.FailedPrecondition, "denied by risk",
                new W.Failure { RiskDenied = new W.RiskDenied { Rule = "max-order-quantity", Detail = "100 > 50" } }),
        };
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<RiskDeniedException>(() => desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 100)));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal(DeskFailureKind.RiskDenied, e.Kind);
        Assert.Equal("max-order-quantity", e.Rule);
        Assert.Equal("100 > 50", e.RuleDetail);
        Assert.Equal(W.Failure.KindOneofCase.RiskDenied, e.Failure!.KindCase);
    }

    [Fact]
    public async Task A_gateway_error_in_the_details_keeps_IBs_code_and_text()
    {
        var script = new DeskScript
        {
            PlaceOrder = _ => throw Rich(Code.InvalidArgument, "gateway refused",
                new W.Failure { GatewayError = new W.GatewayError { Code = 201, Message = "Order rejected" } }),
        };
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<GatewayErrorException>(() => desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1)));

        Assert.Equal((201, "Order rejected", StatusCode.InvalidArgument), (e.GatewayCode, e.GatewayMessage, e.StatusCode));
    }

    [Fact]
    public async Task Permission_denied_with_the_desks_failure_in_the_details_is_still_a_PermissionDeniedException()
    {
        // The front answers a read-only client's order so: PERMISSION_DENIED, an InvalidRequest naming what it may not do.
        var script = new DeskScript
        {
            PlaceOrder = _ => throw new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.PermissionDenied, Message = "read-only",
                Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = "read-only" } }) },
            }.ToRpcException(),
        };
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1)));

        Assert.Equal((DeskFailureKind.PermissionDenied, "read-only"), (e.Kind, e.Failure?.InvalidRequest.Problem));
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, typeof(PermissionDeniedException), DeskFailureKind.PermissionDenied)]
    [InlineData(StatusCode.Internal, typeof(DeskCallException), DeskFailureKind.Other)]
    [InlineData(StatusCode.Unavailable, typeof(DeskUnavailableException), DeskFailureKind.DeskUnavailable)]
    public async Task A_status_without_details_still_becomes_a_typed_exception(StatusCode code, System.Type expected, DeskFailureKind kind)
    {
        var script = new DeskScript { PlaceOrder = _ => throw new RpcException(new Status(code, "plain status")) };
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAnyAsync<DeskCallException>(() => desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1)));

        Assert.IsType(expected, e);
        Assert.Equal((code, kind, "plain status"), (e.StatusCode, e.Kind, e.Detail));
        Assert.Null(e.Failure);
    }

    [Fact]
    public async Task CancelOrderAsync_returns_and_the_cancel_arrives_on_the_order_updates()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        Assert.Equal(new OrderId(42), await desk.CancelOrderAsync(new OrderId(42), cts.Token));
        await foreach (var update in desk.OrderUpdates(cts.Token))
        {
            var status = Assert.IsType<OrderStatusUpdate>(update);
            Assert.Equal((new OrderId(42), OrderStatus.Cancelled, 0m), (status.OrderId, status.Status, status.Remaining));
            break;
        }
    }

    [Fact]
    public async Task Cancelling_a_unary_call_is_an_OperationCanceledException_not_a_desk_failure()
    {
        var script = new DeskScript();
        var release = new TaskCompletionSource<W.OrderAccepted>(TaskCreationOptions.RunContinuationsAsynchronously);
        script.PlaceOrder = _ => release.Task; // holds the call until the test ends
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource();

        var call = desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1), cancellationToken: cts.Token);
        await server.Script.OrderPlaced.Task.WaitAsync(Bound);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.SetResult(new W.OrderAccepted { OrderId = 1 });
    }

    // What the desk's front sends: a google.rpc.Status with one Failure packed in its details.
    private static RpcException Rich(Code code, string message, W.Failure failure) =>
        new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(failure) } }.ToRpcException();
}
