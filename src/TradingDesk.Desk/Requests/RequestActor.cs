using IBApi.protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Routing;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// Owns one one-shot or multi-part request (a child of the router): sends it through the pacer, folds the answers
/// with its <see cref="RequestPlan"/>, replies to the requester once (reply or RequestFailed) and stops.
/// The deadline starts when the request leaves the pacer (or at once while disconnected), so a long pacing queue
/// does not count against the gateway. When a live link drops, a request that is safe to retry waits for one Resend;
/// an attempt that fails with no link up loses nothing (the request is still queued at the pacer).
/// Supervision: the router restarts a request actor that throws (a few times, then stops it, which fails the request);
/// each incarnation starts from a fresh fold and sends the request again under the id it was created with.
/// </summary>
public sealed class RequestActor : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private sealed record Deadline(int RequestId) : INoSerializationVerificationNeeded;
    private sealed record QueueDeadline : INoSerializationVerificationNeeded;

    private readonly RequestPlan _plan;
    private readonly IActorRef _requester;
    private readonly IActorRef _pacer;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _queueLimit;
    private readonly bool _startConnected;
    private int _requestId;
    private bool _deadlineStarted;
    private bool _waitingForLink;
    private bool _retried;
    private bool _done;

    public ITimerScheduler Timers { get; set; } = null!;

    public RequestActor(RequestPlan plan, IActorRef requester, IActorRef pacer, int requestId, RequestTimeouts timeouts, bool connected)
    {
        // Props.Create evaluates its arguments once: a restarted incarnation gets the same plan object, with the parts
        // the failed one collected. Each incarnation sends the request again and must fold its answers from nothing.
        _plan = plan;
        _plan.Reset();
        _requester = requester;
        _pacer = pacer;
        _requestId = requestId;
        _timeout = plan.Timeout(timeouts);
        _startConnected = connected;
        _queueLimit = plan.Priority == OutboundPriority.Historical ? timeouts.QueueLimit * 3 : timeouts.QueueLimit;

        Receive<GatewayMessages.Inbound>(OnInbound);
        Receive<PacerMessages.Sent>(sent =>
        {
            if (sent.Key is not RouterInternal.RequestKey key) return;
            if (key.RequestId == _requestId) StartDeadline();
            else if (_plan.Cancel(key.RequestId) is { } cancel) _pacer.Tell(new GatewayMessages.Outbound(cancel, OutboundPriority.Data));
        });
        Receive<Deadline>(_ =>
        {
            if (_plan.CompleteOnDeadline(_timeout, Context.System.Scheduler.Now) is { } quiet) { Finish(quiet); return; }
            if (_plan.Cancel(_requestId) is { } cancel) _pacer.Tell(new GatewayMessages.Outbound(cancel, OutboundPriority.Data));
            Finish(new RequestFailed(_plan.Command, new RequestTimedOut(_timeout)));
        });
        Receive<QueueDeadline>(_ =>
        {
            _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, _requestId)));
            Finish(new RequestFailed(_plan.Command, new RequestTimedOut(_timeout + _queueLimit)));
        });
        // Options and scanners: a calculation the asker no longer waits for is cancelled at the gateway.
        Receive<Terminated>(t =>
        {
            if (!t.ActorRef.Equals(_requester)) return;
            if (_deadlineStarted && _plan.Cancel(_requestId) is { } cancel) _pacer.Tell(new GatewayMessages.Outbound(cancel, OutboundPriority.Data));
            _done = true;
            Context.Stop(Self);
        });
        Receive<RouterInternal.ConnectionDown>(down =>
        {
            if (_plan.SafeToRetry && !down.LinkLost) return;
            if (_plan.SafeToRetry && !_retried)
            {
                _waitingForLink = true;
                return;
            }
            Finish(new RequestFailed(_plan.Command, new ConnectionLost(down.Reason)));
        });
        Receive<RouterInternal.Resend>(resend =>
        {
            if (!_waitingForLink) return;
            _waitingForLink = false;
            _retried = true;
            _plan.Reset();
            Timers.Cancel("deadline"); // a fresh deadline from the re-send
            _deadlineStarted = false;
            Timers.StartSingleTimer("queued", new QueueDeadline(), _timeout + _queueLimit);
            _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, _requestId)));
            _requestId = resend.RequestId;
            Send();
        });
    }

    public static Props Props(RequestPlan plan, IActorRef requester, IActorRef pacer, int requestId, RequestTimeouts timeouts, bool connected) =>
        Akka.Actor.Props.Create(() => new RequestActor(plan, requester, pacer, requestId, timeouts, connected));

    // Timers exist from PreStart on (not in the constructor).
    protected override void PreStart()
    {
        if (_plan.CancelWhenRequesterStops && !_requester.IsNobody()) Context.Watch(_requester);
        if (!_startConnected) StartDeadline();
        // Backstop for a request that never leaves the pacer: without it such a request would wait for ever.
        else Timers.StartSingleTimer("queued", new QueueDeadline(), _timeout + _queueLimit);
        Send();
    }

    // A restart is not the end of the request: the next incarnation sends it again and answers the requester itself,
    // so the failed one takes its queued message back and cancels the one the gateway has (the id is used again), but
    // tells the requester nothing.
    protected override void PreRestart(Exception reason, object message)
    {
        _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, _requestId)));
        if (_deadlineStarted && _plan.Cancel(_requestId) is { } cancel) _pacer.Tell(new GatewayMessages.Outbound(cancel, OutboundPriority.Data));
    }

    protected override void PostStop()
    {
        _pacer.Tell(new GatewayMessages.Withdraw(new RouterInternal.RequestKey(Self, _requestId)));
        if (!_done) _requester.Tell(new RequestFailed(_plan.Command, new RequestCancelled("the desk stopped")));
    }

    private void Send() =>
        _pacer.Tell(new GatewayMessages.Outbound(_plan.Build(_requestId), _plan.Priority, new RouterInternal.RequestKey(Self, _requestId)));

    private void StartDeadline()
    {
        if (_deadlineStarted) return;
        _deadlineStarted = true;
        Timers.Cancel("queued");
        Timers.StartSingleTimer("deadline", new Deadline(_requestId), _timeout);
    }

    private void OnInbound(GatewayMessages.Inbound inbound)
    {
        if (_done || _waitingForLink) return;
        if (inbound.Message is ErrorMessage error)
        {
            if (ErrorClassifier.Classify(error.ErrorCode) == ErrorSeverity.Warning)
            {
                _log.Info("request {0} ({1}): warning {2} {3}", _requestId, _plan.Command.GetType().Name, error.ErrorCode, error.ErrorMsg);
                return;
            }
            if (_plan.FailureFor(error.ErrorCode, error.ErrorMsg) is { } typed) { Finish(new RequestFailed(_plan.Command, typed)); return; }
            Finish(new RequestFailed(_plan.Command, new GatewayError(error.ErrorCode, error.ErrorMsg, NullIfEmpty(error.AdvancedOrderRejectJson))));
            return;
        }
        switch (_plan.Accept(inbound.Message, inbound.ReceivedAt))
        {
            case Step.Complete complete:
                if (_plan.CancelAfterComplete && _plan.Cancel(_requestId) is { } cancel)
                    _pacer.Tell(new GatewayMessages.Outbound(cancel, OutboundPriority.Data));
                Finish(complete.Reply);
                break;
            case Step.Fail fail:
                Finish(new RequestFailed(_plan.Command, fail.Failure));
                break;
        }
    }

    private void Finish(object reply)
    {
        if (_done) return;
        _done = true;
        _requester.Tell(reply, Context.Parent);
        Context.Stop(Self);
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;
}
