using Google.Protobuf;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// One request an option chain sends (its underlying's contract details, its option parameters, one expiration's
/// contract details): the plain plan of that request, except that it is cancelled when its asker, the chain, stops.
/// A chain stops when it is done, fails or passes its overall deadline, and a part nobody waits for any longer must
/// not hold a place in the pacer or a request id. IB has no cancel message for either request, so "cancelled" is the
/// request actor stopping: withdrawn from the pacer if still queued, its late answer dropped.
/// </summary>
internal sealed class ChainPartPlan(RequestPlan part) : RequestPlan
{
    public override object Command => part.Command;
    public override Gateway.OutboundPriority Priority => part.Priority;
    public override TimeSpan Timeout(RequestTimeouts timeouts) => part.Timeout(timeouts);
    public override bool SafeToRetry => part.SafeToRetry;
    public override IMessage Build(int requestId) => part.Build(requestId);
    public override IMessage? Cancel(int requestId) => part.Cancel(requestId);
    public override Step Accept(IMessage message, DateTimeOffset receivedAt) => part.Accept(message, receivedAt);
    public override bool CancelAfterComplete => part.CancelAfterComplete;
    public override void Reset() => part.Reset();
    public override Messages.DeskFailure? FailureFor(int code, string message) => part.FailureFor(code, message);
    public override bool CancelWhenRequesterStops => true;
    public override object? CompleteOnDeadline(TimeSpan waited, DateTimeOffset at) => part.CompleteOnDeadline(waited, at);
}
