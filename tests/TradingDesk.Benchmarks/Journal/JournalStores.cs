using TradingDesk.Desk.Orders.Journal;
using TradingDesk.Hosting;

namespace TradingDesk.Benchmarks.Journal;

/// <summary>
/// The journal configurations the durable-desk benchmarks compare: Akka's in-memory journal (the baseline) and an
/// SQLite file through Akka.Persistence.Sql with the desk's serializer and the desk's connection options (its
/// <c>PRAGMA synchronous</c>, <see cref="SqliteSynchronousInterceptor"/>), as <c>desk run</c> journals by default.
/// </summary>
internal static class JournalStores
{
    /// <summary>Akka's in-memory journal and snapshot store, with the desk's serializer bound as a desk binds it.</summary>
    public static string Memory() => OrderJournalSerializer.Hocon;

    /// <summary>A fresh SQLite file (WAL, as the desk opens it) for the journal and the snapshots.</summary>
    public static string Sqlite(string path) => TradingDesk.Testing.Journal.SqlJournalHocon.For($"Data Source={path}") + OrderJournalSerializer.Hocon;

    /// <summary>
    /// What HOCON cannot say: the desk's linq2db options for every plugin on the file, with <paramref name="mode"/>
    /// (the desk's default unless a comparison asks for the other).
    /// </summary>
    public static Akka.Actor.Setup.Setup SqliteSetup(string path, SqliteSynchronous mode = SqliteSynchronous.Normal) =>
        SqliteSynchronousInterceptor.Setup(new SqliteStore(path), mode);

    /// <summary>A temporary SQLite file in WAL mode, deleted with its side files on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tradingdesk-bench-{Guid.NewGuid():N}.db");
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path}");
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            wal.ExecuteNonQuery();
        }

        public string Path { get; }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }) File.Delete(file);
        }
    }
}
