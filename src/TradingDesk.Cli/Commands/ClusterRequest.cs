using System.CommandLine;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// The cluster part of <c>desk run</c> / <c>desk node</c> as given on the command line: each value set here replaces the
/// one from config (TradingDesk:Cluster), like --gateway replaces TradingDesk:Gateway. <see cref="ApplyTo"/> checks what
/// only makes sense with the config in hand (strategy names, a port to go with seed nodes) and says what to change.
/// </summary>
/// <param name="Roles">The node's roles (null: config's).</param>
/// <param name="Strategies">The configured strategies this node runs (null: config's, by default all; empty: none).</param>
/// <param name="StrategiesFlag">The flag that named them, for the error line.</param>
/// <param name="SeedRequired">A node that cannot found a cluster (a strategy node): it must have a seed node.</param>
public sealed record ClusterRequest(
    int? Port,
    IReadOnlyList<string> SeedNodes,
    string? Hostname,
    string? PublicHostname,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Strategies,
    string StrategiesFlag,
    bool SeedRequired)
{
    /// <summary>No cluster flags at all: <c>desk run</c> as a single process, options untouched.</summary>
    public static readonly ClusterRequest None = new(null, [], null, null, null, null, "--strategies", false);

    /// <summary>
    /// What the command line of <c>desk run</c> or <c>desk node</c> asks for. <c>desk run --strategies none</c> on a
    /// cluster node gives it the desk role only (no strategy is placed there); <c>desk node</c> has the strategy role only.
    /// </summary>
    public static ClusterRequest From(ParseResult parse)
    {
        var node = parse.CommandResult.Command.Name == "node";
        var port = parse.GetValue<int?>("--cluster-port");
        var seeds = (parse.GetValue<string[]>("--seed-node") ?? []).Select(ClusterAddresses.Normalize).ToList();
        string[]? strategies;
        string[]? roles;
        if (node)
        {
            strategies = parse.GetValue<string[]>("--strategy") is { Length: > 0 } given ? ClusterAddresses.SplitNames(given) : null;
            roles = ["strategy"];
        }
        else
        {
            strategies = parse.GetValue<string?>("--strategies") is { } text ? (text.Trim() == "none" ? [] : ClusterAddresses.SplitNames([text])) : null;
            roles = strategies is [] && port is not null ? ["desk"] : null;
        }
        return new ClusterRequest(port, seeds, parse.GetValue<string?>("--hostname"), parse.GetValue<string?>("--public-hostname"),
            roles, strategies, node ? "--strategy" : "--strategies", SeedRequired: node);
    }

    /// <summary>The options with these flags applied; throws <see cref="DeskStartException"/> (one line) when they cannot work.</summary>
    public TradingDeskOptions ApplyTo(TradingDeskOptions options)
    {
        if (Strategies is { } names)
        {
            var configured = options.Strategies.Where(s => s.Enabled).Select(s => s.Name).ToList();
            var unknown = names.Where(n => !configured.Contains(n, StringComparer.Ordinal)).Distinct().ToList();
            if (unknown.Count > 0)
                throw new DeskStartException($"{StrategiesFlag} names {string.Join(", ", unknown.Select(n => $"'{n}'"))}, not among the strategies in config " +
                    (configured.Count == 0 ? "(none are configured: add them to TradingDesk:Strategies)" : $"(configured: {string.Join(", ", configured)})"));
        }
        var cluster = options.Cluster with
        {
            Port = Port ?? options.Cluster.Port,
            Hostname = Hostname ?? options.Cluster.Hostname,
            PublicHostname = PublicHostname ?? options.Cluster.PublicHostname,
            SeedNodes = SeedNodes.Count > 0 ? [.. SeedNodes] : options.Cluster.SeedNodes,
            Roles = Roles is { } roles ? [.. roles] : options.Cluster.Roles,
            RunStrategies = Strategies is { } run ? [.. run.Distinct()] : options.Cluster.RunStrategies,
        };
        if (cluster.Port is null)
        {
            var given = new[] { (SeedNodes.Count > 0, "--seed-node"), (Hostname is not null, "--hostname"), (PublicHostname is not null, "--public-hostname") }
                .Where(f => f.Item1).Select(f => f.Item2).ToList();
            if (given.Count > 0)
                throw new DeskStartException($"{string.Join(", ", given)} only apply to a cluster node: add --cluster-port P (0: any free port) or set TradingDesk:Cluster:Port");
            return options with { Cluster = cluster };
        }
        if (SeedRequired && cluster.SeedNodes.Length == 0)
            throw new DeskStartException($"no seed node: add --seed-node {ClusterAddresses.Example} (a running desk node) or set TradingDesk:Cluster:SeedNodes");
        if (cluster.Port == 0 && cluster.SeedNodes.Length == 0)
            throw new DeskStartException("--cluster-port 0 with no seed node founds a cluster no one can find: give this first node a known port (e.g. --cluster-port 4053), or --seed-node to join one");
        if (cluster.Hostname is "0.0.0.0" or "::" && cluster.PublicHostname is null)
            throw new DeskStartException($"--hostname {cluster.Hostname} binds every interface but is no address other nodes can reach: add --public-hostname NAME (e.g. the container's service name)");
        return options with { Cluster = cluster };
    }
}
