using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

public sealed class OrderPlacementTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private static readonly StrategyId S = new("s");

    [Fact]
    public void PlaceOrder_sends_the_order_with_the_desks_client_id_and_the_contract()
    {
        var s = CreateTestProbe();
        Connect(5);
        s.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Sell, 25, 201.5m, TimeInForce.GoodTillCancel), S));
        s.ExpectMsg(new OrderEvents.OrderAccepted(new OrderId(5)));
        var sent = Sent<Tws.PlaceOrderRequest>();
        Assert.Equal((5, 5, 7, "SELL", "25", "LMT", 201.5, "GTC", true), (sent.OrderId, sent.Order.OrderId, sent.Order.ClientId, sent.Order.Action,
            sent.Order.TotalQuantity, sent.Order.OrderType, sent.Order.LmtPrice, sent.Order.Tif, sent.Order.Transmit));
        Assert.Equal(("AAPL", "STK"), (sent.Contract.Symbol, sent.Contract.SecType));
    }

    [Fact]
    public void A_bracket_links_children_to_the_parent_and_only_the_last_leg_transmits()
    {
        var s = CreateTestProbe();
        Connect(100);
        s.Send(Manager, new OrderCommands.PlaceBracket(Aapl, Order.Bracket(OrderAction.Buy, 10, 100m, 110m, 95m), S));
        s.ExpectMsg(new OrderEvents.BracketAccepted(new OrderId(100), new OrderId(101), new OrderId(102)));
        var entry = Sent<Tws.PlaceOrderRequest>();
        var profit = Sent<Tws.PlaceOrderRequest>();
        var stop = Sent<Tws.PlaceOrderRequest>();
        Assert.Equal((100, false, false, "LMT", "BUY"), (entry.OrderId, entry.Order.HasParentId, entry.Order.Transmit, entry.Order.OrderType, entry.Order.Action));
        Assert.Equal((101, 100, false, "LMT", "SELL", 110d), (profit.OrderId, profit.Order.ParentId, profit.Order.Transmit, profit.Order.OrderType, profit.Order.Action, profit.Order.LmtPrice));
        Assert.Equal((102, 100, true, "STP", "SELL", 95d), (stop.OrderId, stop.Order.ParentId, stop.Order.Transmit, stop.Order.OrderType, stop.Order.Action, stop.Order.AuxPrice));
    }

    [Fact]
    public void An_OCA_placement_puts_every_order_in_the_group()
    {
        var s = CreateTestProbe();
        Connect(1);
        var orders = new[] { Order.Limit(OrderAction.Buy, 5, 99m), Order.Stop(OrderAction.Buy, 5, 105m) };
        s.Send(Manager, new OrderCommands.PlaceOca(Aapl, orders, "breakout-1", S));
        var accepted = s.ExpectMsg<OrderEvents.OcaAccepted>();
        Assert.Equal([new OrderId(1), new OrderId(2)], accepted.OrderIds);
        for (var i = 1; i <= 2; i++)
        {
            var sent = Sent<Tws.PlaceOrderRequest>();
            Assert.Equal((i, "breakout-1", 1, true), (sent.OrderId, sent.Order.OcaGroup, sent.Order.OcaType, sent.Order.Transmit));
        }
    }

    [Fact]
    public void Modify_re_sends_the_same_id_and_only_the_owner_may_modify()
    {
        var owner = CreateTestProbe();
        var other = CreateTestProbe();
        Connect(1);
        var id = Place(owner, "s");
        owner.Send(Manager, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 191m)));
        owner.ExpectMsg(new OrderEvents.OrderModifySent(id));
        var sent = Sent<Tws.PlaceOrderRequest>();
        Assert.Equal((id.Value, 191d), (sent.OrderId, sent.Order.LmtPrice));

        var steal = new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 1m));
        other.Send(Manager, steal);
        var failed = other.ExpectMsg<RequestFailed>();
        Assert.Same(steal, failed.Request);
        Assert.Contains("only the owner", Assert.IsType<InvalidRequest>(failed.Failure).Problem);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // The next new order gets a fresh id: a modification allocates none.
        Assert.Equal(id.Value + 1, Place(owner, "s").Value);
    }

    [Fact]
    public void Modifying_a_bracket_child_keeps_its_parent_and_transmits()
    {
        var s = CreateTestProbe();
        Connect(100);
        s.Send(Manager, new OrderCommands.PlaceBracket(Aapl, Order.Bracket(OrderAction.Buy, 10, 100m, 110m, 95m), S));
        s.ExpectMsg<OrderEvents.BracketAccepted>();
        Pacer.ReceiveN(3);
        var takeProfit = Order.Limit(OrderAction.Sell, 10, 112m, TimeInForce.GoodTillCancel) with { Transmit = false };
        s.Send(Manager, new OrderCommands.ModifyOrder(new OrderId(101), takeProfit));
        s.ExpectMsg<OrderEvents.OrderModifySent>();
        var sent = Sent<Tws.PlaceOrderRequest>();
        Assert.Equal((101, 100, true, 112d), (sent.OrderId, sent.Order.ParentId, sent.Order.Transmit, sent.Order.LmtPrice));
    }

    [Fact]
    public void Cancel_sends_the_cancel_and_the_owner_sees_Cancelled_then_202_is_the_quiet_end()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        s.Send(Manager, new OrderCommands.CancelOrder(id));
        s.ExpectMsg(new OrderEvents.CancelSent(id));
        Assert.Equal(id.Value, Sent<Tws.CancelOrderRequest>().OrderId);
        Inbound(Status(id, "Cancelled", remaining: 100));
        Assert.Equal(OrderStatus.Cancelled, s.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        Inbound(Error(id, 202, "Order Canceled - reason:"));
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // Cancelling a cancelled order is answered locally; nothing is sent.
        s.Send(Manager, new OrderCommands.CancelOrder(id));
        Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void CancelStrategyOrders_cancels_only_that_strategys_working_orders()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Connect(1);
        var a1 = Place(a, "a");
        var a2 = Place(a, "a");
        Place(b, "b");
        Inbound(Status(a2, "Filled", 100, 0));
        a.ExpectMsg<OrderEvents.OrderStatusChanged>();
        a.Send(Manager, new OrderCommands.CancelStrategyOrders(new StrategyId("a")));
        Assert.Equal([a1], a.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Assert.Equal(a1.Value, Sent<Tws.CancelOrderRequest>().OrderId);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Theory]
    [InlineData(135, "Can't find order with ID = 1")]
    [InlineData(161, "Cancel attempted when order is not in a cancellable state")]
    public void A_cancel_the_gateway_refuses_fails_with_the_gateway_error(int code, string text)
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        var cancel = new OrderCommands.CancelOrder(id);
        s.Send(Manager, cancel);
        s.ExpectMsg<OrderEvents.CancelSent>();
        Inbound(Error(id, code, text));
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(cancel, failed.Request);
        Assert.Equal(new GatewayError(code, text), failed.Failure);
    }

    [Fact]
    public void A_rejected_order_gives_the_owner_OrderRejected_and_the_Inactive_status_the_gateway_sends()
    {
        var s = CreateTestProbe();
        var other = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Place(other, "other");
        Inbound(Error(id, 201, "Order rejected - reason:insufficient margin"));
        Inbound(Status(id, "Inactive"));
        var rejected = s.ExpectMsg<OrderEvents.OrderRejected>();
        Assert.Equal((id, "Order rejected - reason:insufficient margin"), (rejected.OrderId, rejected.Reason));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000), rejected.GatewayTime);
        Assert.Equal(OrderStatus.Inactive, s.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        other.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // A rejected order is dead: it cannot be modified and does not count as working.
        s.Send(Manager, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 1m)));
        Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure);
    }

    [Fact]
    public void A_202_without_a_cancel_of_ours_reaches_the_owner_as_a_notice()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Error(id, 202, "Order Canceled - reason: market closed"));
        var notice = s.ExpectMsg<OrderEvents.OrderNotice>();
        Assert.Equal((id, 202), (notice.OrderId, notice.Code));
    }

    [Fact]
    public void An_invalid_order_is_refused_before_anything_is_sent()
    {
        var s = CreateTestProbe();
        Connect(1);
        s.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 0, 10m), S));
        Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure);
        s.Send(Manager, new OrderCommands.PlaceOrder(Contract.FrontMonthFuture("ES"), Order.Market(OrderAction.Buy, 1), S));
        Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
