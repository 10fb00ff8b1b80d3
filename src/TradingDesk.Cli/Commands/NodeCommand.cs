using System.CommandLine;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk node --seed-node URI [--seed-node URI ...] [--strategy NAME ...] [--cluster-port P] [--hostname H]
/// [--public-hostname H] [--config DIR] [--environment E] [--duration D] [--plain]</c>: a strategy node (role
/// <c>strategy</c> only). It joins the cluster through the seed nodes and hosts configured strategies (all enabled ones
/// unless --strategy names some); they reach the desk singleton, wherever it runs, through the node's proxy, so no
/// gateway connection or simulator starts here. Prints what it runs and its state like <c>desk run</c>; Ctrl-C or
/// --duration stops it.
/// </summary>
public static class NodeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = HostFlags.Create();
        var cluster = ClusterFlags.Create("This node's Akka.Remote port (default 0: any free port; the desk nodes are the ones others join through).", defaultPort: 0);
        var strategy = new Option<string[]>("--strategy")
        {
            Description = "A configured strategy to run on this node (repeatable, or NAME,NAME). Default: all enabled ones in config.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("node", "Run a strategy node: configured strategies against the cluster's desk (joined through --seed-node).") { strategy };
        cluster.AddTo(command);
        common.AddTo(command);
        command.SetAction(async (parse, cancellation) => await RunCommand.RunAsync(common.Read(parse, stdout, "node") with
        {
            Cluster = ClusterRequest.From(parse),
        }, stdout, stderr, cancellation));
        return command;
    }
}
