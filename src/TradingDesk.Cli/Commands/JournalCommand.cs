using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk journal [--store sqlite:PATH|postgres:CONN] [--config DIR] [--environment NAME] [--client-id N] [--strategy NAME] [--since TIME] [--json]</c>:
/// a read-only report of the durable order journal: per strategy its orders, fills and positions with average cost,
/// and the order-id high-water mark. It recovers the book as the desk does (<see cref="JournalReader"/>) without
/// taking the desk's lock, so it may run beside a running desk. Bad input: one line on stderr, exit code 2.
/// </summary>
public static class JournalCommand
{
    /// <summary>What <c>desk journal</c> was asked.</summary>
    public sealed record Request(string? Store, string ConfigDirectory, string? Environment, int? ClientId, string? Strategy, DateTimeOffset? Since, bool Json);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var store = new Option<string?>("--store")
        {
            Description = "The journal to read: sqlite:PATH or postgres:CONNECTION. Default: the one desk run uses (TradingDesk:Store, else desk.db under TradingDesk:DataDirectory).",
        };
        store.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !StoreLocation.TryParse(r.Tokens[0].Value, out _, out var problem)) r.AddError($"--store {problem}");
        });
        var config = new Option<string?>("--config") { Description = "Directory holding appsettings.json (default: ./config, else the one next to the program)." };
        var environment = new Option<string?>("--environment") { Description = "Also read appsettings.NAME.json (default: $TRADINGDESK_ENVIRONMENT)." };
        var clientId = new Option<int?>("--client-id")
        {
            Description = "The API client id whose journal to read (default: TradingDesk:ClientId from config, 1).",
            CustomParser = RunCommand.ParseClientId,
        };
        var strategy = new Option<string?>("--strategy") { Description = $"Only this strategy's orders, fills and positions ({JournalReport.Unowned}: adopted orders without an owner)." };
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only orders journaled and fills received at or after this time (the desk's clock): ISO-8601 (2026-12-03T14:30:00Z; UTC unless an offset is given) or a date (2026-12-03).",
            CustomParser = ParseSince,
        };
        var json = new Option<bool>("--json") { Description = "One JSON document instead of text (decimals as strings)." };
        var command = new Command("journal", "Report what the order journal holds: orders, fills and positions per strategy, and the order-id high-water mark. Reads only.")
        {
            store, config, environment, clientId, strategy, since, json,
        };
        command.SetAction(async (parse, cancellation) => await RunAsync(new Request(
            parse.GetValue(store),
            parse.GetValue(config) ?? HostFlags.DefaultConfigDirectory(),
            parse.GetValue(environment) ?? System.Environment.GetEnvironmentVariable("TRADINGDESK_ENVIRONMENT"),
            parse.GetValue(clientId),
            parse.GetValue(strategy),
            parse.GetValue(since),
            parse.GetValue(json)), stdout, stderr, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        StoreLocation location;
        int clientId;
        string source;
        try
        {
            // The same resolution as desk run: config files, TRADINGDESK_ variables, then the flags.
            var options = DeskConfiguration.BindOptions(DeskConfiguration.Load(request.ConfigDirectory, request.Environment));
            location = request.Store is { } flag && StoreLocation.TryParse(flag, out var given, out _) ? given! : options.ResolveStore();
            clientId = request.ClientId ?? options.ClientId;
            // What to name when the store is at fault: the flag, or the setting desk run would have used.
            source = request.Store is not null ? "--store" : string.IsNullOrWhiteSpace(options.Store) ? "TradingDesk:DataDirectory" : "TradingDesk:Store";
        }
        catch (Exception ex) when (ex is DeskStartException or InvalidSettingException)
        {
            stderr.WriteLine($"desk journal: {ex.Message}");
            return Program.BadInput;
        }
        JournalContents contents;
        try
        {
            contents = await JournalReader.ReadAsync(location, clientId, cancellation);
        }
        catch (JournalStoreException ex)
        {
            stderr.WriteLine($"desk journal: {source}: {ex.Message}");
            return Program.BadInput;
        }
        var report = JournalReport.From(contents.Book, contents.Journaled, request.Strategy, request.Since);
        if (request.Json) JournalOutput.WriteJson(stdout, contents, report, request);
        else JournalOutput.WriteText(stdout, contents, report, request);
        return 0;
    }

    private static readonly string[] SinceFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>ISO-8601 only (no culture's own date order): a time without an offset is UTC, as the journal's times are.</summary>
    internal static DateTimeOffset? ParseSince(ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value.Trim() : "";
        if (DateTimeOffset.TryParseExact(text, SinceFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since))
            return since;
        r.AddError($"--since must be an ISO-8601 time (2026-12-03T14:30:00Z) or a date (2026-12-03), not '{text}'");
        return null;
    }
}
