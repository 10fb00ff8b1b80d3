namespace TradingDesk.Cluster;

/// <summary>The two roles of a TradingDesk cluster node.</summary>
public static class DeskRoles
{
    /// <summary>May run the desk singleton (one active per cluster; every other desk node is a hot standby).</summary>
    public const string Desk = "desk";

    /// <summary>Hosts strategies, which reach the desk through the singleton proxy.</summary>
    public const string Strategy = "strategy";

    public static readonly IReadOnlyList<string> All = [Desk, Strategy];
}

/// <summary>
/// How this process joins a TradingDesk cluster. Immutable; every default documented; <see cref="Validate"/> says what
/// to change. The actor system must be named <see cref="SystemName"/> on every node (seed node addresses name it).
/// </summary>
public sealed record DeskClusterOptions
{
    /// <summary>The actor system's name on every node.</summary>
    public const string SystemName = "trading-desk";

    /// <summary>Akka.Remote's port. 0: a free port (fine for strategy nodes; a seed node needs a known one).</summary>
    public int Port { get; init; }

    /// <summary>Address to bind. Default 127.0.0.1.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Address others reach this node by (Docker, NAT). Default null: <see cref="Hostname"/>.</summary>
    public string? PublicHostname { get; init; }

    /// <summary>Seed nodes (<c>akka.tcp://trading-desk@host:port</c>). Empty: this node founds the cluster (joins itself).</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>Roles of this node: <see cref="DeskRoles.Desk"/> and/or <see cref="DeskRoles.Strategy"/>. Default both.</summary>
    public IReadOnlyList<string> Roles { get; init; } = DeskRoles.All;

    /// <summary>Split-brain resolver: how long membership must be stable before it downs the unreachable side. Default 5 s.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Cluster failure detector: missed-heartbeat time before a node is unreachable. Default 3 s.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    public bool IsDeskNode => Roles.Contains(DeskRoles.Desk);

    public bool IsStrategyNode => Roles.Contains(DeskRoles.Strategy);

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting to change.</summary>
    public DeskClusterOptions Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535) problems.Add($"Port {Port} is not a TCP port: use 0 (any free port) or 1..65535");
        if (string.IsNullOrWhiteSpace(Hostname)) problems.Add("Hostname is empty: use the address to bind, e.g. 127.0.0.1 (or 0.0.0.0 with a PublicHostname)");
        if (PublicHostname is { } p && string.IsNullOrWhiteSpace(p)) problems.Add("PublicHostname is blank: leave it unset or give the name other nodes reach this one by");
        foreach (var (name, value) in new[] { ("Hostname", Hostname), ("PublicHostname", PublicHostname) })
            if (!string.IsNullOrWhiteSpace(value) && !System.Text.RegularExpressions.Regex.IsMatch(value, @"^[A-Za-z0-9._:\[\]-]+$"))
                problems.Add($"{name} '{value}' is not a host name or address (letters, digits, '.', '-', ':' only)");
        if (Hostname is "0.0.0.0" or "::" && PublicHostname is null)
            problems.Add($"Hostname {Hostname} binds every interface but is no address others can reach: set PublicHostname too");
        foreach (var seed in SeedNodes)
            if (SeedNodeProblem(seed) is { } problem) problems.Add(problem);
        if (Roles.Count == 0) problems.Add($"Roles is empty: use '{DeskRoles.Desk}', '{DeskRoles.Strategy}' or both");
        foreach (var role in Roles)
            if (!DeskRoles.All.Contains(role)) problems.Add($"Role '{role}' is unknown: use '{DeskRoles.Desk}' or '{DeskRoles.Strategy}'");
        if (Port == 0 && SeedNodes.Count == 0) problems.Add("a node that founds the cluster (no SeedNodes) needs a known Port for the others to join: set one");
        if (StableAfter < TimeSpan.FromSeconds(1)) problems.Add("StableAfter must be at least 1 s (default 5 s): shorter downs nodes that merely paused");
        if (AcceptableHeartbeatPause < TimeSpan.FromSeconds(1)) problems.Add("AcceptableHeartbeatPause must be at least 1 s (default 3 s)");
        if (problems.Count > 0) throw new ArgumentException("cluster settings are not valid:\n  " + string.Join("\n  ", problems));
        return this;
    }

    /// <summary>Null when <paramref name="seed"/> is <c>akka.tcp://trading-desk@host:port</c>; otherwise what is wrong with it.</summary>
    public static string? SeedNodeProblem(string seed)
    {
        const string prefix = "akka.tcp://" + SystemName + "@";
        if (!seed.StartsWith(prefix, StringComparison.Ordinal))
            return $"seed node '{seed}' must look like {prefix}host:port";
        var endpoint = seed[prefix.Length..].TrimEnd('/');
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return $"seed node '{seed}' must end in host:port with a port 1..65535";
        return null;
    }
}
