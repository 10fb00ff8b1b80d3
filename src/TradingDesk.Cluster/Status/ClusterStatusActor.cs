using Akka.Actor;
using Akka.Cluster;
using TradingDesk.Cluster.Messages;
using static TradingDesk.Cluster.Messages.ClusterStatusMessages;

namespace TradingDesk.Cluster.Status;

/// <summary>
/// Answers <see cref="GetClusterStatus"/> at <c>/user/cluster-status</c> on every node (what <c>desk cluster status</c>
/// asks): the members as this node sees them, where the desk singleton runs (the oldest desk node that is up), and,
/// from the desk through the proxy, its gateway connection state and which strategy ids are held where. Each question
/// is gathered by its own <see cref="StatusGatherer"/>, which answers on its own deadline whatever the desk says.
/// </summary>
public sealed class ClusterStatusActor : ReceiveActor
{
    public const string Name = "cluster-status";

    /// <summary>How long a status waits for the desk's part before it answers without it.</summary>
    public static readonly TimeSpan DeskDeadline = TimeSpan.FromSeconds(3);

    public ClusterStatusActor(IActorRef deskProxy)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<GetClusterStatus>(_ =>
        {
            var state = cluster.State;
            var members = state.Members
                .Select(m => new MemberInfo(m.Address.ToString(), [.. m.Roles.Order(StringComparer.Ordinal)], m.Status.ToString(), !state.Unreachable.Contains(m)))
                .ToList();
            var deskNode = state.Members
                .Where(m => m.Status == MemberStatus.Up && m.HasRole(DeskRoles.Desk))
                .Aggregate((Member?)null, (oldest, m) => oldest is null || m.IsOlderThan(oldest) ? m : oldest)?.Address.ToString();
            var answer = new ClusterStatus(cluster.SelfAddress.ToString(), members, deskNode, "unknown", []);
            Context.ActorOf(StatusGatherer.Props(deskProxy, answer, Sender, DeskDeadline));
        });
    }

    public static Props Props(IActorRef deskProxy) => Akka.Actor.Props.Create(() => new ClusterStatusActor(deskProxy));
}
