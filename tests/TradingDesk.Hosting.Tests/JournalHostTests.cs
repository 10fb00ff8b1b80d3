using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TradingDesk.Testing.Postgres;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>The desk's journal on a real SQLite file and a real PostgreSQL: the schema appears on first use, WAL is on, errors keep the secret.</summary>
public sealed class JournalHostTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-journal-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static IHost DeskHost(string store)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithEmbeddedSimulator(seed: 3).WithOptions(o => o with { Store = store }));
        return builder.Build();
    }

    /// <summary>Persists one event through the desk's actor system and returns once the journal has written it.</summary>
    internal static async Task PersistOneAsync(ActorSystem system)
    {
        var persisted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(JournalProbe.Props("journal-probe", persisted, failed)).Tell("first");
        var done = await Task.WhenAny(persisted.Task, failed.Task).WaitAsync(Wait);
        Assert.True(done == persisted.Task, "the journal failed: " + (failed.Task.IsCompleted ? failed.Task.Result.Message : ""));
        Assert.Equal(1, await persisted.Task);
    }

    [Fact]
    public async Task A_desk_on_SQLite_creates_the_journal_schema_in_WAL_mode_and_holds_the_file()
    {
        var path = Path.Combine(_dir, "journal", "desk.db");
        using var host = DeskHost($"sqlite:{path}");
        await host.StartAsync();
        try
        {
            Assert.Equal("wal", SqliteJournalFileTests.Pragma(path, "journal_mode"));
            Assert.Equal($"SQLite {path}", host.Services.GetRequiredService<JournalStoreService>().Store!.Describe());
            await PersistOneAsync(host.Services.GetRequiredService<TradingDeskService>().System!);

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            var tables = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            Assert.Contains("journal", tables);
            Assert.Contains("snapshot", tables);
            command.CommandText = "SELECT count(*) FROM journal";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            // A second desk on the same file is refused while this one runs.
            Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(new SqliteStore(path)).Dispose());
        }
        finally
        {
            await host.StopAsync();
        }
        // Stopped: the file is free again.
        SqliteJournalFile.Open(new SqliteStore(path)).Dispose();
    }

    [Fact]
    public async Task A_second_desk_on_a_locked_file_does_not_start_and_says_why()
    {
        var path = Path.Combine(_dir, "desk.db");
        using var held = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var host = DeskHost($"sqlite:{path}");
        var ex = await Assert.ThrowsAsync<JournalStoreException>(() => host.StartAsync());
        Assert.Contains($"the journal {path} is in use by another running desk", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_on_PostgreSQL_creates_the_journal_schema_in_its_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        Assert.Empty(await db.TablesAsync());
        using var host = DeskHost($"postgres:{db.ConnectionString}");
        await host.StartAsync();
        try
        {
            await PersistOneAsync(host.Services.GetRequiredService<TradingDeskService>().System!);
        }
        finally
        {
            await host.StopAsync();
        }
        var tables = await db.TablesAsync();
        Assert.Contains("journal", tables);
        Assert.Contains("snapshot", tables);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM journal", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    public static TheoryData<string> Unreachable() => new()
    {
        "port",     // nothing listens there
        "user",     // the server refuses the login (trust authentication: an unknown role is the refusal it can give)
        "database", // no such database
    };

    /// <summary>
    /// The journal's own actor system (not a whole desk: what is checked is what the journal says when its server
    /// cannot be used). Akka.Persistence.Sql logs each failed initialization as an error with Npgsql's exception and
    /// retries (the journal restarts); the persistent actor's recovery fails only at the recovery timeout, so the test
    /// waits for that first error, not for the timeout: it names what is wrong (host and port, role, database), and
    /// neither it nor anything logged before it holds the connection string or its password.
    /// </summary>
    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task A_PostgreSQL_that_cannot_be_used_is_logged_readably_without_the_connection_string(string fault)
    {
        const string Secret = "n0t-in-any-l0g";
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Password = Secret, Timeout = 5 };
        if (fault == "port") server.Port = DeadPort();
        if (fault == "user") server.Username = "no_such_role_" + Guid.NewGuid().ToString("N")[..8];
        if (fault == "database") server.Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8];
        var store = Assert.IsType<PostgresStore>(Parse($"postgres:{server.ConnectionString}"));

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("journal-test", (akka, _) => akka.WithDeskJournal(store).ConfigureLoggers(l => l.ClearLoggers()));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var events = new List<LogEvent>();
            var firstError = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            var collector = system.ActorOf(Props.Create(() => new LogCollector(events, firstError)));
            system.EventStream.Subscribe(collector, typeof(LogEvent));
            var persisted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(JournalProbe.Props("orders", persisted, failed)).Tell("first");

            var error = await firstError.Task.WaitAsync(Wait);

            Assert.False(persisted.Task.IsCompleted);
            Assert.Contains(Causes(error.Cause!), e => e is NpgsqlException);
            Assert.Contains(fault switch
            {
                "port" => $"Failed to connect to 127.0.0.1:{server.Port}",
                "user" => $"role \"{server.Username}\" does not exist",
                _ => $"database \"{server.Database}\" does not exist",
            }, Chain(error.Cause!), StringComparison.Ordinal);
            string everything;
            lock (events) everything = string.Join("\n", events.Select(e => e + "\n" + e.Cause));
            Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(server.ConnectionString, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", everything, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(Chain(error.Cause!), store.Redact(Chain(error.Cause!)));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Every message down the chain of causes: what a log line with the exception shows.</summary>
    private static string Chain(Exception ex)
    {
        var text = ex.Message;
        for (var e = ex.InnerException; e is not null; e = e.InnerException) text += " | " + e.Message;
        return text;
    }

    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException) yield return e;
    }

    private static int DeadPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static StoreLocation Parse(string text) =>
        StoreLocation.TryParse(text, out var store, out var problem) ? store! : throw new InvalidOperationException(problem);
}
