using IBApi.protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;

namespace TradingDesk.Desk.MarketData;

/// <summary>
/// Owns one streaming gateway line (a child of the router) and fans every item out to its subscribers: the same
/// item object to each (no per-subscriber copies). The router keeps the reference counts (<see cref="LineTable{T}"/>)
/// and tells this actor when a subscriber joins or leaves; it stops this actor when the last one leaves, and then
/// PostStop withdraws a still-queued request and sends the cancel.
/// Resend (after a reconnect or 1101) re-sends the request under a new id and tells subscribers Resubscribed.
/// A terminal error ends the line: subscribers get SubscriptionEnded with the failure and the actor stops.
/// </summary>
public sealed class SubscriptionActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly StreamPlan _plan;
    private readonly SubscriptionId _id;
    private readonly IActorRef _pacer;
    private readonly IStreamFanout _fanout;
    private IActorRef[] _subscribers;
    private int _requestId;
    private bool _everSent;     // the line has been live at the gateway at some point (Resubscribed is meaningful)
    private bool _liveOnLink;   // the current request left the pacer since the last disconnect: it is live now
    private DeskFailure? _endedBy; // the gateway ended the line: it waits for the router to stop it (LineEnded)
    // The latest item of each kind that describes the line (its data type, its parameters), for subscribers that join
    // after the gateway said it: a shared line must look the same to its tenth subscriber as to its first.
    private readonly Dictionary<Type, object> _lineFacts = [];
    // The line's tick counters, tag built once: the tick path reads no extension and allocates nothing for them.
    private readonly Telemetry.DeskMetrics.LineTicks _ticks;

    public SubscriptionActor(StreamPlan plan, SubscriptionId id, IActorRef firstSubscriber, IActorRef pacer, int requestId, IStreamFanout? fanout = null)
    {
        _fanout = fanout ?? DirectFanout.Instance;
        _plan = plan;
        _id = id;
        _pacer = pacer;
        _requestId = requestId;
        _subscribers = [firstSubscriber];
        _ticks = Telemetry.DeskMetrics.For(Context.System).ForLine(id.ToString());

        Receive<GatewayMessages.Inbound>(OnInbound);
        Receive<RouterInternal.AddSubscriber>(add =>
        {
            if (add.Reply is not null) add.Subscriber.Tell(add.Reply, Context.Parent);
            if (_endedBy is not null) add.Subscriber.Tell(new SubscriptionMessages.SubscriptionEnded(_id, _endedBy), Self);
            else if (Array.IndexOf(_subscribers, add.Subscriber) < 0)
            {
                _subscribers = [.. _subscribers, add.Subscriber];
                foreach (var fact in _lineFacts.Values) add.Subscriber.Tell(fact, Self);
            }
        });
        Receive<RouterInternal.RemoveSubscriber>(remove => _subscribers = _subscribers.Where(s => !s.Equals(remove.Subscriber)).ToArray());
        Receive<PacerMessages.Sent>(sent =>
        {
            if (sent.Key is not RouterInternal.RequestKey key) return;
            if (key.RequestId == _requestId) { _everSent = true; _liveOnLink = true; return; }
            // A superseded request still left the queue (it raced a Resend): cancel it so no orphan line stays open.
            _pacer.Tell(new GatewayMessages.Outbound(_plan.Cancel(key.RequestId), OutboundPriority.Data));
        });
        // A block body: with an expression body the bool assignment would pick Receive(Func<T, bool>) and read as "unhandled".
        Receive<RouterInternal.ConnectionDown>(_ => { _liveOnLink = false; }); // the request died with the link
        Receive<RouterInternal.Resend>(resend =>
        {
            if (_endedBy is not null) return;
            var old = _requestId;
            _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, old)));
            // Cancel the old id when it may be live at the gateway: after 1101, or when the request queued during the
            // outage already went out on the new link before this Resend arrived (otherwise it would be an orphan).
            // When its Sent arrives after this Resend instead, the stale-Sent rule above cancels it.
            if ((resend.CancelOld && _everSent) || _liveOnLink) _pacer.Tell(new GatewayMessages.Outbound(_plan.Cancel(old), OutboundPriority.Data));
            _requestId = resend.RequestId;
            _liveOnLink = false;
            var wasLive = _everSent;
            Send();
            if (wasLive && resend.Notify) FanOut(new SubscriptionMessages.Resubscribed(_id, resend.Reason, Context.System.Scheduler.Now));
        });
    }

    public static Props Props(StreamPlan plan, SubscriptionId id, IActorRef firstSubscriber, IActorRef pacer, int requestId, IStreamFanout? fanout = null) =>
        Akka.Actor.Props.Create(() => new SubscriptionActor(plan, id, firstSubscriber, pacer, requestId, fanout));

    protected override void PreStart() => Send();

    // Props.Create evaluates its arguments once: a restarted line would start with only its first subscriber. Hand
    // the others to the next incarnation through the mailbox (it survives the restart); then cancel the line as a
    // stop would, and the next incarnation's PreStart requests it again.
    protected override void PreRestart(Exception reason, object message)
    {
        foreach (var subscriber in _subscribers) Self.Tell(new RouterInternal.AddSubscriber(subscriber));
        PostStop();
    }

    protected override void PostStop()
    {
        if (_endedBy is not null) return;
        _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, _requestId)));
        _pacer.Tell(new GatewayMessages.Outbound(_plan.Cancel(_requestId), OutboundPriority.Data));
    }

    private void Send() =>
        _pacer.Tell(new GatewayMessages.Outbound(_plan.Build(_requestId), _plan.Priority, new RouterInternal.RequestKey(Self, _requestId)));

    private void OnInbound(GatewayMessages.Inbound inbound)
    {
        if (_endedBy is not null) return;
        if (inbound.Message is ErrorMessage error)
        {
            var now = inbound.ReceivedAt;
            if (ErrorClassifier.Classify(error.ErrorCode) == ErrorSeverity.Warning)
            {
                FanOut(new SubscriptionMessages.SubscriptionNotice(_id, error.ErrorCode, error.ErrorMsg, now));
                return;
            }
            _log.Warning("subscription {0} ({1}) ended by gateway error {2}: {3}", _id, _plan.Command.GetType().Name, error.ErrorCode, error.ErrorMsg);
            _endedBy = _plan.FailureFor(error.ErrorCode, error.ErrorMsg) ?? new GatewayError(error.ErrorCode, error.ErrorMsg);
            FanOut(new SubscriptionMessages.SubscriptionEnded(_id, _endedBy));
            // The router stops this line once it has taken it out of its table: a strategy that joins it until then
            // still gets its answer from here, and hears at once that the line ended.
            Context.Parent.Tell(new RouterInternal.LineEnded(_id));
            return;
        }
        if (_plan.Map(inbound.Message, _id, inbound.ReceivedAt) is not { } item) return;
        if (_plan.DescribesLine(item)) _lineFacts[item.GetType()] = item;
        _ticks.Tick(_subscribers.Length);
        FanOut(item);
    }

    private void FanOut(object item) => _fanout.FanOut(item, _subscribers, Self);
}
