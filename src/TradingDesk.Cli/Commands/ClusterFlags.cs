using System.CommandLine;
using System.CommandLine.Parsing;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// The flags that make <c>desk run</c> and <c>desk node</c> a cluster node: <c>--cluster-port</c>, <c>--seed-node</c>
/// (repeatable), <c>--hostname</c> and <c>--public-hostname</c>. Each value is checked as it is parsed (one line in the
/// user's words); how they combine with the config (TradingDesk:Cluster) is <see cref="ClusterRequest.ApplyTo"/>'s part.
/// </summary>
public sealed class ClusterFlags
{
    public Option<int?> Port { get; }
    public Option<string[]> SeedNodes { get; }
    public Option<string?> Hostname { get; }
    public Option<string?> PublicHostname { get; }

    private ClusterFlags(Option<int?> port, Option<string[]> seeds, Option<string?> hostname, Option<string?> publicHostname) =>
        (Port, SeedNodes, Hostname, PublicHostname) = (port, seeds, hostname, publicHostname);

    /// <param name="portDescription">What --cluster-port does for this verb and its default.</param>
    /// <param name="defaultPort">The port when the flag is not given (null: none, so no cluster unless config sets one).</param>
    public static ClusterFlags Create(string portDescription, int? defaultPort)
    {
        var port = new Option<int?>("--cluster-port") { Description = portDescription }.Integer("a port", 0, 65535, "4053");
        if (defaultPort is { } p) port.DefaultValueFactory = _ => p;
        var seeds = new Option<string[]>("--seed-node")
        {
            Description = $"A running node to join through, {ClusterAddresses.Example} (repeatable). Default: TradingDesk:Cluster:SeedNodes; none founds a cluster.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        seeds.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (ClusterAddresses.Problem(token.Value) is { } problem) r.AddError($"--seed-node: {problem}");
        });
        var hostname = Host(new Option<string?>("--hostname")
        {
            Description = "Address this node binds to (default 127.0.0.1: only this machine; 0.0.0.0 every interface, with --public-hostname).",
        });
        var publicHostname = Host(new Option<string?>("--public-hostname")
        {
            Description = "Address other nodes reach this one by, when it differs from --hostname (Docker, NAT).",
        });
        return new ClusterFlags(port, seeds, hostname, publicHostname);
    }

    private static Option<string?> Host(Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && ClusterAddresses.HostProblem(r.Tokens[0].Value) is { } problem) r.AddError($"{option.Name}: {problem}");
        });
        return option;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(SeedNodes);
        command.Options.Add(Hostname);
        command.Options.Add(PublicHostname);
    }
}
