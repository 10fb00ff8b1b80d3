using Akka.Cluster;
using TradingDesk.Desk.Connection;

namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// The desk's write gate in a cluster: the desk may write to the gateway only while the split-brain resolver would keep
/// its node, judged on the failure detector's view of this very moment rather than on the gossiped reachability, which
/// lags. A node that was frozen (SIGSTOP, a long pause) wakes with every other member's last heartbeat long past: at once
/// the others count as unavailable, the resolver's rule (keep-oldest, down-if-alone; see <see cref="DeskClusterConfig"/>)
/// says this side goes, and the gate shuts before the first write, while the standby may already own the gateway.
/// The node then learns it was downed and stops. Thread-safe: it only reads the cluster's views.
/// </summary>
public sealed class ClusterWriteGate(Akka.Cluster.Cluster cluster) : IGatewayWriteGate
{
    public bool MayWrite(out string reason)
    {
        var self = cluster.SelfMember;
        if (self.Status is not (MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Leaving))
        {
            reason = $"this node is {self.Status} in the cluster";
            return false;
        }
        var members = cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Leaving).ToList();
        if (members.Count <= 1)
        {
            reason = "";
            return true;
        }
        var available = members.Where(m => m.Address.Equals(self.Address) || cluster.FailureDetector.IsAvailable(m.Address)).ToList();
        var oldest = members.Aggregate((a, b) => b.IsOlderThan(a) ? b : a);
        var keep = KeepsThisSide(oldestHere: available.Contains(oldest), thisSide: available.Count, otherSide: members.Count - available.Count);
        reason = keep ? "" : $"only {available.Count} of {members.Count} cluster members answer heartbeats and the split-brain resolver would down this side";
        return keep;
    }

    /// <summary>Keep-oldest with down-if-alone, as the resolver decides it (the same rule, on the live view).</summary>
    internal static bool KeepsThisSide(bool oldestHere, int thisSide, int otherSide)
    {
        if (otherSide == 0) return true;
        if (oldestHere) return !(thisSide == 1 && otherSide >= 2);
        return otherSide == 1 && thisSide >= 2;
    }
}
