using TradingDesk.Cluster;

namespace TradingDesk.Hosting;

/// <summary>
/// The <c>TradingDesk:Cluster</c> section: whether this process is a node of an Akka.NET cluster and which part it
/// plays. Default: no cluster (<see cref="Port"/> null), one process with the desk and its strategies.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>TCP port of this node's Akka.Remote endpoint. Default null: no cluster. 0 picks a free port.</summary>
    public int? Port { get; init; }

    /// <summary>Address the node binds to. Default 127.0.0.1: nothing outside this machine reaches it unless told.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>
    /// Address other nodes use to reach this one, when it differs from <see cref="Hostname"/> (behind Docker or NAT:
    /// bind 0.0.0.0, advertise the container's or host's name). Default null: the same as Hostname.
    /// </summary>
    public string? PublicHostname { get; init; }

    /// <summary>
    /// Seed nodes, as <c>akka.tcp://trading-desk@host:port</c>. Default none: this node founds a cluster of its own
    /// (the first desk node). Every other node names at least one running node.
    /// </summary>
    public string[] SeedNodes { get; init; } = [];

    /// <summary>
    /// This node's roles: <c>desk</c> (may run the desk singleton; a second desk node is a hot standby) and/or
    /// <c>strategy</c> (hosts strategies). Default both. <c>desk node</c> runs a strategy-only node.
    /// </summary>
    public string[] Roles { get; init; } = ["desk", "strategy"];

    /// <summary>
    /// The configured strategies this node runs (by name). Default null: all enabled ones in <c>TradingDesk:Strategies</c>
    /// (on a node with the strategy role); empty: none.
    /// </summary>
    public string[]? RunStrategies { get; init; }

    /// <summary>
    /// How long the membership must be stable before the split-brain resolver downs the unreachable side. Default 5 s.
    /// Shorter hands the desk over faster but downs a node that merely paused (a long GC) more readily.
    /// </summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Heartbeats a node may miss, in time, before others call it unreachable. Default 3 s. Shorter detects a crash
    /// sooner and suspects a busy node sooner.
    /// </summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Equal settings: the lists by their contents (a record compares arrays by reference).</summary>
    public bool Equals(ClusterSettings? other) =>
        other is not null && Port == other.Port && Hostname == other.Hostname && PublicHostname == other.PublicHostname &&
        SeedNodes.SequenceEqual(other.SeedNodes) && Roles.SequenceEqual(other.Roles) &&
        (RunStrategies ?? []).SequenceEqual(other.RunStrategies ?? []) && (RunStrategies is null) == (other.RunStrategies is null) &&
        StableAfter == other.StableAfter && AcceptableHeartbeatPause == other.AcceptableHeartbeatPause;

    public override int GetHashCode() => HashCode.Combine(Port, Hostname, PublicHostname, SeedNodes.Length, Roles.Length, StableAfter, AcceptableHeartbeatPause);

    /// <summary>True when this process is a cluster node.</summary>
    public bool Enabled => Port is not null;

    /// <summary>True unless this is a cluster node without the desk role (a strategy node has no gateway of its own).</summary>
    public bool RunsDesk => !Enabled || Roles.Contains(DeskRoles.Desk);

    /// <summary>True when this process hosts strategies (always without a cluster).</summary>
    public bool RunsStrategies => !Enabled || Roles.Contains(DeskRoles.Strategy);

    /// <summary>The cluster's own options for this node (only when <see cref="Enabled"/>).</summary>
    public DeskClusterOptions ToClusterOptions() => new()
    {
        Port = Port ?? 0,
        Hostname = Hostname,
        PublicHostname = PublicHostname,
        SeedNodes = SeedNodes,
        Roles = Roles,
        StableAfter = StableAfter,
        AcceptableHeartbeatPause = AcceptableHeartbeatPause,
    };

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the setting to change; <paramref name="configured"/> are the strategies in config.</summary>
    public void Validate(string at, IReadOnlyCollection<string> configured)
    {
        if (RunStrategies is { } names)
            foreach (var name in names)
                if (!configured.Contains(name))
                    throw new InvalidSettingException($"{at}:RunStrategies", $"{at}:RunStrategies names '{name}', which is not a strategy in TradingDesk:Strategies" +
                        (configured.Count == 0 ? " (none are configured)" : $" ({string.Join(", ", configured)})"));
        if (!Enabled) return;
        try
        {
            ToClusterOptions().Validate();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidSettingException(at, $"{at}: {ex.Message}");
        }
    }
}
