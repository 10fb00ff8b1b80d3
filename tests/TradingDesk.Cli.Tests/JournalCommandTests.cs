using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TradingDesk.Cli.Tests.Support;
using TradingDesk.Hosting;
using TradingDesk.Testing.Postgres;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// <c>desk journal</c> through the real command path, on journals written first: a known story through the desk's
/// journal configuration (<see cref="JournalWriter"/>), or a real <c>desk run</c>.
/// </summary>
public sealed class JournalCommandTests : IDisposable
{
    private const string Secret = "n0t-0n-the-c0ns0le";
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-journal-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => DeskCli.Run(args);

    /// <summary>Config with the data directory under the test's own; strategies as given (none by default).</summary>
    private string Config(string strategies = "[]")
    {
        var logs = Path.Combine(_dir, "logs", "desk-.log");
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), $$"""
            {
              "TradingDesk": { "StatusInterval": "1s", "DataDirectory": "{{Path.Combine(_dir, "data")}}", "Strategies": {{strategies}} },
              "Serilog": {
                "Using": [ "Serilog.Sinks.File" ],
                "MinimumLevel": { "Default": "Information" },
                "WriteTo": [ { "Name": "File", "Args": { "path": "{{logs}}", "rollingInterval": "Day" } } ]
              }
            }
            """);
        return _dir;
    }

    private async Task<string> WriteStoryAsync(bool snapshotAfterFirstDay = false)
    {
        var path = Path.Combine(_dir, "story.db");
        await using var writer = await JournalWriter.StartAsync(new SqliteStore(path));
        await writer.WriteAsync(JournalStory.FirstDay);
        if (snapshotAfterFirstDay) await writer.SnapshotAsync(JournalStory.Fold(JournalStory.FirstDay));
        await writer.WriteAsync(JournalStory.SecondDay);
        return path;
    }

    private static JsonElement Strategy(JsonDocument doc, string name) =>
        doc.RootElement.GetProperty("strategies").EnumerateArray().Single(s => s.GetProperty("strategy").GetString() == name);

    private static void AssertStory(JsonDocument doc)
    {
        Assert.Equal(8, doc.RootElement.GetProperty("orderIdHighWaterMark").GetInt32());
        var alpha = Strategy(doc, "alpha");
        Assert.Equal(["1:BUY:10:Filled", "2:SELL:5:PendingSubmit"], alpha.GetProperty("orders").EnumerateArray()
            .Select(o => $"{o.GetProperty("id").GetInt32()}:{o.GetProperty("side").GetString()}:{o.GetProperty("quantity").GetString()}:{o.GetProperty("status").GetString()}"));
        Assert.Equal(["e1 6@100", "e2 4@101", "e3 5@105"], alpha.GetProperty("fills").EnumerateArray()
            .Select(f => $"{f.GetProperty("execId").GetString()} {f.GetProperty("quantity").GetString()}@{f.GetProperty("price").GetString()}"));
        var position = Assert.Single(alpha.GetProperty("positions").EnumerateArray());
        Assert.Equal(("AAPL STK USD", "5", "100.4"), (position.GetProperty("contract").GetString(), position.GetProperty("quantity").GetString(), position.GetProperty("averageCost").GetString()));
        var unowned = Strategy(doc, "unowned");
        Assert.Equal("2", Assert.Single(unowned.GetProperty("positions").EnumerateArray()).GetProperty("quantity").GetString());
    }

    [Fact]
    public async Task The_report_shows_orders_fills_positions_and_the_high_water_mark_per_strategy()
    {
        var path = await WriteStoryAsync();
        var before = Hash(path);

        var (code, stdout, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config());

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.Contains("order-id high-water mark: 8", stdout, StringComparison.Ordinal);
        Assert.Contains("strategy alpha", stdout, StringComparison.Ordinal);
        Assert.Contains("strategy unowned", stdout, StringComparison.Ordinal);
        Assert.Matches(@"AAPL STK USD\s+\+5 avg cost 100\.4\b", stdout);
        Assert.Matches(@"e3\s+2026-11-03T15:00:00\.000Z order 2\s+SLD\s+5 @ 105 AAPL STK USD", stdout);
        Assert.Equal("", stderr);
        Assert.Equal(before, Hash(path)); // read-only: not even a checkpoint
    }

    private static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Json_is_one_document_and_a_snapshot_plus_the_events_after_it_recovers_the_same_book()
    {
        var path = await WriteStoryAsync(snapshotAfterFirstDay: true);

        var (code, stdout, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config(), "--json");

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JournalStory.SecondDay.Count, doc.RootElement.GetProperty("events").GetInt32());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("snapshotTime").ValueKind);
        AssertStory(doc);
    }

    [Fact]
    public async Task Strategy_and_since_filter_and_a_running_writer_does_not_stop_the_read()
    {
        // The writer holds the lock and its connections, as a running desk does: the read goes on beside it.
        var path = Path.Combine(_dir, "live.db");
        await using var running = await JournalWriter.StartAsync(new SqliteStore(path));
        await running.WriteAsync(JournalStory.All);

        var (code, stdout, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config(), "--strategy", "alpha", "--since", "2026-11-03", "--json");

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var alpha = Assert.Single(doc.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.Equal(["e3"], alpha.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("execId").GetString()));
        // Orders count from when the journal recorded them (now): a later --since leaves none, positions stay.
        var later = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (_, after, _) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config(), "--strategy", "alpha", "--since", later, "--json");
        using var none = JsonDocument.Parse(after);
        var section = Assert.Single(none.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.Empty(section.GetProperty("orders").EnumerateArray());
        Assert.Single(section.GetProperty("positions").EnumerateArray());
    }

    [Fact]
    public void An_empty_journal_says_so_and_exits_0_and_stays_untouched()
    {
        var path = Path.Combine(_dir, "empty.db");
        File.WriteAllBytes(path, []);

        var (code, stdout, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config());

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.Equal($"desk journal: the journal is empty (SQLite {path}, client id 1)", stdout.Trim());
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("--store", "mysql:Server=x", "desk journal: --store 'mysql:' is not a store; it must be sqlite:PATH or postgres:CONNECTION")]
    [InlineData("--since", "yesterday", "desk journal: --since must be an ISO-8601 time (2026-12-03T14:30:00Z) or a date (2026-12-03), not 'yesterday'")]
    [InlineData("--since", "12/03/2026", "desk journal: --since must be an ISO-8601 time")]
    [InlineData("--client-id", "x", "desk journal: --client-id must be a whole number 0..32767, not 'x'")]
    public void Bad_flags_are_one_line_and_exit_2(string flag, string value, string expected)
    {
        var (code, _, stderr) = Desk("journal", flag, value, "--config", Config());

        Assert.Equal(2, code);
        Assert.StartsWith(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_that_does_not_exist_is_not_created()
    {
        var path = Path.Combine(_dir, "nowhere", "desk.db");

        var (code, _, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config());

        Assert.Equal(2, code);
        Assert.StartsWith($"desk journal: --store: the journal {path} does not exist", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void A_missing_default_journal_names_the_data_directory_setting()
    {
        var (code, _, stderr) = Desk("journal", "--config", Config());

        Assert.Equal(2, code);
        Assert.StartsWith($"desk journal: TradingDesk:DataDirectory: the journal {Path.Combine(_dir, "data", "desk.db")} does not exist",
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_one_line_and_exit_2()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "not a journal");

        var (code, _, stderr) = Desk("journal", "--store", $"sqlite:{path}", "--config", Config());

        Assert.Equal(2, code);
        Assert.Equal($"desk journal: --store: {path} is not a desk journal (not an SQLite database); move it away or use another file with --store sqlite:PATH", stderr.Trim());
    }

    [Fact]
    public void An_unreachable_PostgreSQL_is_one_line_without_the_password()
    {
        var port = DeadPort();

        var (code, stdout, stderr) = Desk("journal", "--store", $"postgres:Host=127.0.0.1;Port={port};Username=desk;Password={Secret};Database=journal;Timeout=5",
            "--config", Config());

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"desk journal: --store: cannot read the journal PostgreSQL 127.0.0.1:{port}/journal: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PostgreSQL_journal_is_read_and_a_database_without_one_is_empty()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("desk_journal");
        var (emptyCode, empty, emptyErr) = Desk("journal", "--store", $"postgres:{db.ConnectionString}", "--config", Config());
        Assert.True(emptyCode == 0, $"exit {emptyCode}; stderr: {emptyErr}");
        Assert.Contains("the journal is empty", empty, StringComparison.Ordinal);
        Assert.Empty(await db.TablesAsync()); // reading created nothing

        var store = StoreLocation.TryParse($"postgres:{db.ConnectionString}", out var s, out _) ? s! : throw new InvalidOperationException();
        await using (var writer = await JournalWriter.StartAsync(store))
            await writer.WriteAsync(JournalStory.All);

        var (code, stdout, stderr) = Desk("journal", "--store", $"postgres:{db.ConnectionString}", "--config", Config(), "--json");

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        AssertStory(doc);
    }

    [Fact]
    public void After_a_desk_run_the_default_journal_holds_what_the_summary_counted()
    {
        var strategies = """
            [ { "Name": "maker", "Type": "MeanReversionMaker", "Parameters": { "Symbol": "MSFT", "RequoteEvery": "00:00:01" } } ]
            """;
        var config = Config(strategies);
        var (runCode, run, runErr) = Desk("run", "--duration", "5", "--config", config);
        Assert.True(runCode == 0, $"exit {runCode}; stderr: {runErr}");

        // No --store: the same default journal desk run used (desk.db under the configured DataDirectory).
        var (code, stdout, stderr) = Desk("journal", "--config", config, "--json");

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal($"SQLite {Path.Combine(_dir, "data", "desk.db")}", doc.RootElement.GetProperty("store").GetString());
        var summary = Regex.Match(run, @"^maker\s+(\d+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline);
        Assert.True(summary.Success, run);
        var section = doc.RootElement.GetProperty("strategies").EnumerateArray().SingleOrDefault(s => s.GetProperty("strategy").GetString() == "maker");
        var orders = section.ValueKind == JsonValueKind.Undefined ? 0 : section.GetProperty("orders").GetArrayLength();
        var fills = section.ValueKind == JsonValueKind.Undefined ? 0 : section.GetProperty("fills").GetArrayLength();
        Assert.Equal(int.Parse(summary.Groups[1].Value), orders);
        Assert.Equal(int.Parse(summary.Groups[3].Value), fills);
    }

    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
