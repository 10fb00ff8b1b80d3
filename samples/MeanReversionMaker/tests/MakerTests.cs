using TradingDesk.Actors;
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

    [Fact]
    public void Cancels_each_order_once_and_quotes_again_after_its_orders_are_lost_or_rejected()
    {
        var (desk, maker) = Quoting(out var first, out var second);
        Clock.Advance(TimeSpan.FromSeconds(3));
        desk.ExpectMsg<OrderCommands.CancelOrder>();
        desk.ExpectMsg<OrderCommands.CancelOrder>();

        // The cancels are unanswered: the next requotes neither cancel again nor quote.
        Clock.Advance(TimeSpan.FromSeconds(3));
        Clock.Advance(TimeSpan.FromSeconds(3));
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // One order the gateway forgot, the other it refused: both are over, so the maker quotes again.
        maker.Tell(new OrderEvents.OrderLost(first, new StrategyId("maker"), "the gateway answered the cancel with 135", DateTimeOffset.UnixEpoch), desk.Ref);
        maker.Tell(new OrderEvents.OrderRejected(second, 201, "Order rejected", null, null, DateTimeOffset.UnixEpoch), desk.Ref);
        Clock.Advance(TimeSpan.FromSeconds(3));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
    }

    [Fact]
    public void A_cancel_that_failed_while_the_order_works_is_sent_again_at_the_next_requote_only()
    {
        var (desk, maker) = Quoting(out var first, out var second);
        Clock.Advance(TimeSpan.FromSeconds(3));
        var cancels = new[] { desk.ExpectMsg<OrderCommands.CancelOrder>(), desk.ExpectMsg<OrderCommands.CancelOrder>() };
        var refused = cancels.Single(c => c.OrderId == first);
        maker.Tell(new RequestFailed(refused, new GatewayError(161, "Cancel attempted when order is not in a cancellable state")), desk.Ref);
        maker.Tell(new OrderEvents.OrderStatusChanged(second, null, new StrategyId("maker"), OrderStatus.Cancelled, 0, 10, null, null, null, null, null, DateTimeOffset.UnixEpoch), desk.Ref);
        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(first, desk.ExpectMsg<OrderCommands.CancelOrder>().OrderId);
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Quotes_as_soon_as_both_sides_of_the_book_are_known()
    {
        var desk = CreateTestProbe();
        var maker = Sys.ActorOf(MakerStrategy.Props(desk.Ref, new StrategyId("maker"), new MakerOptions { Symbol = "MSFT", Quantity = 10, Window = 4, RequoteEvery = TimeSpan.FromSeconds(3) }), "maker");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg<MarketDataMessages.SubscribeMarketData>();
        Send(maker, Tick(TickType.Bid, 99m));
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Send(maker, Tick(TickType.Ask, 100m));
        desk.ExpectMsg<OrderCommands.PlaceOrder>(); // no clock advanced: the first quotes do not wait a period
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
    }

    [Fact]
    public void An_order_the_gateway_lost_is_requoted_at_once_when_nothing_else_rests()
    {
        var (desk, maker) = Quoting(out var first, out var second);
        Clock.Advance(TimeSpan.FromSeconds(3));
        desk.ExpectMsg<OrderCommands.CancelOrder>();
        desk.ExpectMsg<OrderCommands.CancelOrder>();
        maker.Tell(new OrderEvents.OrderRejected(second, 201, "Order rejected", null, null, DateTimeOffset.UnixEpoch), desk.Ref);
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // a rejection waits for the next period

        maker.Tell(new OrderEvents.OrderLost(first, new StrategyId("maker"), "the gateway answered the cancel with 135", DateTimeOffset.UnixEpoch), desk.Ref);
        desk.ExpectMsg<OrderCommands.PlaceOrder>(); // no clock advanced
    }

    /// <summary>A maker with two resting quotes (ids 7 and 8), placed as soon as the book was known.</summary>
    private (TestProbe Desk, IActorRef Maker) Quoting(out OrderId first, out OrderId second)
    {
        var desk = CreateTestProbe();
        var maker = Sys.ActorOf(MakerStrategy.Props(desk.Ref, new StrategyId("maker"), new MakerOptions { Symbol = "MSFT", Quantity = 10, Window = 4, RequoteEvery = TimeSpan.FromSeconds(3) }), "maker");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg<MarketDataMessages.SubscribeMarketData>();
        Send(maker, Tick(TickType.Bid, 99m));
        Send(maker, Tick(TickType.Ask, 100m));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        (first, second) = (new OrderId(7), new OrderId(8));
        maker.Tell(new OrderEvents.OrderAccepted(first), desk.Ref);
        maker.Tell(new OrderEvents.OrderAccepted(second), desk.Ref);
        return (desk, maker);
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

    [Fact]
    public async Task Quotes_again_after_a_gateway_restart_that_forgot_its_orders()
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 9, Start = new DateTimeOffset(day.AddHours(15), TimeSpan.Zero) });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Port = sim.Port, ClientId = 6, BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var updates = CreateTestProbe();
        updates.Send(desk, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();
        var maker = new StrategyId("maker");
        // The first quotes go out with the first book; no requote comes within the test, so they rest when the gateway
        // forgets them, and the quotes after the restart come from the loss alone.
        Sys.ActorOf(MakerStrategy.Props(desk, maker, new MakerOptions { Symbol = "MSFT", RequoteEvery = TimeSpan.FromMinutes(10) }), "maker");

        updates.FishForMessage<OrderEvents.OrderStatusChanged>(s => s.Strategy == maker && s.PermId is not null && s.Status.IsActive(), TimeSpan.FromSeconds(20));
        // Every placement the desk sent so far reached the gateway before this query: the highest old id.
        updates.Send(desk, new OrderCommands.GetOpenOrders());
        var highest = updates.FishForMessage<OrderEvents.OpenOrders>().Orders.Where(o => o.ClientId == 6).Select(o => o.OrderId.Value).DefaultIfEmpty(0).Max();
        await sim.Faults.RestartLosingStateAsync();
        connected.ExpectMsg<ConnectionEvents.Connected>(c => c.IsReconnect, hint: "reconnect after the restart");

        // The quotes the gateway forgot end as lost, and the maker rests new ones instead of waiting for ever.
        updates.FishForMessage<OrderEvents.OrderLost>(l => l.Strategy == maker, TimeSpan.FromSeconds(20));
        updates.FishForMessage<OrderEvents.OpenOrderUpdated>(o => o.Strategy == maker && o.OrderId.Value > highest, TimeSpan.FromSeconds(20));
    }
}
