using LinqToDB;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TradingDesk.Desk.Tests.Orders.Journal;

/// <summary>
/// A journal for one test: Akka's in-memory journal, an SQLite file of its own, or a database of its own on the
/// PostgreSQL that the README's test command starts (<c>TRADINGDESK_TEST_POSTGRES</c>). Both SQL stores go through
/// Akka.Persistence.Sql with the desk's serializer, as a desk does. Dispose it after the actor system.
/// </summary>
public sealed class JournalStore : IDisposable
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly Action _cleanup;

    private JournalStore(string hocon, Action cleanup)
    {
        Hocon = hocon;
        _cleanup = cleanup;
    }

    /// <summary>Configuration for the test's actor system: the default journal and snapshot store.</summary>
    public string Hocon { get; }

    public static JournalStore Create(string kind) => kind switch
    {
        Memory => new JournalStore("", () => { }),
        Sqlite => CreateSqlite(),
        Postgres => CreatePostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "memory, sqlite or postgres"),
    };

    private static JournalStore CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tradingdesk-journal-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path}";
        return new JournalStore(SqlHocon(connection, ProviderName.SQLiteMS), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        });
    }

    private static JournalStore CreatePostgres()
    {
        var server = Environment.GetEnvironmentVariable("TRADINGDESK_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                "TRADINGDESK_TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts a PostgreSQL for them, " +
                "or start one with scripts/postgres.sh start and export the connection string it prints");
        var database = $"td_journal_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE {database}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        return new JournalStore(SqlHocon(connection, ProviderName.PostgreSQL15), () => Execute(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)"));
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    // Real time: Akka.Persistence.Sql runs its writes and recovery on Akka.Streams and the scheduler, which never move
    // on the TestScheduler's virtual clock.
    private static string SqlHocon(string connection, string provider) =>
        "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\"\n" + TradingDesk.Testing.Journal.SqlJournalHocon.For(connection, provider);

    public void Dispose() => _cleanup();
}
