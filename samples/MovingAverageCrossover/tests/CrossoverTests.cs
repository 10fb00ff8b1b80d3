using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Samples.MovingAverageCrossover.Tests;

public sealed class CrossoverSignalTests
{
    [Fact]
    public void No_target_until_the_slow_window_is_full_then_long_above_and_short_below()
    {
        Assert.Null(CrossoverSignal.Target([10m, 11m], fast: 1, slow: 3, quantity: 5));
        Assert.Equal(5m, CrossoverSignal.Target([10m, 11m, 12m], 1, 3, 5));
        Assert.Equal(-5m, CrossoverSignal.Target([12m, 11m, 10m], 1, 3, 5));
        Assert.Null(CrossoverSignal.Target([10m, 10m, 10m], 1, 3, 5));
    }

    [Theory]
    [InlineData(0, 3, "Fast")]
    [InlineData(3, 3, "Slow must be greater")]
    public void Bad_options_say_what_to_change(int fast, int slow, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => new CrossoverOptions { Fast = fast, Slow = slow }.Validated()).Message, StringComparison.Ordinal);
}

/// <summary>The actor with a desk probe in place of the desk.</summary>
public sealed class CrossoverStrategyTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public void Subscribes_to_bars_goes_long_on_a_rise_then_reverses_to_short_on_a_fall()
    {
        var desk = CreateDeskProbe();
        var id = new StrategyId("mac");
        Sys.ActorOf(CrossoverStrategy.Props(desk.Ref, id, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");
        desk.ExpectRegisterStrategy(id);
        var bars = desk.ExpectSubscribe<MarketDataMessages.SubscribeRealTimeBars>();
        Assert.Equal("AAPL", bars.Command.Contract.Symbol);
        bars.Subscribed();

        bars.Bar(100m).Bar(101m);
        var buy = desk.ExpectPlaceOrder();
        Assert.Equal((OrderAction.Buy, 10m, id), (buy.Command.Order.Action, buy.Command.Order.Quantity, buy.Command.Strategy));

        bars.Bar(99m); // an order is working: no second order
        desk.ExpectNoCommand(Quiet);

        buy.Accept(new OrderId(1)).Fill(10, 101m); // Filled, then OrderStatusChanged(Filled)
        bars.Bar(98m);
        var sell = desk.ExpectPlaceOrder();
        Assert.Equal((OrderAction.Sell, 20m), (sell.Command.Order.Action, sell.Command.Order.Quantity)); // from +10 to -10
    }
}

/// <summary>Rejected and lost orders are over: the next bar may trade again.</summary>
public sealed class CrossoverTerminalEventsTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public void After_OrderRejected_or_OrderLost_the_next_bar_places_a_new_order()
    {
        var desk = CreateDeskProbe();
        var id = new StrategyId("mac");
        Sys.ActorOf(CrossoverStrategy.Props(desk.Ref, id, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");
        desk.ExpectRegisterStrategy(id);
        var bars = desk.ExpectSubscribe<MarketDataMessages.SubscribeRealTimeBars>().Subscribed();
        bars.Bar(100m).Bar(101m);
        var first = desk.ExpectPlaceOrder().Accept(new OrderId(1));

        first.Reject(200, "No security definition has been found for the request");
        bars.Bar(102m);
        var second = desk.ExpectPlaceOrder().Accept(new OrderId(2));
        Assert.Equal(10m, second.Command.Order.Quantity);

        bars.Bar(103m); // order 2 works: nothing
        desk.ExpectNoCommand(Quiet);
        second.Lost("after the reconnect the gateway lists this order neither as open nor as completed");
        bars.Bar(104m);
        Assert.Equal(10m, desk.ExpectPlaceOrder().Command.Order.Quantity);
    }
}

/// <summary>After a desk failover the order in flight is what the new desk replays, not what the old one never answered.</summary>
public sealed class CrossoverFailoverTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public void After_a_desk_failover_a_replayed_resting_order_holds_the_next_bar_and_its_fill_frees_it()
    {
        var desk = CreateDeskProbe();
        var id = new StrategyId("mac");
        var mac = Sys.ActorOf(CrossoverStrategy.Props(desk.Ref, id, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");
        desk.ExpectRegisterStrategy(id);
        var bars = desk.ExpectSubscribe<MarketDataMessages.SubscribeRealTimeBars>().Subscribed();
        bars.Bar(100m).Bar(101m);
        desk.ExpectPlaceOrder(); // the desk went down before it answered; the gateway has it as order 1

        mac.Tell(new DeskFailover("akka.tcp://trading-desk@a:4053", "akka.tcp://trading-desk@b:4054", DateTimeOffset.UnixEpoch));
        desk.ExpectRegisterStrategy(id);
        desk.ExpectCommand<SubscriptionMessages.Resubscribe>();
        mac.Tell(new OrderEvents.OpenOrderUpdated(new OrderSnapshot(new OrderId(1), new PermId(900), 1, Contract.Stock("AAPL"), "BUY", 10,
            "MKT", null, null, OrderStatus.Submitted, "DU1", null, null, true, "td:mac", null, null, 0), id, DateTimeOffset.UnixEpoch));
        bars.Bar(102m);
        desk.ExpectNoCommand(Quiet); // order 1 works

        mac.Tell(new OrderEvents.OrderStatusChanged(new OrderId(1), new PermId(900), id, OrderStatus.Filled, 10, 0, 101m, 101m, null, null,
            null, DateTimeOffset.UnixEpoch));
        bars.Bar(99m);
        Assert.Equal(OrderAction.Sell, desk.ExpectPlaceOrder().Command.Order.Action);
    }
}

/// <summary>
/// End to end: the strategy, the real desk and the gateway simulator, on the simulator's manual market clock: two
/// 5-second bars take two clock steps, not ten seconds.
/// </summary>
public sealed class CrossoverSimulatorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task Trades_against_the_simulator_within_a_few_bars()
    {
        await using var sim = await StartSimulatorAsync(seed: 7, clientId: 5);
        var updates = await sim.SubscribeOrderUpdatesAsync();
        var mac = new StrategyId("mac");

        Sys.ActorOf(CrossoverStrategy.Props(sim.Desk, mac, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");

        // The bar line must be at the simulator before its clock moves, or the first bar would go to nobody.
        await sim.RequestReadAsync<Tws.RealTimeBarsRequest>();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));

        // Two bars with different closes: the fast average leaves the slow one and the strategy buys or sells at market.
        var fill = await updates.FishForMessageAsync<OrderEvents.Filled>(f => f.Strategy == mac);
        Assert.Equal(10m, fill.Quantity);
        Assert.True(fill.Price > 0);
    }
}
