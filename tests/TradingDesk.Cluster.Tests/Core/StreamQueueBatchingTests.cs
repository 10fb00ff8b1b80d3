using Akka.Actor;
using TradingDesk.Cluster.DeskNode;
using TradingDesk.Desk.Messages;
using Xunit;

namespace TradingDesk.Cluster.Tests.Core;

/// <summary>What an outlet relies on to batch a hot line: ticks kept in full while they can leave, and batch size caps.</summary>
public sealed class StreamQueueBatchingTests
{
    private static readonly IActorRef[] One = [ActorRefs.Nobody];
    private static readonly DateTimeOffset T = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    private static MarketDataMessages.Tick Bid(decimal price) => new(new SubscriptionId(1), TickType.Bid, price, null, null, 0, T);

    [Fact]
    public void Ticks_kept_in_full_stay_in_order_and_a_later_conflating_tick_replaces_only_the_newest()
    {
        var queue = new StreamQueue();
        queue.Enqueue(Bid(1m), One, conflate: false);
        queue.Enqueue(Bid(2m), One, conflate: false);
        queue.Enqueue(Bid(3m), One, conflate: true);

        var taken = queue.Take(10);

        Assert.Equal([(1m, 0), (3m, 1)], taken.Select(e => (((MarketDataMessages.Tick)e.Item).Price!.Value, e.Skipped)));
        Assert.Equal(1, queue.Conflated);
    }

    [Fact]
    public void A_tick_taken_from_the_front_leaves_a_newer_one_of_its_key_conflatable()
    {
        var queue = new StreamQueue();
        queue.Enqueue(Bid(1m), One, conflate: false);
        queue.Enqueue(Bid(2m), One, conflate: false);
        Assert.Single(queue.Take(1));
        queue.Enqueue(Bid(3m), One, conflate: true);

        var rest = Assert.Single(queue.Take(10));
        Assert.Equal((3m, 1), (((MarketDataMessages.Tick)rest.Item).Price!.Value, rest.Skipped));
    }

    [Fact]
    public void Take_stops_at_the_target_budget_but_always_takes_one_entry()
    {
        var ten = Enumerable.Repeat(ActorRefs.Nobody, 10).ToArray();
        var queue = new StreamQueue();
        for (var i = 0; i < 5; i++) queue.Enqueue(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(i), null), ten);

        Assert.Equal(2, queue.Take(256, 25).Count);
        Assert.Single(queue.Take(256, 5));
        Assert.Equal(2, queue.Count);
    }
}
