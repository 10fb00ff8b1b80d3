using System.Collections.Immutable;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.MarketData;

/// <summary>What makes two subscriptions the same gateway line: the kind and a canonical description of the request.</summary>
public readonly record struct LineKey(string Kind, string Spec)
{
    public override string ToString() => $"{Kind}:{Spec}";
}

/// <summary>One shared line: its subscription id and how many references each subscriber holds.</summary>
public sealed record Line<TSubscriber>(LineKey Key, SubscriptionId Id, ImmutableDictionary<TSubscriber, int> References)
    where TSubscriber : notnull
{
    public int Total => References.Values.Sum();
}

/// <summary>
/// Reference-counted sharing of gateway lines (market data, real-time bars, depth, tick-by-tick, PnL …). Pure and
/// immutable: every operation returns a new table. Subscribers asking for the same <see cref="LineKey"/> share one
/// line (one gateway request); a subscriber that joins twice holds two references; the line is released when the
/// last reference leaves. Generic in the subscriber type so it is tested without actors.
/// </summary>
public sealed record LineTable<TSubscriber> where TSubscriber : notnull
{
    public static readonly LineTable<TSubscriber> Empty = new();

    public ImmutableDictionary<LineKey, Line<TSubscriber>> ByKey { get; init; } = ImmutableDictionary<LineKey, Line<TSubscriber>>.Empty;
    public ImmutableDictionary<SubscriptionId, LineKey> ById { get; init; } = ImmutableDictionary<SubscriptionId, LineKey>.Empty;

    public enum JoinResult { NewLine, Joined }

    /// <summary>Adds a reference; <paramref name="newId"/> is used only when the line is new.</summary>
    public (LineTable<TSubscriber> Table, Line<TSubscriber> Line, JoinResult Result) Join(LineKey key, TSubscriber subscriber, SubscriptionId newId)
    {
        if (ByKey.TryGetValue(key, out var line))
        {
            var refs = line.References.SetItem(subscriber, line.References.GetValueOrDefault(subscriber) + 1);
            var joined = line with { References = refs };
            return (this with { ByKey = ByKey.SetItem(key, joined) }, joined, JoinResult.Joined);
        }
        var created = new Line<TSubscriber>(key, newId, ImmutableDictionary<TSubscriber, int>.Empty.Add(subscriber, 1));
        return (this with { ByKey = ByKey.Add(key, created), ById = ById.Add(newId, key) }, created, JoinResult.NewLine);
    }

    /// <summary>
    /// Drops one reference of <paramref name="subscriber"/> on line <paramref name="id"/>. Returns the line after the
    /// change (null when it is gone: released) and whether the subscriber still holds references. Unknown: no change.
    /// </summary>
    public (LineTable<TSubscriber> Table, Line<TSubscriber>? Line, bool SubscriberStays, bool Changed) Leave(SubscriptionId id, TSubscriber subscriber)
    {
        if (!ById.TryGetValue(id, out var key) || !ByKey.TryGetValue(key, out var line) || !line.References.TryGetValue(subscriber, out var count))
            return (this, ByKey.GetValueOrDefault(ById.GetValueOrDefault(id)), false, false);
        var refs = count > 1 ? line.References.SetItem(subscriber, count - 1) : line.References.Remove(subscriber);
        if (refs.IsEmpty) return (Remove(id), null, false, true);
        var kept = line with { References = refs };
        return (this with { ByKey = ByKey.SetItem(key, kept) }, kept, count > 1, true);
    }

    /// <summary>Removes every reference of a subscriber (it terminated). Returns the lines it left and whether each was released.</summary>
    public (LineTable<TSubscriber> Table, IReadOnlyList<(SubscriptionId Id, bool Released)> Left) LeaveAll(TSubscriber subscriber)
    {
        var table = this;
        var left = new List<(SubscriptionId, bool)>();
        foreach (var line in ByKey.Values.Where(l => l.References.ContainsKey(subscriber)))
        {
            var refs = line.References.Remove(subscriber);
            if (refs.IsEmpty) { table = table.Remove(line.Id); left.Add((line.Id, true)); }
            else { table = table with { ByKey = table.ByKey.SetItem(line.Key, line with { References = refs }) }; left.Add((line.Id, false)); }
        }
        return (table, left);
    }

    /// <summary>Removes a line whatever its references (it ended on a terminal error).</summary>
    public LineTable<TSubscriber> Remove(SubscriptionId id) =>
        ById.TryGetValue(id, out var key) ? this with { ByKey = ByKey.Remove(key), ById = ById.Remove(id) } : this;

    public Line<TSubscriber>? Find(SubscriptionId id) => ById.TryGetValue(id, out var key) ? ByKey.GetValueOrDefault(key) : null;
}
