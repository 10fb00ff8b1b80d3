using Npgsql;

namespace TradingDesk.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: its Npgsql connection string comes from
/// <c>TRADINGDESK_TEST_POSTGRES</c>, which <c>scripts/test.sh</c> sets after starting a server of its own (or set it
/// from <c>bash scripts/postgres.sh start</c>). Without it a test fails, saying so: a PostgreSQL test that skips would
/// let a broken PostgreSQL store pass unseen. Each test takes a database of its own
/// (<see cref="CreateDatabaseAsync"/>), so no test sees another's journal.
/// </summary>
/// <remarks>
/// Self-contained (Npgsql and nothing else) so other test projects can link it:
/// <c>&lt;Compile Include="../TradingDesk.Hosting.Tests/Support/TestPostgres.cs" Link="Support/TestPostgres.cs" /&gt;</c>.
/// </remarks>
public static class TestPostgres
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "TRADINGDESK_TEST_POSTGRES";

    /// <summary>The server's connection string (its maintenance database), or an exception saying how to get one.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests through 'bash scripts/test.sh' (it starts a PostgreSQL for them), " +
                $"or start one with 'bash scripts/postgres.sh start' and export {Variable} with the connection string it prints");

    /// <summary>
    /// Creates an empty database with a unique name (prefix, then random) and returns it; disposing it drops it, with
    /// the connections still open to it (FORCE: a stopped host's pooled connections would otherwise keep it).
    /// </summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string prefix = "desk_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)].ToLowerInvariant();
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, connection.ConnectionString);
    }
}

/// <summary>A database of one test: <see cref="ConnectionString"/> reaches it; disposing drops it.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The names of the tables in its public schema, in order.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    public async ValueTask DisposeAsync()
    {
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
