using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Simulator.Server;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Orders.Integration;

public sealed class DeskOrdersEndToEndTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(10))
{
    [Fact]
    public async Task The_whole_desk_places_fills_queries_and_cancels_through_the_simulated_gateway()
    {
        var backend = new FillingBackend { NextId = 40 };
        await using var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var options = new DeskOptions { Host = "127.0.0.1", Port = server.Port, ClientId = 3, PacerStatusInterval = TimeSpan.Zero,
            Orders = new OrderManagerOptions { ClientId = 3 } };
        var desk = DeskSystem.Start(Sys, options);
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var s = CreateTestProbe();
        s.Send(desk, new OrderCommands.SubscribeOrderUpdates());
        s.ExpectMsg<SubscriptionMessages.Subscribed>();
        s.Send(desk, new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 10, 100m), new StrategyId("s")));
        Assert.Equal(new OrderId(40), s.ExpectMsg<OrderEvents.OrderAccepted>().OrderId);
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        s.ExpectMsg<OrderEvents.Filled>();
        Assert.Equal(OrderStatus.Filled, s.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        s.ExpectMsg<OrderEvents.CommissionReported>();
        s.Send(desk, new OrderCommands.GetExecutions(ExecutionQuery.All));
        Assert.Single(s.ExpectMsg<OrderEvents.Executions>().Fills);
        s.Send(desk, new OrderCommands.GetOpenOrders());
        Assert.Empty(s.ExpectMsg<OrderEvents.OpenOrders>().Orders);
        s.Send(desk, new OrderCommands.CancelOrder(new OrderId(999)));
        s.ExpectMsg<OrderEvents.CancelSent>();
        Assert.Equal(135, Assert.IsType<GatewayError>(s.ExpectMsg<RequestFailed>().Failure).Code);
    }
}
