using System.Data.Common;
using Npgsql;

namespace TradingDesk.Hosting;

/// <summary>
/// Where the desk journals: <see cref="SqliteStore"/> (a file, the default) or <see cref="PostgresStore"/>. Written
/// <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c> in <c>TradingDesk:Store</c> and in <c>desk run --store</c>.
/// <see cref="Describe"/> is what may be printed or logged; a PostgreSQL connection string never is, so neither
/// <see cref="object.ToString"/> nor any parse error repeats it.
/// </summary>
public abstract record StoreLocation
{
    /// <summary>The file name of the default journal under <c>TradingDesk:DataDirectory</c>.</summary>
    public const string DefaultFileName = "desk.db";

    /// <summary>What the setting takes, for error messages.</summary>
    public const string Expected = "sqlite:PATH or postgres:CONNECTION (for example postgres:Host=127.0.0.1;Port=5432;Username=desk;Database=desk)";

    /// <summary>The linq2db provider name Akka.Persistence.Sql is configured with.</summary>
    public abstract string ProviderName { get; }

    /// <summary>The connection string handed to the journal. Secret for PostgreSQL: never print or log it.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>
    /// The connection string for a reader that must not write (<c>desk journal</c>). SQLite: read-only mode, so the file
    /// is neither created nor changed; PostgreSQL: the same string (the reader issues no writes).
    /// </summary>
    public virtual string ReadOnlyConnectionString => ConnectionString;

    /// <summary>What to show: "SQLite /full/path/desk.db" or "PostgreSQL host:port/database".</summary>
    public abstract string Describe();

    /// <summary>The default journal: <c>desk.db</c> under <paramref name="dataDirectory"/> (relative to the working directory).</summary>
    public static SqliteStore Default(string dataDirectory) => new(Path.GetFullPath(Path.Combine(dataDirectory, DefaultFileName)));

    /// <summary>
    /// Parses <c>sqlite:PATH</c> (relative to the working directory) or <c>postgres:CONNECTION</c> (an Npgsql
    /// connection string). On failure <paramref name="problem"/> says what is wrong without repeating the value past
    /// its scheme (it may hold a password).
    /// </summary>
    public static bool TryParse(string? text, out StoreLocation? store, out string problem)
    {
        store = null;
        text = text?.Trim() ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : text[..colon];
        var rest = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (scheme.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problem = rest.Length == 0 ? "sqlite: needs a file path, for example sqlite:data/desk.db" : "";
            if (rest.Length > 0 && rest.IndexOfAny(Path.GetInvalidPathChars()) >= 0) problem = "sqlite: the path holds characters a file name cannot";
            if (problem.Length > 0) return false;
            store = new SqliteStore(Path.GetFullPath(rest));
            return true;
        }
        if (scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (PostgresStore.TryCreate(rest, out var postgres, out problem)) store = postgres;
            return store is not null;
        }
        // Only a short word before the colon is repeated: anything longer may be a connection string without its scheme.
        problem = scheme.Length is > 0 and <= 12 && scheme.All(char.IsAsciiLetterOrDigit)
            ? $"'{scheme}:' is not a store; it must be {Expected}"
            : $"must be {Expected}";
        return false;
    }
}

/// <summary>An SQLite journal file (full path); WAL mode, locked by the desk that uses it.</summary>
public sealed record SqliteStore(string Path) : StoreLocation
{
    public override string ProviderName => LinqToDB.ProviderName.SQLiteMS;

    public override string ConnectionString => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path }.ToString();

    public override string ReadOnlyConnectionString => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly,
    }.ToString();

    /// <summary>The lock file next to the journal, held with FileShare.None by the running desk.</summary>
    public string LockPath => Path + ".lock";

    public override string Describe() => $"SQLite {Path}";

    public override string ToString() => Describe();
}

/// <summary>A PostgreSQL journal. The connection string stays inside: <see cref="ToString"/> is <see cref="Describe"/>.</summary>
public sealed record PostgresStore : StoreLocation
{
    private readonly string _connectionString;

    private PostgresStore(NpgsqlConnectionStringBuilder builder)
    {
        _connectionString = builder.ConnectionString;
        Host = builder.Host!;
        Port = builder.Port;
        Database = builder.Database ?? builder.Username ?? "postgres";
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The database (Npgsql defaults it to the user name).</summary>
    public string Database { get; }

    public override string ProviderName => LinqToDB.ProviderName.PostgreSQL15;

    public override string ConnectionString => _connectionString;

    public override string Describe() => $"PostgreSQL {Host}:{Port}/{Database}";

    public override string ToString() => Describe();

    /// <summary>
    /// Checks each keyword on its own so an error can name the keyword at fault and never the value (Npgsql's own
    /// messages for a bad value may quote it).
    /// </summary>
    internal static bool TryCreate(string connection, out PostgresStore? store, out string problem)
    {
        store = null;
        problem = "";
        if (connection.Length == 0)
        {
            problem = "postgres: needs a connection string, for example postgres:Host=127.0.0.1;Port=5432;Username=desk;Database=desk";
            return false;
        }
        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = connection;
        }
        catch (ArgumentException)
        {
            problem = "postgres: the connection string is malformed; write it as Key=Value pairs separated by ';' (Host=...;Port=...;Username=...;Database=...)";
            return false;
        }
        var npgsql = new NpgsqlConnectionStringBuilder();
        foreach (string key in generic.Keys)
        {
            try
            {
                npgsql[key] = generic[key];
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                problem = $"postgres: the connection string's '{AsWritten(connection, key)}' is not a keyword Npgsql knows or its value is malformed";
                return false;
            }
        }
        if (string.IsNullOrWhiteSpace(npgsql.Host))
        {
            problem = "postgres: the connection string needs Host=... (and usually Port, Username, Password, Database)";
            return false;
        }
        store = new PostgresStore(npgsql);
        return true;
    }

    /// <summary>The keyword as the user wrote it (DbConnectionStringBuilder lower-cases its keys).</summary>
    private static string AsWritten(string connection, string key)
    {
        var at = connection.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? key : connection.Substring(at, key.Length);
    }

    /// <summary>
    /// One line about a failure of this store, with the connection string and its password taken out should any
    /// message quote them (Npgsql's do not today; this keeps it so).
    /// </summary>
    public string Redact(string text)
    {
        var password = new NpgsqlConnectionStringBuilder(_connectionString).Password;
        text = text.Replace(_connectionString, Describe(), StringComparison.Ordinal);
        return string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);
    }
}
