using Microsoft.Data.Sqlite;
using TradingDesk.Cli.Commands;
using TradingDesk.Testing.Postgres;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk run --store</c> and TradingDesk:DataDirectory through the real command path, with config in a temporary directory.</summary>
public sealed class StoreFlagTests : IDisposable
{
    private const string Secret = "n0t-0n-the-c0ns0le";
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => DeskCli.Run(args);

    /// <summary>No strategies (the store is what is under test); Serilog writes only a file under logs/, read back below.</summary>
    private string Config(string extra = "")
    {
        var logs = Path.Combine(_dir, "logs", "desk-.log");
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), $$"""
            {
              "TradingDesk": { "StatusInterval": "1s"{{extra}} },
              "Serilog": {
                "Using": [ "Serilog.Sinks.File" ],
                "MinimumLevel": { "Default": "Information" },
                "WriteTo": [ { "Name": "File", "Args": { "path": "{{logs}}", "rollingInterval": "Day" } } ]
              }
            }
            """);
        return _dir;
    }

    private string Logs() => Directory.Exists(Path.Combine(_dir, "logs"))
        ? string.Join("\n", Directory.EnumerateFiles(Path.Combine(_dir, "logs")).Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }))
        : "";

    /// <summary>
    /// <c>desk run</c> on the embedded simulator, stopped (as Ctrl-C would) once it prints that it is connected: the
    /// journal is open by then. Not <c>--duration</c>, which counts from before the start and so would make these
    /// tests race the start on a slow machine.
    /// </summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunUntilConnected(RunCommand.RunSettings settings)
    {
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunAsync(settings, stdout, stderr, stop.Token);
        while (!stdout.ToString().Contains(": connected to ", StringComparison.Ordinal))
        {
            var line = stdout.NextLineAsync(TimeSpan.FromSeconds(60));
            if (await Task.WhenAny(line, run) == run || !await line) break; // ended or stuck: the asserts say which
        }
        stop.Cancel();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(90));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("sqlite:", "desk run: --store sqlite: needs a file path, for example sqlite:data/desk.db")]
    [InlineData("mysql:Server=x", "desk run: --store 'mysql:' is not a store; it must be sqlite:PATH or postgres:CONNECTION")]
    [InlineData("postgres:Host=127.0.0.1;Pasword=" + Secret, "desk run: --store postgres: the connection string's 'Pasword' is not a keyword Npgsql knows")]
    [InlineData("postgres:Username=desk;Password=" + Secret, "desk run: --store postgres: the connection string needs Host=")]
    public void A_bad_store_is_one_line_and_exit_2_without_the_secret(string store, string expected)
    {
        var (code, stdout, stderr) = Desk("run", "--store", store, "--duration", "1", "--config", Config());

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_store_in_config_names_the_setting_and_the_file()
    {
        var (code, _, stderr) = Desk("run", "--duration", "1", "--config", Config(""", "Store": "desk.db" """));

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("desk run: TradingDesk:Store must be sqlite:PATH or postgres:CONNECTION", line, StringComparison.Ordinal);
        Assert.Contains($"({Path.Combine(_dir, "appsettings.json")} line 2)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_journal_is_desk_db_under_the_data_directory_created_on_first_run_and_its_path_is_printed()
    {
        var data = Path.Combine(_dir, "state", "desk");
        var (code, stdout, stderr) = await RunUntilConnected(new RunCommand.RunSettings(null, null, null, Config($", \"DataDirectory\": \"{data}\""), null, Plain: true));

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.StartsWith($"desk run: journal: SQLite {Path.Combine(data, "desk.db")}\n", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "desk.db")));
    }

    [Fact]
    public async Task A_store_flag_overrides_the_config_and_the_file_is_in_WAL_mode()
    {
        var path = Path.Combine(_dir, "journal.db");
        var (code, stdout, stderr) = await RunUntilConnected(
            new RunCommand.RunSettings(null, null, null, Config(""", "Store": "sqlite:other.db" """), null, Plain: true) { Store = $"sqlite:{path}" });

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.Contains($"desk run: journal: SQLite {path}\n", stdout, StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_journal_locked_by_another_desk_is_one_line_and_exit_2()
    {
        var path = Path.Combine(_dir, "desk.db");
        using var other = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var (code, _, stderr) = Desk("run", "--store", $"sqlite:{path}", "--duration", "5", "--config", Config());

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"desk run: the journal {path} is in use by another running desk (it holds {path}.lock); stop that desk or use another file with --store sqlite:PATH", line);
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_one_line_and_exit_2()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "not a journal");

        var (code, _, stderr) = Desk("run", "--store", $"sqlite:{path}", "--duration", "5", "--config", Config());

        Assert.Equal(2, code);
        Assert.Equal($"desk run: {path} is not a desk journal (not an SQLite database); move it away or use another file with --store sqlite:PATH", stderr.Trim());
    }

    [Fact]
    public void A_postgres_store_is_printed_as_host_port_and_database_and_its_password_is_nowhere()
    {
        var port = DeadPort();
        var (_, stdout, stderr) = Desk("run", "--store", $"postgres:Host=127.0.0.1;Port={port};Username=desk;Password={Secret};Database=journal",
            "--duration", "1", "--config", Config());

        Assert.StartsWith($"desk run: journal: PostgreSQL 127.0.0.1:{port}/journal\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr + Logs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_runs_on_a_real_PostgreSQL_with_a_password_it_never_prints()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("desk_cli");
        var store = $"postgres:{db.ConnectionString};Password={Secret}";

        var (code, stdout, stderr) = await RunUntilConnected(new RunCommand.RunSettings(null, null, null, Config(), null, Plain: true) { Store = store });

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}");
        Assert.Contains($"/{db.Name}\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr + Logs(), StringComparison.Ordinal);
    }

    private static int DeadPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
