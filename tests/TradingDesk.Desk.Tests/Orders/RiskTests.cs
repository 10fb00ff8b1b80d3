using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

public sealed class RiskTests(ITestOutputHelper output) : OrderManagerTestKit(output, new OrderManagerOptions
{
    ClientId = 7,
    DefaultRiskLimits = new RiskLimits { MaxOrderQuantity = 1000, MaxNotional = 50_000m, MaxOpenOrders = 2, AllowedSymbols = new HashSet<string> { "AAPL", "ES" } },
    StrategyRiskLimits = new Dictionary<StrategyId, RiskLimits> { [new StrategyId("free")] = RiskLimits.Unlimited },
})
{
    private static readonly StrategyId S = new("s");

    private RiskDenied Denied(OrderCommands.PlaceOrder place)
    {
        var s = CreateTestProbe();
        s.Send(Manager, place);
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(place, failed.Request);
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // a denied order never reaches the gateway
        return Assert.IsType<RiskDenied>(failed.Failure);
    }

    [Fact]
    public void A_symbol_outside_the_allowed_list_is_denied()
    {
        Connect(1);
        Assert.Equal(RiskGate.AllowedSymbolsRule, Denied(new(Contract.Stock("TSLA"), Order.Limit(OrderAction.Buy, 1, 10m), S)).Rule);
    }

    [Fact]
    public void A_quantity_above_the_maximum_is_denied()
    {
        Connect(1);
        Assert.Equal(RiskGate.MaxQuantityRule, Denied(new(Aapl, Order.Limit(OrderAction.Buy, 1001, 1m), S)).Rule);
    }

    [Fact]
    public void A_notional_above_the_maximum_is_denied_with_the_multiplier_counted()
    {
        Connect(1);
        Assert.Equal(RiskGate.MaxNotionalRule, Denied(new(Aapl, Order.Limit(OrderAction.Buy, 300, 200m), S)).Rule);
        var es = Contract.Future("ES", "202612") with { Multiplier = "50" };
        var denied = Denied(new(es, Order.Limit(OrderAction.Buy, 1, 6000m), S)); // 300,000 notional
        Assert.Equal(RiskGate.MaxNotionalRule, denied.Rule);
        Assert.Contains("50", denied.Detail);
    }

    [Fact]
    public void A_market_order_without_any_known_price_is_denied_rather_than_guessed()
    {
        Connect(1);
        var denied = Denied(new(Aapl, Order.Market(OrderAction.Buy, 10), S));
        Assert.Equal(RiskGate.MaxNotionalRule, denied.Rule);
        Assert.Contains("ReferencePrice", denied.Detail);
    }

    [Fact]
    public void A_market_order_uses_the_supplied_reference_price_else_the_last_known_fill()
    {
        var s = CreateTestProbe();
        Connect(1);
        Assert.Equal(RiskGate.MaxNotionalRule, Denied(new(Aapl, Order.Market(OrderAction.Buy, 300), S, ReferencePrice: 200m)).Rule);
        s.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Market(OrderAction.Buy, 10), S, ReferencePrice: 200m));
        var first = s.ExpectMsg<OrderEvents.OrderAccepted>().OrderId;
        Sent<Tws.PlaceOrderRequest>();
        Inbound(Exec(first, "e1", shares: 10, price: 4000)); // the market moved: 300 × 4000 is far over the limit
        s.ExpectMsg<OrderEvents.Filled>();
        Assert.Equal(RiskGate.MaxNotionalRule, Denied(new(Aapl, Order.Market(OrderAction.Buy, 300), S)).Rule);
    }

    [Fact]
    public void More_working_orders_than_allowed_are_denied_and_a_finished_order_frees_its_slot()
    {
        var s = CreateTestProbe();
        Connect(1);
        var first = Place(s, "s", Order.Limit(OrderAction.Buy, 1, 10m));
        Place(s, "s", Order.Limit(OrderAction.Buy, 1, 10m));
        Assert.Equal(RiskGate.MaxOpenOrdersRule, Denied(new(Aapl, Order.Limit(OrderAction.Buy, 1, 10m), S)).Rule);
        Inbound(Status(first, "Filled", 1, 0));
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Place(s, "s", Order.Limit(OrderAction.Buy, 1, 10m));
    }

    [Fact]
    public void Per_strategy_limits_override_the_defaults_and_can_be_set_at_run_time()
    {
        var s = CreateTestProbe();
        Connect(1);
        Place(s, "free", Order.Limit(OrderAction.Buy, 5000, 500m), Contract.Stock("TSLA"));
        s.Send(Manager, new OrderCommands.SetRiskLimits(new StrategyId("free"), new RiskLimits { MaxOrderQuantity = 1 }));
        s.ExpectMsg<OrderEvents.RiskLimitsSet>();
        Assert.Equal(RiskGate.MaxQuantityRule, Denied(new(Aapl, Order.Limit(OrderAction.Buy, 2, 1m), new StrategyId("free"))).Rule);
    }

    [Fact]
    public void The_kill_switch_cancels_every_working_order_refuses_new_ones_and_can_be_released()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Connect(1);
        Sys.EventStream.Subscribe<OrderEvents.KillSwitchActivated>(TestActor);
        var o1 = Place(a, "free", Order.Limit(OrderAction.Buy, 1, 10m));
        var o2 = Place(b, "s", Order.Limit(OrderAction.Buy, 1, 10m));
        var done = Place(b, "s", Order.Limit(OrderAction.Buy, 1, 10m));
        Inbound(Status(done, "Filled", 1, 0));
        b.ExpectMsg<OrderEvents.OrderStatusChanged>();

        a.Send(Manager, new OrderCommands.ActivateKillSwitch("drawdown limit"));
        var activated = a.ExpectMsg<OrderEvents.KillSwitchActivated>();
        Assert.Equal([o1, o2], activated.CancelledOrders);
        Assert.Equal("drawdown limit", ExpectMsg<OrderEvents.KillSwitchActivated>().Reason);
        Sent<Tws.GlobalCancelRequest>();
        Assert.Equal(o1.Value, Sent<Tws.CancelOrderRequest>().OrderId);
        Assert.Equal(o2.Value, Sent<Tws.CancelOrderRequest>().OrderId);

        var denied = Denied(new(Aapl, Order.Limit(OrderAction.Buy, 1, 10m), new StrategyId("free")));
        Assert.Equal(new RiskDenied(RiskGate.KillSwitchRule, "drawdown limit"), denied);

        a.Send(Manager, new OrderCommands.ReleaseKillSwitch());
        a.ExpectMsg<OrderEvents.KillSwitchReleased>();
        Place(a, "free", Order.Limit(OrderAction.Buy, 1, 10m));
    }

    [Fact]
    public void An_active_kill_switch_re_sends_the_global_cancel_after_a_reconnect()
    {
        var s = CreateTestProbe();
        Connect(1);
        Disconnect();
        s.Send(Manager, new OrderCommands.ActivateKillSwitch("panic"));
        s.ExpectMsg<OrderEvents.KillSwitchActivated>();
        Pacer.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // nothing can go while offline
        Connect(1, reconnect: true);
        Sent<Tws.GlobalCancelRequest>();
    }

    [Fact]
    public void RiskGate_prices_stops_by_their_stop_and_never_uses_a_trailing_distance_as_a_price()
    {
        var limits = new RiskLimits { MaxNotional = 1000m };
        var stop = new RiskCheck(S, Aapl, Order.Stop(OrderAction.Sell, 10, 200m), null, null, 0, 1);
        Assert.Equal(RiskGate.MaxNotionalRule, RiskGate.Check(stop, limits, null)?.Rule);
        var trail = new RiskCheck(S, Aapl, Order.TrailingAmount(OrderAction.Sell, 10, 1m), null, null, 0, 1);
        Assert.Equal(RiskGate.MaxNotionalRule, RiskGate.Check(trail, limits, null)?.Rule); // no price known: denied, not 10 × 1
        Assert.Null(RiskGate.Check(trail with { ExplicitReferencePrice = 50m }, limits, null));
    }
}
