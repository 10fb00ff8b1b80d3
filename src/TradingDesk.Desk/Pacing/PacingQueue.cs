using Google.Protobuf;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Desk.Pacing;

/// <summary>
/// The pacer's functional core: three FIFO queues (orders, data, historical), the message-rate window and the
/// historical pacing rules. Deterministic and single-threaded (time is passed in), so it is tested without actors.
/// Orders go before data, data before historical. A historical request that would break a historical rule waits
/// while later historical requests that break none may pass it (different contracts must not wait for one busy one).
/// </summary>
public sealed class PacingQueue
{
    private readonly LinkedList<Entry>[] _queues = [new(), new(), new()];
    private readonly RateWindow _rate;
    private readonly HistoricalPacing _historical = new();
    private readonly WaitWindow _waits = new();

    public PacingQueue(int messagesPerSecond, int burst, TimeSpan? jitterMargin = null) => _rate = new RateWindow(messagesPerSecond, burst, jitterMargin);

    /// <summary>One queued message.</summary>
    public sealed record Entry(IMessage Message, OutboundPriority Priority, object? Key, DateTimeOffset QueuedAt)
    {
        /// <summary>Historical requests are described once (identity, group, weight), not at every look.</summary>
        internal (Google.Protobuf.ByteString Identity, string Group, int Weight) Historical { get; init; }
    }

    public long SentTotal { get; private set; }

    public int Count => _queues[0].Count + _queues[1].Count + _queues[2].Count;

    /// <summary>Queued messages of one priority.</summary>
    public int CountOf(OutboundPriority priority) => _queues[(int)priority].Count;

    public void Enqueue(GatewayMessages.Outbound outbound, DateTimeOffset now)
    {
        // Historical requests obey the historical rules whatever priority they were given.
        var priority = HistoricalPacing.IsHistorical(outbound.Message) ? OutboundPriority.Historical : outbound.Priority;
        var entry = new Entry(outbound.Message, priority, outbound.Key, now);
        if (priority == OutboundPriority.Historical) entry = entry with { Historical = HistoricalPacing.Describe(outbound.Message) };
        _queues[(int)priority].AddLast(entry);
    }

    /// <summary>Removes every queued message with this key; returns how many.</summary>
    public int Withdraw(object key)
    {
        var removed = 0;
        foreach (var queue in _queues)
        {
            for (var node = queue.First; node is not null;)
            {
                var next = node.Next;
                if (Equals(node.Value.Key, key)) { queue.Remove(node); removed++; }
                node = next;
            }
        }
        return removed;
    }

    /// <summary>Drops queued messages of the given priorities (on disconnect); returns how many.</summary>
    public int Drop(params OutboundPriority[] priorities)
    {
        var dropped = 0;
        foreach (var p in priorities) { dropped += _queues[(int)p].Count; _queues[(int)p].Clear(); }
        return dropped;
    }

    /// <summary>
    /// Takes the next message that may be sent at <paramref name="now"/>, recording it as sent; null when none may.
    /// </summary>
    public Entry? TryTake(DateTimeOffset now)
    {
        if (Count == 0 || _rate.DelayAt(now) > TimeSpan.Zero) return null;
        Entry? taken = null;
        if (_queues[0].First is { } order) { taken = order.Value; _queues[0].RemoveFirst(); }
        else if (_queues[1].First is { } data) { taken = data.Value; _queues[1].RemoveFirst(); }
        else
        {
            for (var node = _queues[2].First; node is not null; node = node.Next)
            {
                if (_historical.DelayFor(node.Value.Historical, now) > TimeSpan.Zero) continue;
                taken = node.Value;
                _queues[2].Remove(node);
                _historical.Record(taken.Historical, now);
                break;
            }
        }
        if (taken is null) return null;
        _rate.Record(now);
        _waits.Record(now, now - taken.QueuedAt);
        SentTotal++;
        return taken;
    }

    /// <summary>When something queued could next be sent (null when the queues are empty).</summary>
    public TimeSpan? NextDelay(DateTimeOffset now)
    {
        if (Count == 0) return null;
        var rate = _rate.DelayAt(now);
        if (_queues[0].Count > 0 || _queues[1].Count > 0) return rate;
        var best = TimeSpan.MaxValue;
        foreach (var e in _queues[2])
        {
            var d = _historical.DelayFor(e.Historical, now);
            if (d < best) best = d;
            if (best == TimeSpan.Zero) break;
        }
        return rate > best ? rate : best;
    }

    public PacerStatus Status(DateTimeOffset now, bool connected)
    {
        // Each queue is FIFO, so its first entry is its oldest.
        var oldest = _queues.Where(q => q.First is not null).Select(q => q.First!.Value.QueuedAt).DefaultIfEmpty(now).Min();
        return new PacerStatus(_queues[0].Count, _queues[1].Count, _queues[2].Count, now - oldest, SentTotal, connected, now, _waits.P99(now));
    }
}
