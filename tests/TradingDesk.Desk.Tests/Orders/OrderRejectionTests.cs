using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>Errors the gateway sends for an order id: which end the order (OrderRejected) and which are notices.</summary>
public sealed class OrderRejectionTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private static readonly StrategyId S = new("s");

    [Theory]
    [InlineData(200, "No security definition has been found for the request")]
    [InlineData(201, "Order rejected - reason:insufficient margin")]
    [InlineData(110, "The price does not conform to the minimum price variation for this contract.")]
    [InlineData(103, "Duplicate order id")]
    [InlineData(321, "Error validating request:-'bW' : cause - missing order type")]
    [InlineData(133, "Submit new order failed.")]
    public void An_error_that_ends_the_order_reaches_the_owner_and_subscribers_as_OrderRejected_with_the_code(int code, string text)
    {
        var s = CreateTestProbe();
        var updates = CreateTestProbe();
        updates.Send(Manager, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Error(id, code, text));

        var rejected = s.ExpectMsg<OrderEvents.OrderRejected>();
        Assert.Equal((id, code, text), (rejected.OrderId, rejected.Code, rejected.Reason));
        Assert.Equal(code, updates.ExpectMsg<OrderEvents.OrderRejected>().Code);
        AssertNotWorking(s, id);
    }

    [Fact]
    public void A_rejected_order_does_not_count_against_the_open_order_limit()
    {
        var s = CreateTestProbe();
        Connect(1);
        s.Send(Manager, new OrderCommands.SetRiskLimits(S, new RiskLimits { MaxOpenOrders = 1 }));
        s.ExpectMsg<OrderEvents.RiskLimitsSet>();
        var id = Place(s, "s");
        Inbound(Error(id, 200, "No security definition has been found for the request"));
        s.ExpectMsg<OrderEvents.OrderRejected>();
        // With the rejected order still counted this would be denied by max-open-orders.
        Assert.Equal(id.Value + 1, Place(s, "s").Value);
    }

    [Theory]
    [InlineData(399, "Order Message: Warning: your order will not be placed at the exchange until 09:30")]
    [InlineData(2109, "Order Event Warning: Attribute 'Outside Regular Trading Hours' is ignored")]
    [InlineData(404, "Shares for this order are not immediately available for short sale")]
    public void A_warning_is_a_notice_and_the_order_keeps_working(int code, string text)
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Error(id, code, text));
        var notice = s.ExpectMsg<OrderEvents.OrderNotice>();
        Assert.Equal((id, code), (notice.OrderId, notice.Code));
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Equal([id], s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Assert.Equal(id.Value, Sent<Tws.CancelOrderRequest>().OrderId);
    }

    [Fact]
    public void A_refused_modification_is_a_notice_and_the_order_keeps_working_as_it_was()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Open(id, "Submitted", permId: 9001));
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        s.Send(Manager, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 190.001m)));
        s.ExpectMsg<OrderEvents.OrderModifySent>();
        Sent<Tws.PlaceOrderRequest>();
        // The gateway answers a refused modification with an ending code but keeps the order working.
        Inbound(Error(id, 201, "Order rejected - reason:The price does not conform to the minimum price variation"));
        Assert.Equal(201, s.ExpectMsg<OrderEvents.OrderNotice>().Code);
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Equal([id], s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Sent<Tws.CancelOrderRequest>();

        // The refusal answered the modification: a later ending error is about the order itself.
        Inbound(Error(id, 201, "Order rejected - reason:exchange closed"));
        Assert.Equal(201, s.ExpectMsg<OrderEvents.OrderRejected>().Code);
    }

    [Fact]
    public void A_modification_the_gateway_echoed_is_applied_so_a_later_ending_error_rejects_the_order()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        s.Send(Manager, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 191m)));
        s.ExpectMsg<OrderEvents.OrderModifySent>();
        Sent<Tws.PlaceOrderRequest>();
        var echo = Open(id, "Submitted", permId: 9001);
        echo.Order.LmtPrice = 191;
        Inbound(echo);
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Inbound(Error(id, 201, "Order rejected - reason:exchange closed"));
        Assert.Equal(201, s.ExpectMsg<OrderEvents.OrderRejected>().Code);
        AssertNotWorking(s, id);
    }

    [Fact]
    public void Rejected_after_the_Inactive_status_the_gateway_sent_first()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Open(id, "Inactive", permId: 9002));
        Inbound(Status(id, "Inactive", permId: 9002));
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Inbound(Error(id, 201, "Order rejected - reason:Unknown account DU9"));
        Assert.Equal(201, s.ExpectMsg<OrderEvents.OrderRejected>().Code);
    }

    [Fact]
    public void The_classification_names_the_cancel_answers_and_leaves_unknown_codes_as_notices()
    {
        Assert.Equal(OrderErrorEffect.CancelNotFound, OrderErrors.Classify(135));
        Assert.Equal(OrderErrorEffect.CancelNotFound, OrderErrors.Classify(10147));
        Assert.Equal(OrderErrorEffect.CancelRefused, OrderErrors.Classify(161));
        Assert.Equal(OrderErrorEffect.CancelRefused, OrderErrors.Classify(10148));
        Assert.Equal(OrderErrorEffect.Cancelled, OrderErrors.Classify(202));
        Assert.Equal(OrderErrorEffect.Notice, OrderErrors.Classify(134));
        Assert.Equal(OrderErrorEffect.Notice, OrderErrors.Classify(12345));
    }

    /// <summary>Out of the working set: not cancelled by CancelStrategyOrders, a cancel of it is refused without sending.</summary>
    private void AssertNotWorking(TestProbe s, OrderId id)
    {
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Empty(s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        s.Send(Manager, new OrderCommands.CancelOrder(id));
        Assert.Contains("rejected", Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure).Problem, StringComparison.Ordinal);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
