using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Routing;

// Resubscribe: a strategy re-establishes a subscription it held on a desk that is gone (a failover). The new desk knows
// nothing of the old one's lines, so the strategy names both the request and the id it holds, and the router brings the
// line back under that id when it can:
//   no line for the request, the id free     → a new line under that id (later new ids stay above it); Resubscribed
//   a line for the request under that id     → join it; Resubscribed
//   a line for the request under another id  → join it; Subscribed(that id, request): the strategy's base class then
//                                              replaces the id it holds (two strategies that shared a line on the old
//                                              desk may come back in either order and must share it again)
//   no line for the request, the id in use by a different request → RequestFailed(Resubscribe, InvalidRequest)
// Order-update subscriptions are the order manager's: the desk sends those to it, never here.
public sealed partial class RouterActor
{
    /// <summary>The reason <see cref="SubscriptionMessages.Resubscribed"/> carries after a Resubscribe.</summary>
    internal const string FailoverReason = "desk failover";

    private void OnResubscribe(SubscriptionMessages.Resubscribe resubscribe)
    {
        var (id, request) = (resubscribe.Id, resubscribe.Request);
        if (id.Value <= 0 || id.Value >= SubscriptionId.FirstOrderUpdates)
        {
            Refuse(resubscribe, $"{id} is not a line's subscription id (1 .. {SubscriptionId.FirstOrderUpdates - 1})");
            return;
        }
        if (StreamFor(request, id.Value) is not { } stream)
        {
            Refuse(resubscribe, $"{request?.GetType().Name ?? "null"} is not a subscribe command the desk streams");
            return;
        }
        // Session and multi-account: the checks of a first subscribe, so a failover opens no way around them
        if (Requests.SessionValidation.Problem(request!, _serverVersion) is { } problem)
        {
            Refuse(resubscribe, problem);
            return;
        }
        if (RefusalFor(stream) is { } refusal)
        {
            Refuse(resubscribe, refusal);
            return;
        }
        if (!_lines.ByKey.ContainsKey(stream.Key) && _lines.Find(id) is { } other)
        {
            Refuse(resubscribe, $"{id} is in use by another subscription ({other.Key.Kind}); subscribe again instead");
            return;
        }
        var now = _time.Now;
        JoinLine(stream, Sender, id, lineId => lineId == id
            ? new SubscriptionMessages.Resubscribed(id, FailoverReason, now)
            : new SubscriptionMessages.Subscribed(lineId, request));
    }

    private void Refuse(SubscriptionMessages.Resubscribe resubscribe, string why) => Refuse(resubscribe, new InvalidRequest(why));

    private void Refuse(SubscriptionMessages.Resubscribe resubscribe, DeskFailure why)
    {
        _log.Info("router: refused to resubscribe {0}: {1}", resubscribe.Id, why.Reason);
        Sender.Tell(new RequestFailed(resubscribe, why));
    }
}
