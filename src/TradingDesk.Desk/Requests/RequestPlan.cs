using Google.Protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Requests;

/// <summary>What a one-shot or multi-part request does with an inbound message.</summary>
public abstract record Step
{
    public sealed record Continue : Step { public static readonly Continue Instance = new(); }
    public sealed record Complete(object Reply) : Step;
    public sealed record Fail(DeskFailure Failure) : Step;
}

/// <summary>
/// The pure description of a one-shot (one reply) or multi-part (items until an End message) request: how to build
/// it for a request id, how to fold the answers, and whether it may be re-sent after a reconnect. The RequestActor
/// runs it; plans hold the collected parts (one plan instance per request).
/// </summary>
public abstract class RequestPlan
{
    /// <summary>The strategy's command (echoed in RequestFailed).</summary>
    public abstract object Command { get; }
    public virtual OutboundPriority Priority => OutboundPriority.Data;
    public abstract TimeSpan Timeout(RequestTimeouts timeouts);
    /// <summary>True when re-sending after a reconnect cannot do harm (reads with no side effects).</summary>
    public virtual bool SafeToRetry => false;
    public abstract IMessage Build(int requestId);
    /// <summary>Sent when the request is abandoned (timeout, cancel) after it was sent; null when none exists.</summary>
    public virtual IMessage? Cancel(int requestId) => null;
    public abstract Step Accept(IMessage message, DateTimeOffset receivedAt);
    /// <summary>True when the gateway keeps the request open after its End (account summary, positions): cancel it then.</summary>
    public virtual bool CancelAfterComplete => false;
    /// <summary>Forget partial answers (before a re-send).</summary>
    public virtual void Reset() { }
    /// <summary>A typed failure for a terminal gateway error this kind of request gives a meaning to; null for a plain GatewayError.</summary>
    public virtual DeskFailure? FailureFor(int code, string message) => null;
    // Options and scanners
    /// <summary>True when the gateway keeps computing for the request until cancelled: cancel it when the asker stops.</summary>
    public virtual bool CancelWhenRequesterStops => false;
    /// <summary>For requests IB answers only when they fail: the reply the deadline means, or null for RequestTimedOut.</summary>
    public virtual object? CompleteOnDeadline(TimeSpan waited, DateTimeOffset at) => null;
}

/// <summary>
/// The pure description of a streaming subscription: the request and its cancel for a request id, and how inbound
/// messages become the items every subscriber receives. Items carry the line's <see cref="SubscriptionId"/>.
/// </summary>
public abstract class StreamPlan
{
    public abstract object Command { get; }
    public virtual OutboundPriority Priority => OutboundPriority.Data;
    public abstract IMessage Build(int requestId);
    public abstract IMessage Cancel(int requestId);
    /// <summary>The item to fan out for <paramref name="message"/>, or null to ignore it.</summary>
    public abstract object? Map(IMessage message, SubscriptionId id, DateTimeOffset receivedAt);
    /// <summary>
    /// Whether <paramref name="item"/> describes the line rather than a change on it (the gateway says it once, as the
    /// line opens): the line keeps the latest of each kind and tells it to every subscriber that joins later.
    /// </summary>
    public virtual bool DescribesLine(object item) => false;
    /// <summary>A typed failure for a terminal gateway error this kind of stream gives a meaning to; null for a plain GatewayError.</summary>
    public virtual DeskFailure? FailureFor(int code, string message) => null;
}
