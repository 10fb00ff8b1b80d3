using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

public sealed class OrderRoutingTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    [Fact]
    public void Status_openOrder_fill_and_commission_reach_only_the_owner()
    {
        var alpha = CreateTestProbe("alpha");
        var beta = CreateTestProbe("beta");
        Connect(1);
        var a = Place(alpha, "alpha");
        var b = Place(beta, "beta");

        Inbound(Open(a, "Submitted", permId: 555));
        var open = alpha.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Assert.Equal((a, new PermId(555), OrderStatus.Submitted, new StrategyId("alpha")), (open.OrderId, open.Order.PermId, open.Order.Status, open.Strategy));

        Inbound(Status(a, "Filled", filled: 100, remaining: 0, avg: 190.25, permId: 555));
        var status = alpha.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Equal((a, OrderStatus.Filled, 100m, 0m, 190.25m, new PermId(555)), (status.OrderId, status.Status, status.Filled, status.Remaining, status.AvgFillPrice, status.PermId));
        Assert.Equal(Now, status.LocalTime);

        Inbound(Exec(a, "e1", shares: 100, price: 190.25));
        var fill = alpha.ExpectMsg<OrderEvents.Filled>();
        Assert.Equal((a, new ExecId("e1"), "BOT", 100m, 190.25m, 100m), (fill.OrderId, fill.ExecId, fill.Side, fill.Quantity, fill.Price, fill.CumulativeQuantity));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 18, 1, 2, TimeSpan.Zero), fill.GatewayTime);

        Inbound(new Tws.CommissionAndFeesReport { ExecId = "e1", CommissionAndFees = 1.05, Currency = "USD" });
        var commission = alpha.ExpectMsg<OrderEvents.CommissionReported>();
        Assert.Equal((a, new ExecId("e1"), 1.05m, "USD"), (commission.OrderId, commission.ExecId, commission.Commission, commission.Currency));

        beta.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Inbound(Status(b, "Submitted"));
        Assert.Equal(b, beta.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);
        alpha.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_same_execution_twice_is_delivered_once_and_so_is_its_commission()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Exec(id, "e1", shares: 40));
        Inbound(Exec(id, "e1", shares: 40));                 // re-sent after a reconnect
        Inbound(Exec(id, "e1", shares: 40, reqId: 12345));   // and in a reqExecutions answer
        Inbound(new Tws.CommissionAndFeesReport { ExecId = "e1", CommissionAndFees = 1, Currency = "USD" });
        Inbound(new Tws.CommissionAndFeesReport { ExecId = "e1", CommissionAndFees = 1, Currency = "USD" });
        Inbound(Exec(id, "e2", shares: 60));
        Assert.Equal(new ExecId("e1"), s.ExpectMsg<OrderEvents.Filled>().ExecId);
        s.ExpectMsg<OrderEvents.CommissionReported>();
        Assert.Equal(new ExecId("e2"), s.ExpectMsg<OrderEvents.Filled>().ExecId);
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Identical_consecutive_statuses_are_delivered_once()
    {
        var s = CreateTestProbe();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Status(id, "Submitted"));
        Inbound(Status(id, "Submitted"));
        Inbound(Status(id, "Submitted", filled: 10, remaining: 90));
        Inbound(Status(id, "Submitted", filled: 10, remaining: 90));
        Assert.Equal(0m, s.ExpectMsg<OrderEvents.OrderStatusChanged>().Filled);
        Assert.Equal(10m, s.ExpectMsg<OrderEvents.OrderStatusChanged>().Filled);
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_thousand_orders_from_fifty_strategies_each_strategy_gets_exactly_its_own_events()
    {
        Connect(1);
        var strategies = Enumerable.Range(0, 50).Select(i => CreateTestProbe($"s{i}")).ToArray();
        var owner = new Dictionary<int, int>();
        for (var round = 0; round < 20; round++)
            for (var i = 0; i < 50; i++)
                strategies[i].Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 100m), new StrategyId($"s{i}")));
        for (var i = 0; i < 50; i++)
            for (var round = 0; round < 20; round++)
                owner[strategies[i].ExpectMsg<OrderEvents.OrderAccepted>().OrderId.Value] = i;
        Assert.Equal(1000, owner.Count); // no id handed out twice
        Assert.Equal(1000, Pacer.ReceiveN(1000).Count);

        foreach (var id in owner.Keys)
        {
            Inbound(Status(new OrderId(id), "Filled", filled: 1, remaining: 0));
            Inbound(Exec(new OrderId(id), $"x{id}", shares: 1));
        }
        for (var i = 0; i < 50; i++)
        {
            var mine = owner.Where(kv => kv.Value == i).Select(kv => kv.Key).ToHashSet();
            var got = strategies[i].ReceiveN(40).Cast<OrderEvents.IOrderEvent>().ToList();
            Assert.All(got, e => Assert.Contains(e.OrderId.Value, mine));
            Assert.Equal(20, got.OfType<OrderEvents.Filled>().Select(f => f.OrderId).Distinct().Count());
            Assert.Equal(20, got.OfType<OrderEvents.OrderStatusChanged>().Select(f => f.OrderId).Distinct().Count());
            strategies[i].ExpectNoMsg(TimeSpan.Zero);
        }
    }

    [Fact]
    public void A_subscriber_gets_every_order_update_including_other_clients_and_stops_after_unsubscribing()
    {
        var s = CreateTestProbe("owner");
        var watcher = CreateTestProbe("watcher");
        Connect(1);
        watcher.Send(Manager, new OrderCommands.SubscribeOrderUpdates());
        var subscribed = watcher.ExpectMsg<SubscriptionMessages.Subscribed>();
        var id = Place(s, "s");

        Inbound(Status(id, "Submitted"));
        Assert.Equal(id, s.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);
        Assert.Equal(id, watcher.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);

        // Order 1 of client 99 is not the desk's order 1: only the subscriber hears of it.
        Inbound(Status(id, "Cancelled", clientId: 99));
        var foreign = watcher.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Null(foreign.Strategy);
        s.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        watcher.Send(Manager, new OrderCommands.UnsubscribeOrderUpdates(subscribed.Id));
        watcher.ExpectMsg(new SubscriptionMessages.SubscriptionEnded(subscribed.Id, null));
        Inbound(Status(id, "Filled", 100, 0));
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_registered_strategy_receives_events_of_orders_placed_through_an_ask()
    {
        var s = CreateTestProbe("strategy");
        Connect(1);
        s.Send(Manager, new OrderCommands.RegisterStrategy(new StrategyId("s")));
        s.ExpectMsg<OrderEvents.StrategyRegistered>();
        var accepted = await Manager.Ask<OrderEvents.OrderAccepted>(new OrderCommands.PlaceOrder(Aapl, Order.Market(OrderAction.Buy, 1), new StrategyId("s")));
        Inbound(Status(accepted.OrderId, "Submitted"));
        Assert.Equal(accepted.OrderId, s.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);
    }
}
