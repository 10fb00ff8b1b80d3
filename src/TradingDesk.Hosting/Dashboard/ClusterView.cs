using Akka.Actor;
using Akka.Cluster;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// The cluster panel from what this node's gossip says (pure, so it is tested without a cluster): every member with its
/// status, roles and reachability, this node marked, and where the desk singleton runs.
/// </summary>
public static class ClusterView
{
    /// <summary>
    /// One member as the gossip state lists it. <see cref="Age"/>: its place in the cluster's age ordering (0 is the
    /// oldest; the cluster's own <see cref="Member.AgeOrdering"/> gives it, the up number behind it is not public).
    /// </summary>
    public sealed record MemberSeen(Address Address, MemberStatus Status, IReadOnlyCollection<string> Roles, int Age, bool Reachable);

    public static ClusterPanel Build(Address self, IEnumerable<MemberSeen> members, string deskRole)
    {
        var all = members.ToList();
        // The singleton manager places the singleton on the oldest up member with its role. An unreachable oldest still
        // counts until it is downed (the singleton does not move before that), so the page shows it there, unreachable.
        var desk = all.Where(m => m.Status == MemberStatus.Up && m.Roles.Contains(deskRole)).OrderBy(m => m.Age).FirstOrDefault();
        return new ClusterPanel(true, self.ToString(), desk?.Address.ToString(),
            [.. all.OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).Select(m => new MemberRow(m.Address.ToString(), m.Status.ToString(),
                [.. m.Roles.Order(StringComparer.Ordinal)], m.Reachable, IsSelf: m.Address.Equals(self), HostsDesk: desk is not null && m.Address.Equals(desk.Address)))]);
    }
}
