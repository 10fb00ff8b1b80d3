using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// Where each strategy runs, for the strategies table, from the order manager's bindings (the path of the actor that
/// registered each strategy id, with its node's address: a holder local to the desk gets the desk node's).
/// </summary>
public static class StrategyNodes
{
    public const string ThisNode = "this node";

    /// <summary>Shown for a strategy that no actor holds now (stopped, or its node is gone) and that this host does not run.</summary>
    public const string NotBound = "not bound";

    /// <summary>Strategy name to "this node" (a holder at <paramref name="self"/>) or the holder's host:port.</summary>
    public static IReadOnlyDictionary<string, string> From(IEnumerable<OrderEvents.StrategyBinding> bindings, Address self) =>
        bindings.GroupBy(b => b.Strategy.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Describe(g.First().ActorPath, self), StringComparer.Ordinal);

    /// <summary>"this node" for a path on <paramref name="self"/> or without a host; host:port otherwise; the path itself if it does not parse.</summary>
    public static string Describe(string actorPath, Address self)
    {
        if (!ActorPath.TryParse(actorPath, out var path)) return actorPath;
        var at = path.Address;
        if (at.HasLocalScope || at.Equals(self)) return ThisNode;
        return at.Port is { } port ? $"{at.Host}:{port}" : at.Host ?? at.ToString();
    }

    /// <summary>
    /// The node shown for one strategy: where the desk says its holder is; else this node when this host runs it (it
    /// is stopped, so nothing is registered); else <see cref="NotBound"/>.
    /// </summary>
    public static string For(string strategy, IReadOnlyDictionary<string, string> bound, IReadOnlySet<string> hostedHere) =>
        bound.TryGetValue(strategy, out var node) ? node : hostedHere.Contains(strategy) ? ThisNode : NotBound;
}
