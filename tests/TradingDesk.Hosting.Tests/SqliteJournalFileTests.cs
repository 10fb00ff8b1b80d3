using Microsoft.Data.Sqlite;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>What the desk accepts as its SQLite journal, and the lock that keeps a second desk off it.</summary>
public sealed class SqliteJournalFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SqliteStore Store(string name = "desk.db") => new(Path.Combine(_dir, name));

    internal static string Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_new_file_in_a_new_directory_is_created_in_WAL_mode()
    {
        var store = new SqliteStore(Path.Combine(_dir, "data", "nested", "desk.db"));
        using (SqliteJournalFile.Open(store))
        {
            Assert.True(File.Exists(store.Path));
            Assert.True(File.Exists(store.LockPath));
        }
        Assert.Equal("wal", Pragma(store.Path, "journal_mode"));
    }

    [Fact]
    public void An_empty_file_is_a_new_journal()
    {
        var store = Store();
        File.WriteAllBytes(store.Path, []);
        using (SqliteJournalFile.Open(store)) { }
        Assert.Equal("wal", Pragma(store.Path, "journal_mode"));
    }

    [Fact]
    public void A_file_that_is_not_SQLite_is_refused_and_left_as_it_was()
    {
        var store = Store();
        File.WriteAllText(store.Path, "positions: AAPL 100\n");

        var ex = Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(store));
        Assert.Equal($"{store.Path} is not a desk journal (not an SQLite database); move it away or use another file with --store sqlite:PATH", ex.Message);
        Assert.Equal("positions: AAPL 100\n", File.ReadAllText(store.Path));
        // The refused start let go of the lock: the next try (after the file is moved away) is not blocked by it.
        File.Delete(store.Path);
        using (SqliteJournalFile.Open(store)) { }
    }

    [Fact]
    public void A_short_file_is_refused_too()
    {
        var store = Store();
        File.WriteAllText(store.Path, "SQLite");
        Assert.Contains("not an SQLite database", Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(store)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_SQLite_database_of_something_else_is_refused_naming_its_tables()
    {
        var store = Store();
        Execute(store.Path, "CREATE TABLE customers (id INTEGER); CREATE TABLE invoices (id INTEGER)");

        var ex = Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(store));
        Assert.Equal($"{store.Path} is not a desk journal (an SQLite database with the tables customers, invoices); move it away or use another file with --store sqlite:PATH", ex.Message);
        Assert.Equal("delete", Pragma(store.Path, "journal_mode")); // untouched: not switched to WAL
    }

    [Fact]
    public void An_SQLite_database_with_the_journal_tables_is_accepted()
    {
        var store = Store();
        Execute(store.Path, "CREATE TABLE journal (ordering INTEGER); CREATE TABLE snapshot (persistence_id TEXT)");
        using (SqliteJournalFile.Open(store)) { }
        Assert.Equal("wal", Pragma(store.Path, "journal_mode"));
    }

    [Fact]
    public void A_file_locked_by_another_desk_is_refused_until_that_desk_lets_go()
    {
        var store = Store();
        var other = new FileStream(store.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ex = Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(store));
        Assert.Equal($"the journal {store.Path} is in use by another running desk (it holds {store.LockPath}); stop that desk or use another file with --store sqlite:PATH", ex.Message);

        other.Dispose();
        using var first = SqliteJournalFile.Open(store);
        // And the desk that holds it now keeps a second one off.
        Assert.Contains("in use by another running desk", Assert.Throws<JournalStoreException>(() => SqliteJournalFile.Open(store)).Message, StringComparison.Ordinal);
    }
}
