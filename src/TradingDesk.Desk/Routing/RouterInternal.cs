using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Desk.Routing;

/// <summary>
/// Messages between the router and its request / subscription actors. Not for strategies; they never leave the desk's
/// process, so they skip Akka's serialization check.
/// </summary>
internal static class RouterInternal
{
    /// <summary>
    /// The pacer key of one request actor's current gateway request. The pacer reports <see cref="PacerMessages.Sent"/>
    /// with it: the actor starts its deadline then, and cancels any stale request id that still left the queue.
    /// </summary>
    public sealed record RequestKey(IActorRef Owner, int RequestId) : PacerMessages.INotifyOnSent, INoSerializationVerificationNeeded;

    /// <summary>
    /// Send the request again under a new id. <paramref name="CancelOld"/>: the old one may still be live at the gateway
    /// (1101). <paramref name="Notify"/>: tell subscribers Resubscribed (not on the very first connect).
    /// </summary>
    public sealed record Resend(int RequestId, string Reason, bool CancelOld, bool Notify = true) : INoSerializationVerificationNeeded;

    /// <summary>
    /// The connection is down: one-shot requests fail with ConnectionLost, or wait for a Resend when safe to retry;
    /// streams note that their request is no longer live. LinkLost is false for an attempt that failed with no link
    /// up: the request is still queued at the pacer, so one safe to retry just waits for it to go out.
    /// </summary>
    public sealed record ConnectionDown(string Reason, bool LinkLost = true) : INoSerializationVerificationNeeded;

    /// <summary>A subscriber joins a running line; the line sends it <paramref name="Reply"/> (as the router) once it has added it.</summary>
    public sealed record AddSubscriber(IActorRef Subscriber, object? Reply = null) : INoSerializationVerificationNeeded;

    /// <summary>The gateway ended a line (a terminal error, told to its subscribers): the router forgets it and stops it.</summary>
    public sealed record LineEnded(SubscriptionId Id) : INoSerializationVerificationNeeded;

    /// <summary>A subscriber left a shared line (its last reference).</summary>
    public sealed record RemoveSubscriber(IActorRef Subscriber) : INoSerializationVerificationNeeded;
}
