using System.CommandLine;
using TradingDesk.Grpc;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk token new NAME [--read-only] [--strategy ID] [--config DIR]</c>: lets a new client into the gRPC front. Makes
/// a token, adds the client with the token's SHA-256 to <c>clients.json</c> in the configuration directory, and prints
/// the token once, alone on its line on stdout (what to do with it goes to stderr), so a script can capture it:
/// <c>TOKEN=$(desk token new py)</c>. The token is stored nowhere: a lost one is replaced by a new client entry.
/// A running desk reads the file at its next start.
/// </summary>
public static class TokenCommand
{
    /// <summary>What <c>desk token new</c> was asked.</summary>
    public sealed record Request(string Name, string? Strategy, bool ReadOnly, string ConfigDirectory);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("NAME") { Description = "The client's name (letters, digits, '-', '_', '.'): shown in the desk's log." };
        var readOnly = new Option<bool>("--read-only") { Description = "Market data and queries only: placing, modifying or cancelling orders is refused." };
        var strategy = new Option<string?>("--strategy") { Description = "The strategy its orders are owned and journaled under (default: NAME)." };
        var config = new Option<string?>("--config") { Description = "Directory holding appsettings.json, where clients.json is written (default: ./config, else the one next to the program)." };
        var create = new Command("new", "Create a token for a new gRPC client, add the client (with the token's hash) to clients.json, print the token once.")
        {
            name, readOnly, strategy, config,
        };
        create.SetAction(parse => Run(new Request(parse.GetValue(name)!, parse.GetValue(strategy), parse.GetValue(readOnly),
            parse.GetValue(config) ?? HostFlags.DefaultConfigDirectory()), stdout, stderr));
        return new Command("token", "Tokens of the gRPC front's clients (desk run --grpc).") { create };
    }

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        var token = AccessTokens.NewToken();
        var client = new GrpcClientSettings
        {
            Name = request.Name,
            Strategy = request.Strategy,
            TokenSha256 = AccessTokens.Hash(token),
            Access = request.ReadOnly ? GrpcAccess.ReadOnly : GrpcAccess.Trading,
        };
        string path;
        try
        {
            path = GrpcClientsFile.Add(request.ConfigDirectory, client);
        }
        catch (Exception ex) when (ex is DeskStartException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"desk token: {ex.Message}");
            return Program.BadInput;
        }
        stdout.WriteLine(token);
        stderr.WriteLine($"desk token: client '{client.Name}' ({(request.ReadOnly ? "read-only" : "trading")}, strategy '{client.StrategyName}') added to {path}; " +
            "its token, on stdout, is shown this once and stored nowhere: keep it secret. A running desk lets the client in at its next start.");
        return 0;
    }
}
