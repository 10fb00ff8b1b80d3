using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>Orders whose state the desk can no longer know end as OrderLost and leave the working set.</summary>
public sealed class OrderLostTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private static readonly StrategyId S = new("s");

    [Fact]
    public void An_acknowledged_order_the_gateway_lists_nowhere_after_a_reconnect_is_lost_for_its_owner_and_subscribers()
    {
        var s = CreateTestProbe();
        var updates = Subscriber();
        Connect(1);
        s.Send(Manager, new OrderCommands.SetRiskLimits(S, new RiskLimits { MaxOpenOrders = 1 }));
        s.ExpectMsg<OrderEvents.RiskLimitsSet>();
        var id = Acknowledged(s, updates);

        Disconnect();
        Connect(1, reconnect: true); // a gateway that restarted without its state
        DrainReconciliation(workingOrders: true);

        var lost = s.ExpectMsg<OrderEvents.OrderLost>();
        Assert.Equal((id, S), (lost.OrderId, lost.Strategy));
        Assert.Contains("neither as open nor as completed", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(id, updates.ExpectMsg<OrderEvents.OrderLost>().OrderId);
        AssertNotWorking(s, id);
        // The owner can place again: the lost order no longer counts against max-open-orders (limit 1).
        Assert.True(Place(s, "s").Value > id.Value);
    }

    [Fact]
    public void A_cancel_answered_135_fails_the_canceller_once_and_the_order_is_lost_and_never_cancelled_again()
    {
        var s = CreateTestProbe();
        var updates = Subscriber();
        Connect(1);
        var id = Acknowledged(s, updates);
        var cancel = new OrderCommands.CancelOrder(id);
        s.Send(Manager, cancel);
        s.ExpectMsg<OrderEvents.CancelSent>();
        Sent<Tws.CancelOrderRequest>();

        Inbound(Error(id, 135, $"Can't find order with ID = {id.Value}"));
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(cancel, failed.Request);
        Assert.Equal(135, Assert.IsType<GatewayError>(failed.Failure).Code);
        Assert.Contains("135", s.ExpectMsg<OrderEvents.OrderLost>().Reason, StringComparison.Ordinal);
        Assert.Equal(id, updates.ExpectMsg<OrderEvents.OrderLost>().OrderId);

        // A second 135 (say, to a cancel sent elsewhere) is only a notice: the canceller heard the failure once.
        Inbound(Error(id, 135, $"Can't find order with ID = {id.Value}"));
        Assert.Equal(135, s.ExpectMsg<OrderEvents.OrderNotice>().Code);
        AssertNotWorking(s, id);
        // The kill switch cancels every working order: not this one.
        s.Send(Manager, new OrderCommands.ActivateKillSwitch("test"));
        Assert.Empty(s.ExpectMsg<OrderEvents.KillSwitchActivated>().CancelledOrders);
        Sent<Tws.GlobalCancelRequest>();
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_stop_cancel_answered_135_makes_the_order_lost_for_its_owner()
    {
        var s = CreateTestProbe();
        var updates = Subscriber();
        Connect(1);
        var id = Acknowledged(s, updates);
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Equal([id], s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Sent<Tws.CancelOrderRequest>();
        Inbound(Error(id, 135, $"Can't find order with ID = {id.Value}"));
        Assert.Equal(id, s.ExpectMsg<OrderEvents.OrderLost>().OrderId);
        AssertNotWorking(s, id);
    }

    [Fact]
    public void A_cancel_refused_with_161_fails_the_canceller_and_the_order_stays_as_the_gateway_says()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        s.Send(Manager, new OrderCommands.CancelOrder(id));
        s.ExpectMsg<OrderEvents.CancelSent>();
        Sent<Tws.CancelOrderRequest>();
        Inbound(Error(id, 161, "Cancel attempted when order is not in a cancellable state"));
        Assert.Equal(161, Assert.IsType<GatewayError>(s.ExpectMsg<RequestFailed>().Failure).Code);
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Equal([id], s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
    }

    [Fact]
    public void A_cancel_still_unanswered_when_reconciliation_loses_the_order_fails_its_asker()
    {
        var s = CreateTestProbe();
        var updates = Subscriber();
        Connect(1);
        var id = Acknowledged(s, updates);
        var cancel = new OrderCommands.CancelOrder(id);
        s.Send(Manager, cancel);
        s.ExpectMsg<OrderEvents.CancelSent>();
        Sent<Tws.CancelOrderRequest>();
        Disconnect();
        Connect(1, reconnect: true);
        DrainReconciliation(workingOrders: true);
        s.ExpectMsg<OrderEvents.OrderLost>();
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(cancel, failed.Request);
        Assert.IsType<ConnectionLost>(failed.Failure);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_order_placed_after_the_open_orders_query_was_sent_is_new_not_missing_from_its_answer(bool reconnect)
    {
        var s = CreateTestProbe();
        if (reconnect)
        {
            Connect(1);
            Disconnect();
        }
        Connect(1, reconnect, drainRecovery: false);
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        // The placeOrder goes out behind reqAllOpenOrders: the gateway answers the query without it, then acknowledges it.
        var id = Place(s, "s");
        Inbound(new Tws.OpenOrdersEnd());
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });
        Inbound(Open(id, "Submitted", permId: 5000 + id.Value));
        Assert.Equal(id, s.ExpectMsg<OrderEvents.OpenOrderUpdated>().OrderId);

        // Nothing to reconcile: no completed-orders query, no re-sent placeOrder, and the order stays working.
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Equal([id], s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
    }

    private TestProbe Subscriber()
    {
        var updates = CreateTestProbe();
        updates.Send(Manager, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();
        return updates;
    }

    /// <summary>Places an order and lets the gateway acknowledge it (a perm id): the gateway knew it.</summary>
    private OrderId Acknowledged(TestProbe s, TestProbe updates)
    {
        var id = Place(s, "s");
        Inbound(Status(id, "Submitted", permId: 5000 + id.Value));
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        updates.ExpectMsg<OrderEvents.OrderStatusChanged>();
        return id;
    }

    private void AssertNotWorking(TestProbe s, OrderId id)
    {
        s.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Empty(s.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        s.Send(Manager, new OrderCommands.CancelOrder(id));
        Assert.Contains("lost", Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure).Problem, StringComparison.Ordinal);
        s.Send(Manager, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 100, 191m)));
        Assert.IsType<InvalidRequest>(s.ExpectMsg<RequestFailed>().Failure);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
