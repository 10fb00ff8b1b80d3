using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
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

/// <summary>The actor with a desk probe in place of the desk and virtual time driving the requote timer.</summary>
public sealed class MakerStrategyTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly StrategyId Maker = new("maker");
    private static readonly MakerOptions Options = new() { Symbol = "MSFT", Quantity = 10, Window = 4, RequoteEvery = TimeSpan.FromSeconds(3) };

    [Fact]
    public void Rests_quotes_then_cancels_them_at_the_next_requote()
    {
        var (desk, book) = Start();
        Assert.Equal("MSFT", book.Command.Contract.Symbol);
        book.Quote(bid: 99m, ask: 100m); // one mid: at the mean, so both sides

        var orders = new[] { desk.ExpectPlaceOrder(), desk.ExpectPlaceOrder() };
        Assert.Equal([(OrderAction.Buy, 99m), (OrderAction.Sell, 100m)],
            orders.Select(o => (o.Command.Order.Action, o.Command.Order.LimitPrice!.Value)).Order().ToArray());
        orders[0].Accept(new OrderId(7));
        orders[1].Accept(new OrderId(8));

        // The requote timer was armed on start, before the maker saw the book that made it quote.
        Advance(TimeSpan.FromSeconds(3));
        var cancels = new[] { desk.ExpectCancelOrder(), desk.ExpectCancelOrder() };
        Assert.Equal([new OrderId(7), new OrderId(8)], cancels.Select(c => c.Command.OrderId).OrderBy(o => o.Value).ToArray());
    }

    [Fact]
    public void Cancels_each_order_once_and_quotes_again_after_its_orders_are_lost_or_rejected()
    {
        var (desk, first, second) = Quoting();
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectCancelOrder();
        desk.ExpectCancelOrder();

        // The cancels are unanswered: the next requotes neither cancel again nor quote.
        Advance(TimeSpan.FromSeconds(3));
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectNoCommand(Quiet);

        // One order the gateway forgot, the other it refused: both are over, so the maker quotes again.
        first.Lost("the gateway answered the cancel with 135");
        second.Reject(201, "Order rejected");
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectPlaceOrder();
        desk.ExpectPlaceOrder();
    }

    [Fact]
    public void A_cancel_that_failed_while_the_order_works_is_sent_again_at_the_next_requote_only()
    {
        var (desk, first, second) = Quoting();
        Advance(TimeSpan.FromSeconds(3));
        var cancels = new[] { desk.ExpectCancelOrder(), desk.ExpectCancelOrder() };
        cancels.Single(c => c.Command.OrderId == first.Id).Fail(new GatewayError(161, "Cancel attempted when order is not in a cancellable state"));
        cancels.Single(c => c.Command.OrderId == second.Id).Cancelled();
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectCancelOrder(first.Id);
        desk.ExpectNoCommand(Quiet);
    }

    [Fact]
    public void Quotes_as_soon_as_both_sides_of_the_book_are_known()
    {
        var (desk, book) = Start();
        book.Tick(TickType.Bid, 99m, 100);
        desk.ExpectNoCommand(Quiet);
        book.Tick(TickType.Ask, 100m, 100);
        desk.ExpectPlaceOrder(); // no time advanced: the first quotes do not wait a period
        desk.ExpectPlaceOrder();
    }

    [Fact]
    public void An_order_the_gateway_lost_is_requoted_at_once_when_nothing_else_rests()
    {
        var (desk, first, second) = Quoting();
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectCancelOrder();
        desk.ExpectCancelOrder();
        second.Reject(201, "Order rejected");
        desk.ExpectNoCommand(Quiet); // a rejection waits for the next period

        first.Lost("the gateway answered the cancel with 135");
        desk.ExpectPlaceOrder(); // no time advanced
    }

    [Fact]
    public void After_a_desk_failover_it_cancels_what_the_new_desk_says_rests_and_quotes_again()
    {
        var (desk, book) = Start();
        book.Quote(bid: 99m, ask: 100m);
        var first = desk.ExpectPlaceOrder().Accept(new OrderId(7));
        desk.ExpectPlaceOrder(); // the desk went down before it answered: the order was placed as id 8 all the same

        var maker = Sys.ActorSelection("/user/maker");
        maker.Tell(new DeskFailover("akka.tcp://trading-desk@a:4053", "akka.tcp://trading-desk@b:4054", DateTimeOffset.UnixEpoch));
        desk.ExpectRegisterStrategy(Maker);
        desk.ExpectCommand<SubscriptionMessages.Resubscribe>();
        maker.Tell(new OrderEvents.OpenOrderUpdated(Resting(new OrderId(8)), Maker, DateTimeOffset.UnixEpoch));

        Advance(TimeSpan.FromSeconds(3));
        var cancels = new[] { desk.ExpectCancelOrder(), desk.ExpectCancelOrder() };
        Assert.Equal([new OrderId(7), new OrderId(8)], cancels.Select(c => c.Command.OrderId).OrderBy(o => o.Value).ToArray());
        foreach (var cancel in cancels) maker.Tell(new OrderEvents.OrderStatusChanged(cancel.Command.OrderId, null, Maker, OrderStatus.Cancelled,
            0, 10, null, null, null, null, null, DateTimeOffset.UnixEpoch));
        Advance(TimeSpan.FromSeconds(3));
        desk.ExpectPlaceOrder();
        desk.ExpectPlaceOrder();
    }

    private static OrderSnapshot Resting(OrderId id) => new(id, new PermId(900), 1, Contract.Stock("MSFT"), "SELL", 10, "LMT", 100m,
        null, OrderStatus.Submitted, "DU1", null, null, true, "td:maker", null, null, 0);

    /// <summary>A started maker whose market data subscription is confirmed.</summary>
    private (DeskProbe Desk, DeskSubscription<MarketDataMessages.SubscribeMarketData> Book) Start()
    {
        var desk = CreateDeskProbe();
        Sys.ActorOf(MakerStrategy.Props(desk.Ref, Maker, Options), "maker");
        desk.ExpectRegisterStrategy(Maker);
        return (desk, desk.ExpectSubscribe<MarketDataMessages.SubscribeMarketData>().Subscribed());
    }

    /// <summary>A maker with two resting quotes (ids 7 and 8), placed as soon as the book was known.</summary>
    private (DeskProbe Desk, DeskOrder First, DeskOrder Second) Quoting()
    {
        var (desk, book) = Start();
        book.Quote(bid: 99m, ask: 100m);
        var first = desk.ExpectPlaceOrder().Accept(new OrderId(7));
        var second = desk.ExpectPlaceOrder().Accept(new OrderId(8));
        return (desk, first, second);
    }
}

