using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Cluster.Messages;
using static TradingDesk.Cluster.Messages.ClusterStatusMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Asks one cluster node for the cluster as it sees it, from outside the cluster: a remote-only actor system (provider
/// remote, a free port on 127.0.0.1, so it never joins or disturbs the membership) sends <see cref="GetClusterStatus"/>
/// to the node's <c>/user/cluster-status</c> and waits at most the given time for the answer.
/// </summary>
public static class ClusterStatusClient
{
    /// <summary>The name of the asking system: not the cluster's, so the nodes never take it for one of theirs.</summary>
    public const string SystemName = "desk-cli";

    /// <summary>The node's answer, or null when none came within <paramref name="timeout"/>.</summary>
    public static async Task<ClusterStatus?> AskAsync(string node, TimeSpan timeout, CancellationToken cancellation)
    {
        var system = ActorSystem.Create(SystemName, Configuration());
        try
        {
            var status = system.ActorSelection(node.TrimEnd('/') + "/user/cluster-status");
            return await status.Ask<ClusterStatus>(new GetClusterStatus(), timeout, cancellation);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
        finally
        {
            // Leaving the remoting layer is quick; bounded anyway, so a stuck association never holds the command.
            await Task.WhenAny(system.Terminate(), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        }
    }

    /// <summary>
    /// Remote only, quiet (the command's own line says what went wrong; Akka's association errors would only repeat it
    /// at length), and the desk's serializer binding, so the answer reads as the nodes write it.
    /// </summary>
    internal static Config Configuration() => ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.provider = remote
          remote.log-remote-lifecycle-events = off
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """).WithFallback(TradingDesk.Cluster.Serialization.DeskSerialization.Config);


    /// <summary>The answer as lines for a terminal.</summary>
    public static IEnumerable<string> Lines(ClusterStatus s)
    {
        yield return $"cluster as seen by {s.AnsweredBy}";
        yield return $"members ({s.Members.Count}):";
        var width = s.Members.Count == 0 ? 0 : s.Members.Max(m => m.Address.Length);
        foreach (var m in s.Members.OrderBy(m => m.Address, StringComparer.Ordinal))
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {m.Address.PadRight(width)}  {m.Status,-8} {(m.Reachable ? "reachable" : "UNREACHABLE"),-11}  roles {(m.Roles.Count == 0 ? "none" : string.Join(",", m.Roles))}");
        yield return $"desk: {s.DeskNode ?? "not running (no desk node is up)"}";
        yield return $"gateway: {s.Gateway}";
        yield return $"strategies ({s.Strategies.Count}):";
        foreach (var p in s.Strategies.OrderBy(p => p.Strategy, StringComparer.Ordinal))
            yield return $"  {p.Strategy} on {p.Node}";
    }

    /// <summary>The answer as one JSON document (camelCase names).</summary>
    public static string Json(ClusterStatus s) => System.Text.Json.JsonSerializer.Serialize(new
    {
        answeredBy = s.AnsweredBy,
        members = s.Members.Select(m => new { address = m.Address, roles = m.Roles, status = m.Status, reachable = m.Reachable }),
        deskNode = s.DeskNode,
        gateway = s.Gateway,
        strategies = s.Strategies.Select(p => new { strategy = p.Strategy, node = p.Node, actorPath = p.ActorPath }),
    });
}
