using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Telemetry;

namespace TradingDesk.Desk.Pacing;

/// <summary>
/// The pacer's actor shell: every outgoing message (from request actors and the order manager) passes through here
/// and leaves for the connection as <see cref="GatewayMessages.Write"/> within IB's limits (see <see cref="PacingQueue"/>).
///
/// It writes to the actor that told it <see cref="ConnectionEvents.Connected"/> (the desk's connection, which is given
/// the pacer as a listener at creation): the pacer is created first and needs no reference to the connection.
/// While the connection is down nothing is sent. On Disconnected the data and historical queues are DROPPED: the
/// router fails or re-sends every request it owns once the link is back (with new request ids), so sending the old
/// ones later would duplicate them. ORDER-priority messages are KEPT and sent after the reconnect, in order: an
/// order or cancel the order manager queued must not vanish silently (it may Withdraw them by key if it prefers).
///
/// The pump. A message that finds room is written in the Outbound handler itself: no timer, no tick, no extra hop.
/// Only when the window is full does the pacer arm ONE timer, for the instant the next queued message may leave
/// (<see cref="PacingQueue.NextDelay"/>), and that pump writes everything due when it runs, then arms the next. A new
/// Outbound while throttled does not re-arm it (the instant can only move later). Akka's default scheduler
/// (HashedWheelTimer) fires a timer on the first tick at or after its instant (akka.scheduler.tick-duration, 10 ms
/// by default), so a queued message leaves less than one tick after IB's window allows it, and that lateness does not
/// add up along the queue: a late pump finds the token bucket refilled for the time it was late and sends all that is
/// due (with Burst ≥ 2, the default 5, the bucket keeps up to Burst - 1 tokens of lateness, far more than a tick),
/// and the window ring records actual send times. Messages never leave BEFORE the window allows them.
/// </summary>
public sealed class PacerActor : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private sealed record Pump : INoSerializationVerificationNeeded
    {
        public static readonly Pump Instance = new();
    }

    private sealed record PublishStatus : INoSerializationVerificationNeeded
    {
        public static readonly PublishStatus Instance = new();
    }

    private IActorRef? _connection;
    private readonly DeskOptions _options;
    private readonly PacingQueue _queue;
    private readonly ITimeProvider _time;
    private readonly DeskMetrics _metrics;
    private bool _connected;
    private DateTimeOffset? _pumpAt; // the instant the armed pump fires; null when none is armed

    public ITimerScheduler Timers { get; set; } = null!;

    public PacerActor(DeskOptions options)
    {
        _options = options;
        _queue = new PacingQueue(options.MessagesPerSecond, options.Burst, options.PacingJitterMargin);
        _time = Context.System.Scheduler;
        _metrics = DeskMetrics.For(Context.System);

        Receive<GatewayMessages.Outbound>(outbound =>
        {
            _queue.Enqueue(outbound, _time.Now);
            Drain();
        });
        Receive<GatewayMessages.Withdraw>(withdraw =>
        {
            _queue.Withdraw(withdraw.Key);
            ReportQueued();
        });
        Receive<Pump>(_ =>
        {
            _pumpAt = null;
            Drain();
        });
        Receive<PacerMessages.GetStatus>(_ => Sender.Tell(_queue.Status(_time.Now, _connected)));
        Receive<PublishStatus>(_ => Context.System.EventStream.Publish(_queue.Status(_time.Now, _connected)));
        Receive<ConnectionEvents.Connected>(_ =>
        {
            _connection = Sender;
            _connected = true;
            Drain();
        });
        Receive<ConnectionEvents.StateChanged>(changed =>
        {
            if (!_connected) return;
            _connected = false;
            Timers.Cancel(Pump.Instance);
            _pumpAt = null;
            if (changed is ConnectionEvents.Disconnected)
            {
                var dropped = _queue.Drop(OutboundPriority.Data, OutboundPriority.Historical);
                if (dropped > 0) _log.Info("pacer: dropped {0} queued data/historical requests on disconnect (the router re-sends or fails them)", dropped);
                ReportQueued();
            }
        });
    }

    public static Props Props(DeskOptions options) => Akka.Actor.Props.Create(() => new PacerActor(options));

    protected override void PreStart()
    {
        if (_options.PacerStatusInterval > TimeSpan.Zero)
            Timers.StartPeriodicTimer(PublishStatus.Instance, PublishStatus.Instance, _options.PacerStatusInterval);
    }

    private void Drain()
    {
        if (!_connected || _connection is null)
        {
            ReportQueued();
            return;
        }
        var now = _time.Now;
        while (_queue.TryTake(now) is { } entry)
        {
            RecordSent(entry, now);
            // The owner hears of the send before the connection gets the message, so Sent is in the owner's mailbox
            // before any answer the gateway can give to it: told after the write, a pacer thread descheduled between the
            // two tells could let the answer overtake it (an order's ack span would then start after its answer and never end).
            if (entry.Key is PacerMessages.INotifyOnSent notify) notify.Owner.Tell(new PacerMessages.Sent(entry.Key, now), Self);
            _connection.Tell(new GatewayMessages.Write(entry.Message, entry.Key is PacerMessages.ITracedKey traced ? traced.Trace : default), Self);
        }
        ReportQueued();
        if (_queue.NextDelay(now) is not { } delay) return;
        // NextDelay rounds up, so zero only means "at once" by a rounding hair: one scheduler tick then.
        var at = now + (delay > TimeSpan.Zero ? delay : TimeSpan.FromTicks(1));
        if (_pumpAt is { } armed && armed <= at) return; // the armed pump comes first and re-arms for what is left
        _pumpAt = at;
        Timers.StartSingleTimer(Pump.Instance, Pump.Instance, at - now);
    }

    private static readonly KeyValuePair<string, object?>[] PriorityTags =
        [new("priority", DeskMetrics.PriorityTag(OutboundPriority.Order)), new("priority", DeskMetrics.PriorityTag(OutboundPriority.Data)),
            new("priority", DeskMetrics.PriorityTag(OutboundPriority.Historical))];

    private void RecordSent(PacingQueue.Entry entry, DateTimeOffset now)
    {
        var tag = PriorityTags[(int)entry.Priority];
        if (_metrics.MessagesSent.Enabled) _metrics.MessagesSent.Add(1, tag);
        if (_metrics.PacerWait.Enabled) _metrics.PacerWait.Record((now - entry.QueuedAt).TotalSeconds, tag);
    }

    private void ReportQueued() =>
        _metrics.SetQueued(_queue.CountOf(OutboundPriority.Order), _queue.CountOf(OutboundPriority.Data), _queue.CountOf(OutboundPriority.Historical));
}
