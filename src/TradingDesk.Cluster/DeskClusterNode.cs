using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using TradingDesk.Cluster.DeskNode;
using TradingDesk.Cluster.Node;
using TradingDesk.Cluster.Status;
using TradingDesk.Desk;

namespace TradingDesk.Cluster;

/// <summary>
/// The actors of a TradingDesk cluster node, in an actor system configured by <see cref="DeskClusterConfig"/>:
/// <list type="bullet">
/// <item><c>/user/desk</c>: on desk nodes, the singleton manager; the desk (<see cref="ClusterDesk"/>) runs on the oldest
/// desk node at <c>/user/desk/desk</c> and moves to the next when that node leaves or is downed;</item>
/// <item><c>/user/desk-proxy</c>: on every node, the way to the desk wherever it runs; strategies are given it as their
/// desk, so their code is the same whether the desk is local or remote;</item>
/// <item><c>/user/desk-link</c>: on every node, stream delivery and failover notices (<see cref="DeskLink"/>);</item>
/// <item><c>/user/cluster-status</c>: on every node, what <c>desk cluster status</c> asks (<see cref="ClusterStatusActor"/>).</item>
/// </list>
/// </summary>
public static class DeskClusterNode
{
    public const string DeskName = "desk";
    public const string ProxyName = "desk-proxy";

    /// <summary>The singleton manager (desk nodes only). Its singleton stops with a PoisonPill on hand-over.</summary>
    public static IActorRef StartDesk(ActorSystem system, DeskOptions options)
    {
        options.Validate();
        var settings = ClusterSingletonManagerSettings.Create(system).WithRole(DeskRoles.Desk).WithSingletonName(DeskName);
        return system.ActorOf(ClusterSingletonManager.Props(ClusterDesk.Props(options), PoisonPill.Instance, settings), DeskName);
    }

    /// <summary>The proxy to the desk singleton, wherever it runs.</summary>
    public static IActorRef StartProxy(ActorSystem system)
    {
        var settings = ClusterSingletonProxySettings.Create(system).WithRole(DeskRoles.Desk).WithSingletonName(DeskName);
        return system.ActorOf(ClusterSingletonProxy.Props($"/user/{DeskName}", settings), ProxyName);
    }

    /// <summary>The node's link to the desk and its status endpoint; returns the link.</summary>
    public static IActorRef StartLink(ActorSystem system, IActorRef proxy)
    {
        system.ActorOf(ClusterStatusActor.Props(proxy), ClusterStatusActor.Name);
        return system.ActorOf(DeskLink.Props(proxy), DeskLink.Name);
    }
}
