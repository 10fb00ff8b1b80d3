using Akka.Actor;
using TradingDesk.Cluster.DeskNode;
using TradingDesk.Desk.Messages;
using Xunit;

namespace TradingDesk.Cluster.Tests.Core;

public sealed class StreamQueueTests
{
    private static readonly IActorRef[] Targets = [ActorRefs.Nobody];
    private static readonly DateTimeOffset T = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    private static MarketDataMessages.Tick Tick(long sub, TickType type, decimal price) =>
        new(new SubscriptionId(sub), type, price, null, null, 0, T);

    [Fact]
    public void A_waiting_tick_of_the_same_subscription_and_type_is_replaced_and_counted()
    {
        var queue = new StreamQueue();
        queue.Enqueue(Tick(1, TickType.Bid, 10m), Targets);
        queue.Enqueue(Tick(1, TickType.Ask, 11m), Targets);
        queue.Enqueue(Tick(1, TickType.Bid, 10.5m), Targets);
        queue.Enqueue(Tick(1, TickType.Bid, 10.25m), Targets);

        var taken = queue.Take(10);

        Assert.Equal(2, taken.Count);
        Assert.Equal((10.25m, 2), (((MarketDataMessages.Tick)taken[0].Item).Price!.Value, taken[0].Skipped)); // kept its place, latest price
        Assert.Equal((11m, 0), (((MarketDataMessages.Tick)taken[1].Item).Price!.Value, taken[1].Skipped));
        Assert.Equal(2, queue.Conflated);
    }

    [Fact]
    public void Ticks_of_other_subscriptions_and_every_other_item_queue_in_full_and_in_order()
    {
        var queue = new StreamQueue();
        var ended = new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(1), null);
        queue.Enqueue(Tick(1, TickType.Last, 10m), Targets);
        queue.Enqueue(Tick(2, TickType.Last, 20m), Targets);
        queue.Enqueue(ended, Targets);
        queue.Enqueue(ended, Targets);

        var taken = queue.Take(10);

        Assert.Equal(4, taken.Count);
        Assert.All(taken, e => Assert.Equal(0, e.Skipped));
        Assert.Same(ended, taken[3].Item);
    }

    [Fact]
    public void A_tick_that_left_the_queue_is_not_conflated_with_a_later_one()
    {
        var queue = new StreamQueue();
        queue.Enqueue(Tick(1, TickType.Bid, 10m), Targets);
        Assert.Single(queue.Take(1));
        queue.Enqueue(Tick(1, TickType.Bid, 11m), Targets);
        var next = Assert.Single(queue.Take(1));
        Assert.Equal(0, next.Skipped);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Take_stops_at_the_batch_limit()
    {
        var queue = new StreamQueue();
        for (var i = 0; i < 5; i++) queue.Enqueue(Tick(i, TickType.Bid, i), Targets);
        Assert.Equal(3, queue.Take(3).Count);
        Assert.Equal(2, queue.Count);
    }
}
