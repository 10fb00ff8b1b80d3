using Akka.Actor;
using Akka.Event;
using TradingDesk.Cluster.DeskNode;
using TradingDesk.Cluster.Messages;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Cluster.Node;

/// <summary>
/// A node's link to the desk, at <c>/user/desk-link</c> on every node. It
/// <list type="bullet">
/// <item>registers with the desk through the singleton proxy and watches the desk actor that answers; when that one
/// terminates (its node crashed, was downed or handed over) it registers again until a desk answers, and when the
/// answer comes from another incarnation it publishes <see cref="DeskFailover"/> on this node's EventStream, which every
/// strategy acts on (it registers again and re-establishes its subscriptions);</item>
/// <item>receives the desk's stream batches for this node and hands each item to its local targets (a
/// <see cref="SubscriptionMessages.Conflated"/> first when ticks were skipped), acknowledging every
/// <see cref="StreamWindow.AckEvery"/> batches, and shortly after the last one when the stream pauses;</item>
/// <item>republishes the desk's connection events, pacer status and gateway notices on this node's EventStream when the
/// desk runs elsewhere, so watchers and views work the same on every node.</item>
/// </list>
/// States: Registering (RegisterNode every second until answered) ⇄ Linked (desk watched).
/// </summary>
public sealed class DeskLink : ReceiveActor, IWithTimers
{
    public const string Name = "desk-link";

    private sealed record RegisterAgain;
    private sealed record FlushAcks;

    private static readonly TimeSpan RegisterInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AckDelay = TimeSpan.FromMilliseconds(100);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Desk.Telemetry.DeskMetrics _metrics = Desk.Telemetry.DeskMetrics.For(Context.System);
    private readonly IActorRef _proxy;
    private readonly string _node;
    private readonly Dictionary<IActorRef, (long Received, long Acked)> _streams = [];
    private IActorRef _desk = ActorRefs.Nobody;
    private string? _incarnation;

    public DeskLink(IActorRef proxy)
    {
        _proxy = proxy;
        _node = Cluster(Context.System);
        Registering();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef proxy) => Akka.Actor.Props.Create(() => new DeskLink(proxy));

    protected override void PreStart() => Register();

    private static string Cluster(ActorSystem system) => Akka.Cluster.Cluster.Get(system).SelfAddress.ToString();

    private void Registering()
    {
        Receive<RegisterAgain>(_ => Register());
        Receive<NodeLinkMessages.NodeRegistered>(OnRegistered);
        Common();
    }

    private void Linked()
    {
        Receive<NodeLinkMessages.NodeRegistered>(OnRegistered);
        Receive<Terminated>(t => t.ActorRef.Equals(_desk), _ =>
        {
            _log.Warning("desk link: the desk at {0} is gone; waiting for a desk node to take over", _desk.Path.Address);
            Become(Registering);
            Register();
        });
        Common();
    }

    private void Common()
    {
        Receive<StreamMessages.StreamBatch>(OnBatch);
        Receive<FlushAcks>(_ => AckAll());
        Receive<ConnectionEvents.StateChanged>(Republish);
        Receive<PacerStatus>(Republish);
        Receive<GatewayNotice>(Republish);
        Receive<Terminated>(t => { _streams.Remove(t.ActorRef); });
    }

    private void Register()
    {
        _proxy.Tell(new NodeLinkMessages.RegisterNode(_node));
        Timers.StartSingleTimer(nameof(RegisterAgain), new RegisterAgain(), RegisterInterval);
    }

    private void OnRegistered(NodeLinkMessages.NodeRegistered registered)
    {
        Timers.Cancel(nameof(RegisterAgain));
        if (!Sender.Equals(_desk))
        {
            if (!_desk.IsNobody()) Context.Unwatch(_desk);
            var previous = _desk;
            _desk = Sender;
            Context.Watch(_desk);
            if (_incarnation is not null && _incarnation != registered.Incarnation)
            {
                _log.Warning("desk link: the desk moved from {0} to {1}; strategies re-establish their subscriptions", previous.Path.Address, registered.DeskNode);
                Context.System.EventStream.Publish(new DeskFailover(previous.Path.Address.ToString(), registered.DeskNode, Context.System.Scheduler.Now));
            }
            else
                _log.Info("desk link: linked to the desk on {0}", registered.DeskNode);
        }
        _incarnation = registered.Incarnation;
        Become(Linked);
    }

    private void OnBatch(StreamMessages.StreamBatch batch)
    {
        // On the node's clock against the desk's: on one host (or NTP-synchronised ones) that is the network and the
        // desk's remoting; a skew between hosts shows up as an offset.
        if (batch.SentAt is { } sentAt && _metrics.RemoteDelivery.Enabled) _metrics.RemoteDelivery.Record((Context.System.Scheduler.Now - sentAt).TotalSeconds);
        foreach (var entry in batch.Entries)
        {
            var conflated = entry.Skipped > 0 && entry.Item is MarketDataMessages.Tick tick
                ? new SubscriptionMessages.Conflated(tick.Subscription, tick.Type, entry.Skipped, tick.LocalTime)
                : null;
            foreach (var target in entry.Targets)
            {
                if (conflated is not null) target.Tell(conflated, ActorRefs.NoSender);
                target.Tell(entry.Item, ActorRefs.NoSender);
            }
        }
        var outlet = Sender;
        if (!_streams.TryGetValue(outlet, out var stream))
        {
            Context.Watch(outlet);
            stream = (0, 0);
        }
        stream.Received = Math.Max(stream.Received, batch.Sequence);
        _streams[outlet] = stream;
        if (stream.Received - stream.Acked >= StreamWindow.AckEvery) Ack(outlet);
        else if (!Timers.IsTimerActive(nameof(FlushAcks))) Timers.StartSingleTimer(nameof(FlushAcks), new FlushAcks(), AckDelay);
    }

    private void AckAll()
    {
        foreach (var outlet in _streams.Keys.ToList()) Ack(outlet);
    }

    private void Ack(IActorRef outlet)
    {
        var (received, acked) = _streams[outlet];
        if (received == acked) return;
        outlet.Tell(new StreamMessages.StreamAck(outlet.Path.Name, received), Self);
        _streams[outlet] = (received, received);
    }

    private void Republish(object deskEvent)
    {
        // The desk's own node has these events on its EventStream already.
        if (!Sender.Path.Address.HasLocalScope) Context.System.EventStream.Publish(deskEvent);
    }
}
