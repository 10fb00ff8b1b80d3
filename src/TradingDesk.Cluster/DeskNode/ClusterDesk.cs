using System.Globalization;
using Akka.Actor;
using Akka.Event;
using TradingDesk.Cluster.Messages;
using TradingDesk.Desk;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// The desk as a cluster singleton (the child of the singleton manager on the oldest desk node). It runs the ordinary
/// <see cref="DeskActor"/> as its child, made cluster-aware by three options: items to strategies on other nodes go
/// through one flow-controlled <see cref="StreamOutlet"/> per node (<see cref="NodeFanout"/>), writes to the gateway pass
/// the <see cref="ClusterWriteGate"/>, and subscription ids start above every id an earlier incarnation used (so
/// strategies re-establish theirs under the same ids after a failover).
/// It answers the nodes' links (RegisterNode → NodeRegistered from this actor, which the links watch), tells each
/// remote link the desk's connection changes, pacer status and gateway notices (with the current connection state on
/// registration), and forwards everything else to the desk, keeping the sender (the desk refuses what is not a command).
/// </summary>
public sealed class ClusterDesk : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IActorRef> _links = [];
    private readonly string _incarnation;
    private readonly string _node;
    private ConnectionEvents.StateChanged? _lastState;

    public ClusterDesk(DeskOptions options)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        var started = Context.System.Scheduler.Now;
        _node = cluster.SelfAddress.ToString();
        _incarnation = $"{_node}#{started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        var desk = Context.ActorOf(DeskActor.Props(options with
        {
            // Milliseconds since 1970 × 1000: a later incarnation's ids start above every id an earlier one could hand out
            // unless it handed out more than a thousand per millisecond of the time between them.
            SubscriptionIdBase = started.ToUnixTimeMilliseconds() * 1000,
            Fanout = new NodeFanout(Context.System),
            WriteGate = new ClusterWriteGate(cluster),
        }), "desk");

        Receive<NodeLinkMessages.RegisterNode>(OnRegister);
        Receive<Terminated>(t => { _links.Remove(t.ActorRef); });
        Receive<ConnectionEvents.StateChanged>(changed =>
        {
            _lastState = changed;
            Relay(changed);
        });
        Receive<PacerStatus>(Relay);
        Receive<GatewayNotice>(Relay);
        ReceiveAny(message => desk.Forward(message));
    }

    public static Props Props(DeskOptions options) => Akka.Actor.Props.Create(() => new ClusterDesk(options));

    protected override void PreStart()
    {
        _log.Info("desk singleton {0} started on {1}", _incarnation, _node);
        Context.System.EventStream.Subscribe(Self, typeof(ConnectionEvents.StateChanged));
        Context.System.EventStream.Subscribe(Self, typeof(PacerStatus));
        Context.System.EventStream.Subscribe(Self, typeof(GatewayNotice));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnRegister(NodeLinkMessages.RegisterNode register)
    {
        if (_links.Add(Sender))
        {
            Context.Watch(Sender);
            _log.Info("desk: node {0} linked", register.Node);
        }
        Sender.Tell(new NodeLinkMessages.NodeRegistered(_incarnation, _node));
        if (_lastState is not null && !Sender.Path.Address.HasLocalScope) Sender.Tell(_lastState);
    }

    private void Relay(object deskEvent)
    {
        foreach (var link in _links)
            if (!link.Path.Address.HasLocalScope) link.Tell(deskEvent);
    }
}
