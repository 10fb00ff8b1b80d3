using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

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

/// <summary>The actor with a probe in place of the desk.</summary>
public sealed class CrossoverStrategyTests(ITestOutputHelper output) : TestKit(output)
{
    private static MarketDataMessages.RealTimeBar Bar(decimal close) =>
        new(new SubscriptionId(1), DateTimeOffset.UnixEpoch, close, close, close, close, 100, close, 1, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Subscribes_to_bars_goes_long_on_a_rise_then_reverses_to_short_on_a_fall()
    {
        var desk = CreateTestProbe();
        var id = new StrategyId("mac");
        var strategy = Sys.ActorOf(CrossoverStrategy.Props(desk.Ref, id, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        Assert.Equal("AAPL", desk.ExpectMsg<MarketDataMessages.SubscribeRealTimeBars>().Contract.Symbol);

        Send(strategy, Bar(100m));
        Send(strategy, Bar(101m));
        var buy = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        Assert.Equal((OrderAction.Buy, 10m, id), (buy.Order.Action, buy.Order.Quantity, buy.Strategy));

        Send(strategy, Bar(99m)); // an order is working: no second order
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Send(strategy, new OrderEvents.Filled(new OrderId(1), null, new ExecId("e1"), id, buy.Contract, "BOT", 10, 101m, 10, 101m, "DU1", "NASDAQ", null, DateTimeOffset.UnixEpoch));
        Send(strategy, new OrderEvents.OrderStatusChanged(new OrderId(1), null, id, OrderStatus.Filled, 10, 0, 101m, 101m, null, null, null, DateTimeOffset.UnixEpoch));
        Send(strategy, Bar(98m));
        var sell = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        Assert.Equal((OrderAction.Sell, 20m), (sell.Order.Action, sell.Order.Quantity)); // from +10 to -10
    }
}

/// <summary>Rejected and lost orders are over: the next bar may trade again.</summary>
public sealed class CrossoverTerminalEventsTests(ITestOutputHelper output) : TestKit(output)
{
    private static MarketDataMessages.RealTimeBar Bar(decimal close) =>
        new(new SubscriptionId(1), DateTimeOffset.UnixEpoch, close, close, close, close, 100, close, 1, DateTimeOffset.UnixEpoch);

    [Fact]
    public void After_OrderRejected_or_OrderLost_the_next_bar_places_a_new_order()
    {
        var desk = CreateTestProbe();
        var id = new StrategyId("mac");
        var strategy = Sys.ActorOf(CrossoverStrategy.Props(desk.Ref, id, new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg<MarketDataMessages.SubscribeRealTimeBars>();
        Send(strategy, Bar(100m));
        Send(strategy, Bar(101m));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        strategy.Tell(new OrderEvents.OrderAccepted(new OrderId(1)), desk.Ref);

        strategy.Tell(new OrderEvents.OrderRejected(new OrderId(1), 200, "No security definition has been found for the request", null, null, DateTimeOffset.UnixEpoch), desk.Ref);
        Send(strategy, Bar(102m));
        Assert.Equal(10m, desk.ExpectMsg<OrderCommands.PlaceOrder>().Order.Quantity);
        strategy.Tell(new OrderEvents.OrderAccepted(new OrderId(2)), desk.Ref);

        Send(strategy, Bar(103m)); // order 2 works: nothing
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        strategy.Tell(new OrderEvents.OrderLost(new OrderId(2), id, "after the reconnect the gateway lists this order neither as open nor as completed", DateTimeOffset.UnixEpoch), desk.Ref);
        Send(strategy, Bar(104m));
        Assert.Equal(10m, desk.ExpectMsg<OrderCommands.PlaceOrder>().Order.Quantity);
    }
}

/// <summary>End to end: the strategy, the real desk and the gateway simulator in real time.</summary>
public sealed class CrossoverSimulatorTests(ITestOutputHelper output)
    : TestKit(output, new TestKitOptions { UseTestClock = false, DefaultTimeout = TimeSpan.FromSeconds(30) })
{
    [Fact]
    public async Task Trades_against_the_simulator_within_a_few_bars()
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 7, Start = new DateTimeOffset(day.AddHours(15), TimeSpan.Zero) });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = sim.Port, ClientId = 5, Orders = new OrderManagerOptions { ClientId = 5 } });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var updates = CreateTestProbe();
        updates.Send(desk, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();

        Sys.ActorOf(CrossoverStrategy.Props(desk, new StrategyId("mac"), new CrossoverOptions { Symbol = "AAPL", Quantity = 10, Fast = 1, Slow = 2 }), "mac");

        var fill = updates.FishForMessage<OrderEvents.Filled>(f => f.Strategy == new StrategyId("mac"), TimeSpan.FromSeconds(40));
        Assert.Equal(10m, fill.Quantity);
        Assert.True(fill.Price > 0);
    }
}
