using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

public sealed class OrderIdAllocationTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    [Fact]
    public void Ids_start_at_the_gateways_nextValidId_and_increase()
    {
        var s = CreateTestProbe();
        Connect(nextValidId: 42);
        Assert.Equal(42, Place(s, "a").Value);
        Assert.Equal(43, Place(s, "a").Value);
        Assert.Equal(44, Place(s, "a").Value);
    }

    [Fact]
    public void A_reconnect_with_a_higher_nextValidId_moves_ahead()
    {
        var s = CreateTestProbe();
        Connect(10);
        Assert.Equal(10, Place(s, "a").Value);
        Disconnect();
        Connect(500, reconnect: true);
        // Order 10 was never acknowledged and the gateway lists it nowhere: it went down with the old link.
        DrainReconciliation(workingOrders: true, resent: new OrderId(10));
        Assert.Equal(OrderEvents.OrderNotice.ResentAfterReconnect, s.ExpectMsg<OrderEvents.OrderNotice>(n => n.OrderId == new OrderId(10)).Code);
        Assert.Equal(500, Place(s, "a").Value);
    }

    [Fact]
    public void A_gateway_whose_nextValidId_goes_backwards_never_makes_the_desk_reuse_an_id()
    {
        var s = CreateTestProbe();
        Connect(10);
        var used = new HashSet<int> { Place(s, "a").Value, Place(s, "a").Value, Place(s, "a").Value };
        Disconnect();
        Connect(1, reconnect: true); // a restarted gateway that lost its state
        // The three were never acknowledged and are gone: they are sent again under their own ids, not new ones.
        DrainReconciliation(workingOrders: true, resent: [new OrderId(10), new OrderId(11), new OrderId(12)]);
        foreach (var id in new[] { 10, 11, 12 })
            Assert.Equal(OrderEvents.OrderNotice.ResentAfterReconnect, s.ExpectMsg<OrderEvents.OrderNotice>(n => n.OrderId == new OrderId(id)).Code);
        var next = Place(s, "a").Value;
        Assert.DoesNotContain(next, used);
        Assert.Equal(13, next);
        // A nextValidId message (reqIds answer) below ours is ignored too; one above is adopted.
        Inbound(new Tws.NextValidId { OrderId = 5 });
        Assert.Equal(14, Place(s, "a").Value);
        Inbound(new Tws.NextValidId { OrderId = 90 });
        Assert.Equal(90, Place(s, "a").Value);
    }

    [Fact]
    public void An_id_the_gateway_rejected_counts_as_used_whatever_nextValidId_says_afterwards()
    {
        var s = CreateTestProbe();
        Connect(8);
        var rejected = new List<int>();
        foreach (var code in new[] { 200, 201 })
        {
            var id = Place(s, "a");
            rejected.Add(id.Value);
            Inbound(Error(id, code, "refused"));
            Assert.Equal(code, s.ExpectMsg<OrderEvents.OrderRejected>().Code);
        }
        // A gateway that does not count rejected ids as used offers the first of them again, by message and on reconnect.
        Inbound(new Tws.NextValidId { OrderId = 8 });
        Assert.Equal(10, Place(s, "a").Value);
        Disconnect();
        Connect(8, reconnect: true);
        DrainReconciliation(workingOrders: true, resent: new OrderId(10)); // 10 was never acknowledged: sent again as 10
        s.ExpectMsg<OrderEvents.OrderNotice>(n => n.Code == OrderEvents.OrderNotice.ResentAfterReconnect);
        var next = Place(s, "a").Value;
        Assert.Equal(11, next);
        Assert.DoesNotContain(next, rejected);
    }

    [Fact]
    public void An_order_of_an_earlier_session_seen_on_the_wire_pushes_the_next_id_past_it()
    {
        var s = CreateTestProbe();
        Connect(10);
        Inbound(Open(new OrderId(77), "Submitted"));
        Assert.Equal(78, Place(s, "a").Value);
    }

    [Fact]
    public void Ids_of_a_bracket_are_consecutive_and_the_next_order_follows_them()
    {
        var s = CreateTestProbe();
        Connect(20);
        s.Send(Manager, new OrderCommands.PlaceBracket(Aapl, Order.Bracket(OrderAction.Buy, 10, 100m, 110m, 95m), new StrategyId("a")));
        Assert.Equal(new OrderEvents.BracketAccepted(new OrderId(20), new OrderId(21), new OrderId(22)), s.ExpectMsg<OrderEvents.BracketAccepted>());
        Pacer.ReceiveN(3);
        Assert.Equal(23, Place(s, "a").Value);
    }

    [Fact]
    public void Before_the_first_connection_orders_fail_with_ConnectionLost_and_nothing_is_sent()
    {
        var s = CreateTestProbe();
        var place = new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 10m), new StrategyId("a"));
        s.Send(Manager, place);
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(place, failed.Request);
        Assert.IsType<ConnectionLost>(failed.Failure);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void While_disconnected_orders_fail_with_ConnectionLost()
    {
        var s = CreateTestProbe();
        Connect(1);
        Disconnect();
        s.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 10m), new StrategyId("a")));
        Assert.IsType<ConnectionLost>(s.ExpectMsg<RequestFailed>().Failure);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
