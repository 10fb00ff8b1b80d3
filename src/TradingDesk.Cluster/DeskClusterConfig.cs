using System.Globalization;
using Akka.Configuration;
using Akka.Hosting;

namespace TradingDesk.Cluster;

/// <summary>
/// The Akka configuration of a TradingDesk cluster node: remoting, cluster membership and roles, the split-brain
/// resolver, and the desk singleton's settings. One source for the hosted desk (<see cref="WithDeskCluster"/>) and for
/// tests that build actor systems by hand (<see cref="Create"/>).
/// <para>
/// Split-brain resolver: <b>keep-oldest</b> with <c>down-if-alone</c>, over all members (not the desk role alone).
/// The desk singleton runs on the oldest desk node, and the first desk node is normally the oldest member, so a network
/// split keeps the side that holds the desk and its gateway connection instead of moving it. A crashed or frozen oldest
/// node is alone on its side: <c>down-if-alone</c> downs it and the rest carry on, the standby taking the desk. The
/// resolver counts all members because with the desk role alone two desk nodes tie 1:1 and the standby would down
/// itself. A cluster of exactly two nodes keeps the oldest whichever fails; run three or more for desk failover.
/// </para>
/// <para>
/// Timings: a node is unreachable after <see cref="DeskClusterOptions.AcceptableHeartbeatPause"/> (3 s) without
/// heartbeats, and downed once membership was stable for <see cref="DeskClusterOptions.StableAfter"/> (5 s); the singleton
/// then starts on the standby. Akka's defaults (10 s pause, 20 s stable-after) hand over in about 47 s; these in about
/// 15 s. Shorter settings hand over faster but down a node that only paused (a long GC, a busy VM) sooner.
/// <c>run-coordinated-shutdown-when-down</c> is on: a downed node stops, so a desk that was downed never writes to the
/// gateway again (and until it learns of it, its write gate stays shut: see <see cref="DeskNode.ClusterWriteGate"/>).
/// A node restarted on its old address (a desk brought back by its service manager) is let in only once the cluster
/// has removed its old incarnation, which its first join sets off; <c>retry-unsuccessful-join-after</c> is 1 s instead
/// of Akka's 10 s, so the next attempt follows at once: such a desk is Up about 4 s after its start instead of 13.
/// </para>
/// </summary>
public static class DeskClusterConfig
{
    /// <summary>The node's configuration (validated first), with the desk's messages bound to its protobuf serializer.</summary>
    public static Config Create(DeskClusterOptions options) =>
        ConfigurationFactory.ParseString(Hocon(options.Validate())).WithFallback(Serialization.DeskSerialization.Config);

    /// <summary>Adds this node's cluster configuration to an Akka.Hosting composition.</summary>
    public static AkkaConfigurationBuilder WithDeskCluster(this AkkaConfigurationBuilder builder, DeskClusterOptions options) =>
        builder.AddHocon(Create(options), HoconAddMode.Prepend);

    internal static string Hocon(DeskClusterOptions o)
    {
        static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        // A founding node (no seeds) joins itself: the cluster exists from its first member on.
        var self = $"akka.tcp://{DeskClusterOptions.SystemName}@{o.PublicHostname ?? o.Hostname}:{o.Port}";
        var seeds = o.SeedNodes.Count > 0 ? o.SeedNodes : [self];
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {
              hostname = {{Q(o.Hostname)}}
              port = {{o.Port}}
              {{(o.PublicHostname is null ? "" : "public-hostname = " + Q(o.PublicHostname))}}
            }
            akka.cluster {
              seed-nodes = [{{string.Join(", ", seeds.Select(Q))}}]
              roles = [{{string.Join(", ", o.Roles.Select(Q))}}]
              failure-detector.acceptable-heartbeat-pause = {{Ms(o.AcceptableHeartbeatPause)}}
              retry-unsuccessful-join-after = 1s
              downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
              split-brain-resolver {
                active-strategy = keep-oldest
                stable-after = {{Ms(o.StableAfter)}}
                keep-oldest.down-if-alone = on
              }
              run-coordinated-shutdown-when-down = on
              singleton.role = {{Q(DeskRoles.Desk)}}
              singleton-proxy.role = {{Q(DeskRoles.Desk)}}
              singleton-proxy.singleton-identification-interval = 500ms
            }
            """);
    }
}
