using System.Text;
using Microsoft.Data.Sqlite;

namespace TradingDesk.Hosting;

/// <summary>
/// The desk cannot use its journal store; <see cref="Exception.Message"/> is one line that names the file (or the
/// PostgreSQL host) and says what to do. <c>desk run</c> prints it and exits with code 2.
/// </summary>
public sealed class JournalStoreException(string message) : DeskStartException(message);

/// <summary>
/// Takes an SQLite journal file for this process before the actor system starts: creates its directory, holds
/// <c>PATH.lock</c> exclusively (so a second desk on the same file is refused instead of interleaving writes with
/// the first), refuses a file that is not a desk journal, and turns on WAL (about five times the write rate of the
/// default rollback journal for one event per command, and readers such as <c>desk journal</c> do not block the
/// writer). An empty or missing file is a new journal.
/// </summary>
public sealed class SqliteJournalFile : IDisposable
{
    /// <summary>The tables Akka.Persistence.Sql creates with its default table mapping.</summary>
    public static readonly IReadOnlyList<string> JournalTables = ["journal", "tags", "journal_metadata", "snapshot"];

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly FileStream _lock;

    private SqliteJournalFile(SqliteStore store, FileStream held)
    {
        Store = store;
        _lock = held;
    }

    public SqliteStore Store { get; }

    /// <summary>Takes <paramref name="store"/>, or throws <see cref="JournalStoreException"/> saying why not.</summary>
    public static SqliteJournalFile Open(SqliteStore store)
    {
        var path = store.Path;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JournalStoreException($"cannot create the directory of the journal {path}: {ex.Message}; set TradingDesk:DataDirectory or --store sqlite:PATH to a writable place");
        }
        var held = Lock(store);
        try
        {
            CheckIsJournal(path);
            EnableWal(path);
            return new SqliteJournalFile(store, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// FileShare.None is an exclusive flock on Linux and a share-mode lock on Windows: either way the kernel drops it
    /// when the process dies, so a desk killed with SIGKILL leaves no stale lock behind (the file itself may stay).
    /// </summary>
    private static FileStream Lock(SqliteStore store)
    {
        try
        {
            return new FileStream(store.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new JournalStoreException($"the journal {store.Path} is in use by another running desk (it holds {store.LockPath}); stop that desk or use another file with --store sqlite:PATH");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new JournalStoreException($"cannot open {store.LockPath} next to the journal: {ex.Message}");
        }
    }

    /// <summary>
    /// For a reader (<c>desk journal</c>): the same checks as <see cref="Open"/> without the lock (a running desk holds
    /// it) and without creating or changing anything. Throws <see cref="JournalStoreException"/> for a missing file or
    /// one that is not a desk journal; returns false for a journal that holds no tables yet (an empty file).
    /// </summary>
    public static bool CheckReadable(SqliteStore store)
    {
        if (!File.Exists(store.Path))
            throw new JournalStoreException($"the journal {store.Path} does not exist (no desk has journaled there); name the file a desk journals to with --store sqlite:PATH");
        return CheckIsJournal(store.Path, SqliteOpenMode.ReadOnly);
    }

    /// <summary>True when the file holds the journal's tables; false for an empty or new file; throws for a foreign one.</summary>
    private static bool CheckIsJournal(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) return false;
        var start = new byte[Header.Length];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (read < Header.Length || !start.AsSpan().SequenceEqual(Header))
            throw new JournalStoreException($"{path} is not a desk journal (not an SQLite database); move it away or use another file with --store sqlite:PATH");
        List<string> tables;
        try
        {
            using var connection = Connect(path, mode);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            tables = [];
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        catch (SqliteException ex)
        {
            throw new JournalStoreException($"{path} is not a usable desk journal: {ex.Message}; move it away or use another file with --store sqlite:PATH");
        }
        if (tables.Count > 0 && !tables.Any(t => JournalTables.Contains(t, StringComparer.OrdinalIgnoreCase)))
            throw new JournalStoreException($"{path} is not a desk journal (an SQLite database with the tables {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")}); move it away or use another file with --store sqlite:PATH");
        return tables.Count > 0;
    }

    /// <summary>WAL is a property of the file: set once here, every later connection (the journal's) uses it.</summary>
    private static void EnableWal(string path)
    {
        try
        {
            using var connection = Connect(path);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new JournalStoreException($"the journal {path} cannot use WAL mode (SQLite answered '{mode}'); put it on a local file system");
        }
        catch (SqliteException ex)
        {
            throw new JournalStoreException($"cannot open the journal {path}: {ex.Message}");
        }
    }

    // Unpooled: these connections close for good, so nothing but the journal's own keeps the file open afterwards.
    private static SqliteConnection Connect(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Releases the lock (the desk has stopped using the file).</summary>
    public void Dispose() => _lock.Dispose();
}
