using System.CommandLine;

namespace TradingDesk.Cli.Commands;

/// <summary>Every verb that talks to a gateway, for Program.cs to register in one line.</summary>
public static class GatewayVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) =>
        [.. InfoVerbs.Create(stdout, stderr), .. OrderVerbs.Create(stdout, stderr), .. MarketDataVerbs.Create(stdout, stderr)];
}
