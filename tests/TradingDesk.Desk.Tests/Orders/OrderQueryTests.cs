using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

public sealed class OrderQueryTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    [Fact]
    public void Concurrent_open_orders_askers_are_serialised_and_each_gets_a_complete_answer()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var third = CreateTestProbe();
        Connect(1);
        first.Send(Manager, new OrderCommands.GetOpenOrders());
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        Inbound(Open(new OrderId(1), "Submitted"));
        // Asked while the first request is in flight: must not get an answer requested before it asked.
        second.Send(Manager, new OrderCommands.GetOpenOrders());
        third.Send(Manager, new OrderCommands.GetOpenOrders());
        Inbound(Open(new OrderId(2), "PreSubmitted"));
        Inbound(Open(new OrderId(1), "Submitted")); // re-sent: counted once
        Inbound(new Tws.OpenOrdersEnd());
        Assert.Equal([1, 2], first.ExpectMsg<OrderEvents.OpenOrders>().Orders.Select(o => o.OrderId.Value).Order());
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data); // one request shared by both waiting askers
        Inbound(Open(new OrderId(2), "Submitted"));
        Inbound(Open(new OrderId(3), "Submitted"));
        Inbound(new Tws.OpenOrdersEnd());
        Assert.Equal([2, 3], second.ExpectMsg<OrderEvents.OpenOrders>().Orders.Select(o => o.OrderId.Value).Order());
        Assert.Equal([2, 3], third.ExpectMsg<OrderEvents.OpenOrders>().Orders.Select(o => o.OrderId.Value).Order());
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Completed_orders_are_collected_until_the_end()
    {
        var s = CreateTestProbe();
        Connect(1);
        s.Send(Manager, new OrderCommands.GetCompletedOrders(ApiOnly: true));
        Assert.True(Sent<Tws.CompletedOrdersRequest>(OutboundPriority.Data).ApiOnly);
        var open = Open(new OrderId(4), "Filled", permId: 99);
        Inbound(new Tws.CompletedOrder { Contract = open.Contract, Order = open.Order, OrderState = open.OrderState });
        Inbound(new Tws.CompletedOrder { Contract = open.Contract, Order = new Tws.Order(open.Order) { PermId = 100 }, OrderState = new Tws.OrderState { Status = "Cancelled" } });
        Inbound(new Tws.CompletedOrdersEnd());
        var done = s.ExpectMsg<OrderEvents.CompletedOrders>();
        Assert.Equal([(new PermId(99), OrderStatus.Filled), (new PermId(100), OrderStatus.Cancelled)],
            done.Orders.Select(o => (o.PermId!.Value, o.Status)));
    }

    [Fact]
    public void Concurrent_executions_queries_use_their_own_request_ids_and_fills_reach_owners_once()
    {
        var owner = CreateTestProbe("owner");
        var q1 = CreateTestProbe();
        var q2 = CreateTestProbe();
        Connect(1);
        var id = Place(owner, "s");
        q1.Send(Manager, new OrderCommands.GetExecutions(ExecutionQuery.All));
        q2.Send(Manager, new OrderCommands.GetExecutions(new ExecutionQuery { Symbol = "AAPL", SecType = SecType.Stock }));
        var r1 = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        var r2 = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        // 1,900,000,000 went to the recovery at the first connect.
        Assert.Equal(1_900_000_001, r1.ReqId);
        Assert.Equal(1_900_000_002, r2.ReqId);
        Assert.Equal(("AAPL", "STK"), (r2.ExecutionFilter.Symbol, r2.ExecutionFilter.SecType));

        Inbound(Exec(id, "e1", reqId: r2.ReqId));
        Inbound(Exec(id, "e1", reqId: r1.ReqId));
        Inbound(Exec(new OrderId(900), "other-client", reqId: r1.ReqId, clientId: 3));
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = r2.ReqId });
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = r1.ReqId });
        Assert.Equal(["e1"], q2.ExpectMsg<OrderEvents.Executions>().Fills.Select(f => f.ExecId.Value));
        Assert.Equal(["e1", "other-client"], q1.ExpectMsg<OrderEvents.Executions>().Fills.Select(f => f.ExecId.Value));
        Assert.Equal(new ExecId("e1"), owner.ExpectMsg<OrderEvents.Filled>().ExecId); // a fill the desk had missed, once
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_query_without_an_end_times_out_and_the_next_asker_gets_a_fresh_request()
    {
        var s = CreateTestProbe();
        var later = CreateTestProbe();
        Connect(1);
        var ask = new OrderCommands.GetOpenOrders();
        s.Send(Manager, ask);
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        later.Send(Manager, new OrderCommands.GetOpenOrders());
        Advance(ManagerOptions.QueryTimeout);
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(ask, failed.Request);
        Assert.IsType<RequestTimedOut>(failed.Failure);
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        Inbound(new Tws.OpenOrdersEnd());
        Assert.Empty(later.ExpectMsg<OrderEvents.OpenOrders>().Orders);
    }

    [Fact]
    public void An_error_for_an_executions_request_id_fails_that_query_with_the_gateway_error()
    {
        var s = CreateTestProbe();
        Connect(1);
        var ask = new OrderCommands.GetExecutions(new ExecutionQuery { Since = "garbage" });
        s.Send(Manager, ask);
        var request = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Inbound(new Tws.ErrorMessage { Id = request.ReqId, ErrorCode = 321, ErrorMsg = "Error validating request: time" });
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(ask, failed.Request);
        Assert.Equal(321, Assert.IsType<GatewayError>(failed.Failure).Code);
    }

    [Fact]
    public void Queries_in_flight_fail_with_ConnectionLost_when_the_connection_drops()
    {
        var s = CreateTestProbe();
        Connect(1);
        s.Send(Manager, new OrderCommands.GetOpenOrders());
        s.Send(Manager, new OrderCommands.GetExecutions(ExecutionQuery.All));
        Pacer.ReceiveN(2);
        Disconnect();
        Assert.IsType<ConnectionLost>(s.ExpectMsg<RequestFailed>().Failure);
        Assert.IsType<ConnectionLost>(s.ExpectMsg<RequestFailed>().Failure);
        s.Send(Manager, new OrderCommands.GetCompletedOrders());
        Assert.IsType<ConnectionLost>(s.ExpectMsg<RequestFailed>().Failure);
    }

    [Fact]
    public void A_reconnect_without_a_disconnect_notice_still_fails_the_queries_of_the_old_connection()
    {
        var s = CreateTestProbe();
        Connect(1);
        s.Send(Manager, new OrderCommands.GetOpenOrders());
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        Connect(1, reconnect: true);
        Assert.IsType<ConnectionLost>(s.ExpectMsg<RequestFailed>().Failure);
        DrainReconciliation(workingOrders: false);
    }

    [Fact]
    public void After_a_reconnect_missed_fills_and_final_statuses_reach_the_owner_exactly_once()
    {
        var s = CreateTestProbe();
        Connect(1);
        var filledMeanwhile = Place(s, "s");
        var stillOpen = Place(s, "s");
        Inbound(Exec(filledMeanwhile, "e1", shares: 40)); // seen before the outage
        s.ExpectMsg<OrderEvents.Filled>();
        Disconnect();
        Connect(50, reconnect: true);

        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Assert.Equal(ManagerOptions.ClientId, exec.ExecutionFilter.ClientId);
        Inbound(Exec(filledMeanwhile, "e1", shares: 40, reqId: exec.ReqId)); // already delivered
        Inbound(Exec(filledMeanwhile, "e2", shares: 60, reqId: exec.ReqId)); // missed during the outage
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });
        Assert.Equal(new ExecId("e2"), s.ExpectMsg<OrderEvents.Filled>().ExecId);

        Inbound(Open(stillOpen, "Submitted"));
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Inbound(new Tws.OpenOrdersEnd());
        // The order that is no longer open: its final state comes from the completed orders.
        Sent<Tws.CompletedOrdersRequest>(OutboundPriority.Data);
        var done = Open(filledMeanwhile, "Filled");
        done.Order.FilledQuantity = "100";
        Inbound(new Tws.CompletedOrder { Contract = done.Contract, Order = done.Order, OrderState = done.OrderState });
        Inbound(new Tws.CompletedOrdersEnd());
        var status = s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Equal((filledMeanwhile, OrderStatus.Filled, 100m, 0m), (status.OrderId, status.Status, status.Filled, status.Remaining));
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