/// <summary>
/// End to end: the maker, a real desk and the gateway simulator, on the simulator's manual market clock and the desk's
/// virtual time: quotes rest, and they are cancelled (or fill); after a restart that loses the gateway's state it quotes again.
/// </summary>
public sealed class MakerSimulatorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly StrategyId Maker = new("maker");

    [Fact]
    public async Task Rests_limit_orders_and_cancels_them_against_the_simulator()
    {
        await using var sim = await StartSimulatorAsync(seed: 7, clientId: 6);
        var updates = await sim.SubscribeOrderUpdatesAsync();

        Sys.ActorOf(MakerStrategy.Props(sim.Desk, Maker, new MakerOptions { Symbol = "MSFT", RequoteEvery = TimeSpan.FromSeconds(1) }), "maker");

        // The simulator sends the book as soon as the line opens: the first quotes rest without any time passing.
        var open = await updates.FishForMessageAsync<OrderEvents.OpenOrderUpdated>(o => o.Strategy == Maker);
        Assert.Equal("LMT", open.Order.OrderType);
        // The requote timer was armed on start, before the maker quoted: one period later it cancels what rests.
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await updates.FishForMessageAsync<OrderEvents.OrderStatusChanged>(
            s => s.Strategy == Maker && s.Status is OrderStatus.Cancelled or OrderStatus.ApiCancelled or OrderStatus.Filled);
    }

    [Fact]
    public async Task Quotes_again_after_a_gateway_restart_that_forgot_its_orders()
    {
        await using var sim = await StartSimulatorAsync(seed: 9, clientId: 6,
            desk: o => o with { BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200) });
        var updates = await sim.SubscribeOrderUpdatesAsync();
        // The first quotes go out with the first book; no requote comes within the test, so they rest when the gateway
        // forgets them, and the quotes after the restart come from the loss alone.
        Sys.ActorOf(MakerStrategy.Props(sim.Desk, Maker, new MakerOptions { Symbol = "MSFT", RequoteEvery = TimeSpan.FromMinutes(10) }), "maker");

        await updates.FishForMessageAsync<OrderEvents.OrderStatusChanged>(s => s.Strategy == Maker && s.PermId is not null && s.Status.IsActive());
        // Every placement the desk sent so far reached the gateway before this query: the highest old id.
        sim.Desk.Tell(new OrderCommands.GetOpenOrders(), updates.Ref);
        var highest = (await updates.FishForMessageAsync<OrderEvents.OpenOrders>(_ => true)).Orders
            .Where(o => o.ClientId == 6).Select(o => o.OrderId.Value).DefaultIfEmpty(0).Max();
        await sim.Simulator.Faults.RestartLosingStateAsync();
        // The reconnect waits its backoff on the desk's virtual clock; Reconnecting is published once that timer is armed.
        var reconnecting = await sim.Connection.FishForMessageAsync<ConnectionEvents.Reconnecting>(_ => true);
        Advance(reconnecting.Delay);
        await sim.Connection.FishForMessageAsync<ConnectionEvents.Connected>(c => c.IsReconnect, hint: "reconnect after the restart");

        // The quotes the gateway forgot end as lost, and the maker rests new ones instead of waiting for ever.
        await updates.FishForMessageAsync<OrderEvents.OrderLost>(l => l.Strategy == Maker);
        await updates.FishForMessageAsync<OrderEvents.OpenOrderUpdated>(o => o.Strategy == Maker && o.OrderId.Value > highest);
    }
}
