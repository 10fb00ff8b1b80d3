namespace TradingDesk.Cluster.Messages;

/// <summary>What <c>desk cluster status</c> asks any node's <c>/user/cluster-status</c> and what it answers.</summary>
public static class ClusterStatusMessages
{
    /// <summary>Ask a node for the cluster as it sees it. Answered with <see cref="ClusterStatus"/>.</summary>
    public sealed record GetClusterStatus;

    /// <summary>One member: its address, roles, status (Up, Leaving …) and whether the answering node reaches it.</summary>
    public sealed record MemberInfo(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable);

    /// <summary>A strategy id and the node whose actor holds it.</summary>
    public sealed record StrategyPlacement(string Strategy, string Node, string ActorPath);

    /// <summary>
    /// The answer. <paramref name="DeskNode"/> is where the desk singleton runs (null when no desk node is up);
    /// <paramref name="Gateway"/> is the desk's connection state in words, or why it could not be asked.
    /// </summary>
    public sealed record ClusterStatus(string AnsweredBy, IReadOnlyList<MemberInfo> Members, string? DeskNode, string Gateway,
        IReadOnlyList<StrategyPlacement> Strategies);
}
