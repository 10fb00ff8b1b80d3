namespace TradingDesk.Desk.Messages;

/// <summary>Identifies one strategy's subscription (not the gateway request id, which can change on resubscribe).</summary>
public readonly record struct SubscriptionId(long Value)
{
    /// <summary>
    /// Ids from 2^62 up are order-update subscriptions (the order manager's); stream lines take the ids below, from
    /// <c>DeskOptions.SubscriptionIdBase</c> + 1 up. The gap leaves room for a cluster desk's base (its start time in
    /// unix ms × 1000, about 1.8 × 10^15 in 2026) for millennia.
    /// </summary>
    public const long FirstOrderUpdates = 1L << 62;

    public override string ToString() => $"sub-{Value}";
}

/// <summary>Messages common to every streaming subscription, whatever it streams.</summary>
public static class SubscriptionMessages
{
    /// <summary>First reply to any Subscribe command: items with this id follow in the subscriber's mailbox.</summary>
    public sealed record Subscribed(SubscriptionId Id, object Request);

    /// <summary>Sent by a subscriber (or by StrategyActor on stop) to end a subscription. Idempotent.</summary>
    public sealed record Unsubscribe(SubscriptionId Id) : IDeskCommand;

    /// <summary>
    /// A subscription is alive again after a reconnect or an 1101 (data lost): the desk re-sent it. The stream
    /// stays open; items may have been missed in between.
    /// </summary>
    public sealed record Resubscribed(SubscriptionId Id, string Reason, DateTimeOffset At);

    /// <summary>A warning for this subscription (e.g. 10167 delayed data shown, 2100-range notices); the stream stays open.</summary>
    public sealed record SubscriptionNotice(SubscriptionId Id, int Code, string Message, DateTimeOffset At);

    /// <summary>
    /// Sent by a strategy's base class after a desk failover (the new desk knows nothing of the old one's lines): re-establish
    /// <paramref name="Request"/> (the original Subscribe command) under the id the strategy already holds. Answered with
    /// <see cref="Resubscribed"/> for that id, or <see cref="Subscribed"/> with another id when a line for the same request
    /// already runs under it, or RequestFailed.
    /// </summary>
    public sealed record Resubscribe(SubscriptionId Id, object Request) : IDeskCommand;

    /// <summary>
    /// A strategy on a slow node was sent only the latest <paramref name="Type"/> tick of this subscription:
    /// <paramref name="Skipped"/> older ones were dropped on the desk's side instead of queueing (order events never are).
    /// Arrives just before the tick it precedes.
    /// </summary>
    public sealed record Conflated(SubscriptionId Id, TickType Type, int Skipped, DateTimeOffset At);

    /// <summary>The subscription ended: by request (<paramref name="Failure"/> null) or because of a terminal failure.</summary>
    public sealed record SubscriptionEnded(SubscriptionId Id, DeskFailure? Failure);
}
