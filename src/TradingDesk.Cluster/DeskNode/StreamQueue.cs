using Akka.Actor;
using TradingDesk.Cluster.Messages;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// What an outlet has not sent yet, in order, with market-data conflation: a tick whose subscription and tick type
/// already wait in the queue replaces the waiting one (which counts as skipped) instead of queueing behind it. Every
/// other item (depth, bars, notices, subscription endings) queues in full and keeps its place. Pure bookkeeping, no actor.
/// </summary>
public sealed class StreamQueue
{
    private sealed class Pending(object item, IActorRef[] targets)
    {
        public object Item { get; set; } = item;
        public IActorRef[] Targets { get; set; } = targets;
        public int Skipped { get; set; }
        public (long Subscription, int Type)? Key { get; init; }
    }

    private readonly LinkedList<Pending> _queue = new();
    private readonly Dictionary<(long, int), LinkedListNode<Pending>> _waitingTicks = [];

    public int Count => _queue.Count;

    /// <summary>Ticks dropped by conflation since this queue was made.</summary>
    public long Conflated { get; private set; }

    public void Enqueue(object item, IActorRef[] targets) => Enqueue(item, targets, conflate: true);

    /// <summary>
    /// Queues an item; with <paramref name="conflate"/> off a tick queues in full even when one of its subscription and
    /// tick type waits (an outlet does that while the tick can still go out at once), and later ticks conflate into the
    /// newest waiting one, so what is delivered stays in order.
    /// </summary>
    public void Enqueue(object item, IActorRef[] targets, bool conflate)
    {
        if (item is MarketDataMessages.Tick tick)
        {
            var key = (tick.Subscription.Value, (int)tick.Type);
            if (conflate && _waitingTicks.TryGetValue(key, out var waiting))
            {
                waiting.Value.Item = item;
                waiting.Value.Targets = targets;
                waiting.Value.Skipped++;
                Conflated++;
                return;
            }
            _waitingTicks[key] = _queue.AddLast(new Pending(item, targets) { Key = key });
            return;
        }
        _queue.AddLast(new Pending(item, targets));
    }

    /// <summary>Takes up to <paramref name="max"/> entries from the front.</summary>
    public List<StreamMessages.StreamEntry> Take(int max) => Take(max, int.MaxValue);

    /// <summary>
    /// Takes up to <paramref name="max"/> entries from the front whose targets add up to at most
    /// <paramref name="maxTargets"/> (always at least one entry): each target crosses as its actor path, so the batch's
    /// size on the wire grows with the targets more than with the items.
    /// </summary>
    public List<StreamMessages.StreamEntry> Take(int max, int maxTargets)
    {
        var taken = new List<StreamMessages.StreamEntry>(Math.Min(max, _queue.Count));
        var targets = 0;
        while (taken.Count < max && _queue.First is { } first)
        {
            targets += first.Value.Targets.Length;
            if (taken.Count > 0 && targets > maxTargets) break;
            _queue.RemoveFirst();
            if (first.Value.Key is { } key && _waitingTicks.TryGetValue(key, out var newest) && newest == first) _waitingTicks.Remove(key);
            taken.Add(new StreamMessages.StreamEntry(first.Value.Targets, first.Value.Item, first.Value.Skipped));
        }
        return taken;
    }
}
