using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Desk.Pacing;

/// <summary>Queries and reports of the pacer (PacerActor).</summary>
public static class PacerMessages
{
    /// <summary>Ask the pacer for its <see cref="PacerStatus"/> (reply to the sender).</summary>
    public sealed record GetStatus : Messages.IDeskCommand
    {
        public static readonly GetStatus Instance = new();
    }

    /// <summary>
    /// A key type whose owner wants to hear when its message left the pacer: the pacer tells
    /// <see cref="Owner"/> a <see cref="Sent"/> with this key. Request actors use it to start their deadline at send time.
    /// </summary>
    public interface INotifyOnSent
    {
        IActorRef Owner { get; }
    }

    /// <summary>
    /// A key whose message belongs to a trace (an order's placeOrder): the pacer hands <see cref="Trace"/> to the
    /// connection with the write, and the connection's span of the write joins that trace.
    /// </summary>
    public interface ITracedKey
    {
        ActivityContext Trace { get; }
    }

    /// <summary>
    /// Told to <see cref="INotifyOnSent.Owner"/> when the message with this key leaves the pacer for the connection, just
    /// before the connection is handed it, so it always reaches the owner before any answer to that message. Inside the
    /// desk only (the key is any object), so it skips Akka's serialization check.
    /// </summary>
    public sealed record Sent(object Key, DateTimeOffset At) : INoSerializationVerificationNeeded;
}

/// <summary>
/// The pacer's state for the console view and tests: queued messages per priority, the oldest wait, what was sent.
/// Published on the EventStream every <c>DeskOptions.PacerStatusInterval</c> and returned by <see cref="PacerMessages.GetStatus"/>.
/// <see cref="WaitP99"/>: the 99th percentile of how long the messages sent in the last <see cref="WaitWindow.Length"/>
/// waited in the queues (zero for one that found room at once), null when none was sent in it. The cluster's wire form
/// does not carry it, so a copy relayed to another node has null there.
/// </summary>
public sealed record PacerStatus(
    int QueuedOrders,
    int QueuedData,
    int QueuedHistorical,
    TimeSpan OldestWait,
    long SentTotal,
    bool Connected,
    DateTimeOffset At,
    TimeSpan? WaitP99 = null)
{
    public int Queued => QueuedOrders + QueuedData + QueuedHistorical;

    public int QueuedFor(OutboundPriority priority) => priority switch
    {
        OutboundPriority.Order => QueuedOrders,
        OutboundPriority.Data => QueuedData,
        _ => QueuedHistorical,
    };
}
