using Akka.Actor;

namespace TradingDesk.Cluster.Messages;

/// <summary>Between a strategy node's link (<c>/user/desk-link</c>) and the desk singleton.</summary>
public static class NodeLinkMessages
{
    /// <summary>
    /// Link → desk (through the singleton proxy), when the node starts and again after the desk it knew terminated.
    /// Answered with <see cref="NodeRegistered"/>, whose sender is the desk actor itself (the link watches it).
    /// </summary>
    public sealed record RegisterNode(string Node);

    /// <summary>
    /// Desk → link. <paramref name="Incarnation"/> names this desk's run (a new one after every failover), so the link
    /// tells a desk that moved from one that merely answered again.
    /// </summary>
    public sealed record NodeRegistered(string Incarnation, string DeskNode);
}

/// <summary>
/// Stream items from the desk's outlet for one node to that node's link, flow-controlled: the outlet keeps at most a
/// window of unacknowledged batches in flight; the link acknowledges cumulatively every quarter window.
/// </summary>
public static class StreamMessages
{
    /// <summary>One item for some local actors of the receiving node. <paramref name="Skipped"/> &gt; 0: conflated ticks dropped before this one.</summary>
    public sealed record StreamEntry(IReadOnlyList<IActorRef> Targets, object Item, int Skipped);

    /// <summary>
    /// Outlet → link: entries in order; <paramref name="Sequence"/> counts batches from 1 per outlet.
    /// <paramref name="SentAt"/>: the desk's clock when it left, for the node's delivery-latency metric (null from a
    /// desk that does not stamp its batches).
    /// </summary>
    public sealed record StreamBatch(string Outlet, long Sequence, IReadOnlyList<StreamEntry> Entries, DateTimeOffset? SentAt);

    /// <summary>Link → outlet: every batch up to <paramref name="UpTo"/> was delivered.</summary>
    public sealed record StreamAck(string Outlet, long UpTo);
}
