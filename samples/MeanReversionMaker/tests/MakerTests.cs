using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Samples.MeanReversionMaker.Tests;

public sealed class QuotingTests
{
    private static readonly MakerOptions Options = new() { Quantity = 10, MaxPosition = 20 };

    [Fact]
    public void Below_the_mean_bids_above_it_offers_at_it_both()
    {
        Assert.Equal([new Quote(true, 99m, 10)], Quoting.Decide(99m, 100m, mean: 101m, position: 0, Options));
        Assert.Equal([new Quote(false, 100m, 10)], Quoting.Decide(99m, 100m, mean: 98m, position: 0, Options));
        Assert.Equal(2, Quoting.Decide(99m, 100m, mean: 99.5m, position: 0, Options).Count);
    }

    [Fact]
    public void Never_beyond_the_position_limit_and_nothing_without_a_touch()
    {
        Assert.Equal([new Quote(false, 100m, 10)], Quoting.Decide(99m, 100m, 99.5m, position: 20, Options));
        Assert.Equal([new Quote(true, 99m, 10)], Quoting.Decide(99m, 100m, 99.5m, position: -20, Options));
        Assert.Empty(Quoting.Decide(null, 100m, 99.5m, 0, Options));
        Assert.Empty(Quoting.Decide(99m, 100m, null, 0, Options));
    }

    [Fact]
    public void Bad_options_say_what_to_change() =>
        Assert.Contains("MaxPosition", Assert.Throws<ArgumentException>(() => new MakerOptions { Quantity = 10, MaxPosition = 5 }.Validated()).Message, StringComparison.Ordinal);
}

/// <summary>The actor with a probe in place of the desk and the test clock driving the requote timer.</summary>
public sealed class MakerStrategyTests(ITestOutputHelper output) : TestKit(output)
{
    private static MarketDataMessages.Tick Tick(TickType type, decimal price) => new(new SubscriptionId(1), type, price, 100, null, 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Rests_quotes_then_cancels_them_at_the_next_requote()
    {
        var desk = CreateTestProbe();
        var id = new StrategyId("maker");
        var maker = Sys.ActorOf(MakerStrategy.Props(desk.Ref, id, new MakerOptions { Symbol = "MSFT", Quantity = 10, Window = 4, RequoteEvery = TimeSpan.FromSeconds(3) }), "maker");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        Assert.Equal("MSFT", desk.ExpectMsg<MarketDataMessages.SubscribeMarketData>().Contract.Symbol);
        Send(maker, Tick(TickType.Bid, 99m));
        Send(maker, Tick(TickType.Ask, 100m)); // one mid: at the mean, so both sides

        Clock.Advance(TimeSpan.FromSeconds(3));
        var first = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        var second = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        Assert.Equal([(OrderAction.Buy, 99m), (OrderAction.Sell, 100m)],
            new[] { first, second }.Select(p => (p.Order.Action, p.Order.LimitPrice!.Value)).Order().ToArray());
        maker.Tell(new OrderEvents.OrderAccepted(new OrderId(7)), desk.Ref);
        maker.Tell(new OrderEvents.OrderAccepted(new OrderId(8)), desk.Ref);

        Clock.Advance(TimeSpan.FromSeconds(3));
        var cancels = new[] { desk.ExpectMsg<OrderCommands.CancelOrder>(), desk.ExpectMsg<OrderCommands.CancelOrder>() };
        Assert.Equal([new OrderId(7), new OrderId(8)], cancels.Select(c => c.OrderId).OrderBy(o => o.Value).ToArray());
    }
}

/// <summary>End to end against the gateway simulator in real time: quotes rest, some fill, and they are cancelled.</summary>
public sealed class MakerSimulatorTests(ITestOutputHelper output)
    : TestKit(output, new TestKitOptions { UseTestClock = false, DefaultTimeout = TimeSpan.FromSeconds(30) })
{
    [Fact]
    public async Task Rests_limit_orders_and_cancels_them_against_the_simulator()
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 7, Start = new DateTimeOffset(day.AddHours(15), TimeSpan.Zero) });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = sim.Port, ClientId = 6, Orders = new OrderManagerOptions { ClientId = 6 } });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var updates = CreateTestProbe();
        updates.Send(desk, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();

        Sys.ActorOf(MakerStrategy.Props(desk, new StrategyId("maker"), new MakerOptions { Symbol = "MSFT", RequoteEvery = TimeSpan.FromSeconds(1) }), "maker");

        var open = updates.FishForMessage<OrderEvents.OpenOrderUpdated>(o => o.Strategy == new StrategyId("maker"), TimeSpan.FromSeconds(20));
        Assert.Equal("LMT", open.Order.OrderType);
        updates.FishForMessage<OrderEvents.OrderStatusChanged>(
            s => s.Strategy == new StrategyId("maker") && s.Status is OrderStatus.Cancelled or OrderStatus.ApiCancelled or OrderStatus.Filled, TimeSpan.FromSeconds(20));
    }
}
