using Akka.Actor;
using Akka.Cluster;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Cluster.NodeHost;

/// <summary>
/// Reports the node's view of the cluster and of the desk's connection as JSON lines: members unreachable and removed
/// (a test waits for a killed node's removal before it starts its successor), and the desk's connection states.
/// </summary>
public sealed class NodeEvents : ReceiveActor
{
    public NodeEvents()
    {
        Receive<ClusterEvent.UnreachableMember>(u => EventLine.Write("unreachable", ("member", u.Member.Address.ToString())));
        Receive<ClusterEvent.MemberRemoved>(r => EventLine.Write("removed", ("member", r.Member.Address.ToString())));
        Receive<ConnectionEvents.StateChanged>(c => EventLine.Write("connection", ("state", c.ToString())));
        ReceiveAny(_ => { });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new NodeEvents());

    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));
        Context.System.EventStream.Subscribe(Self, typeof(ConnectionEvents.StateChanged));
    }

    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
    }
}
