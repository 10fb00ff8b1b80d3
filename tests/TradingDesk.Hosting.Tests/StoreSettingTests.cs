using Microsoft.Extensions.Configuration;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>TradingDesk:Store and TradingDesk:DataDirectory: what parses, what is refused, and that no secret is repeated.</summary>
public sealed class StoreSettingTests
{
    private const string Secret = "s3cret-Pa55word";

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void The_default_is_desk_db_under_the_data_directory_relative_to_the_working_directory()
    {
        var store = Assert.IsType<SqliteStore>(new TradingDeskOptions().Validated().ResolveStore());
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "desk.db"), store.Path);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "desk.db.lock"), store.LockPath);

        var elsewhere = Assert.IsType<SqliteStore>(new TradingDeskOptions { DataDirectory = "/var/lib/desk" }.ResolveStore());
        Assert.Equal("/var/lib/desk/desk.db", elsewhere.Path);
    }

    [Fact]
    public void Store_and_DataDirectory_bind_from_configuration()
    {
        var o = DeskConfiguration.BindOptions(Config(("TradingDesk:Store", "sqlite:journals/a.db"), ("TradingDesk:DataDirectory", "state"))).Validated();
        Assert.Equal(Path.GetFullPath("journals/a.db"), Assert.IsType<SqliteStore>(o.ResolveStore()).Path);
        Assert.Equal("state", o.DataDirectory);
        Assert.Null(DeskConfiguration.BindOptions(Config(("TradingDesk:Store", ""))).Store);

        var typo = Assert.Throws<DeskStartException>(() => DeskConfiguration.BindOptions(Config(("TradingDesk:Stores", "sqlite:x.db"))));
        Assert.Contains("unknown setting TradingDesk:Stores; did you mean Store?", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_store_is_described_by_host_port_and_database_and_never_prints_its_connection_string()
    {
        var text = $"postgres:Host=db.example;Port=5433;Username=desk;Password={Secret};Database=journal";
        var o = new TradingDeskOptions { Store = text }.Validated();
        var store = Assert.IsType<PostgresStore>(o.ResolveStore());

        Assert.Equal("PostgreSQL db.example:5433/journal", store.Describe());
        Assert.Equal(store.Describe(), store.ToString());
        Assert.Contains(Secret, store.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(LinqToDB.ProviderName.PostgreSQL15, store.ProviderName);
        Assert.DoesNotContain(Secret, o.ToString(), StringComparison.Ordinal);
        Assert.Equal("failed: PostgreSQL db.example:5433/journal, password ***",
            store.Redact($"failed: {store.ConnectionString}, password {Secret}"));
        // Npgsql's defaults: port 5432, the database named after the user.
        Assert.Equal("PostgreSQL 127.0.0.1:5432/desk", Parse("postgres:Host=127.0.0.1;Username=desk").Describe());
    }

    [Theory]
    [InlineData("sqlite:", "sqlite: needs a file path")]
    [InlineData("mysql:Server=x", "'mysql:' is not a store; it must be sqlite:PATH or postgres:CONNECTION")]
    [InlineData("desk.db", "must be sqlite:PATH or postgres:CONNECTION")]
    [InlineData("postgres:", "postgres: needs a connection string")]
    [InlineData("postgres:Port=5432;Username=desk", "needs Host=")]
    [InlineData("postgres:Host=x;Pasword=" + Secret, "the connection string's 'Pasword' is not a keyword Npgsql knows")]
    [InlineData("postgres:Host=x;Port=" + Secret, "the connection string's 'Port' is not a keyword Npgsql knows or its value is malformed")]
    [InlineData("postgres:Host=x;Password='" + Secret, "the connection string is malformed")]
    [InlineData("Host=x;Port=5432;Password=" + Secret, "must be sqlite:PATH or postgres:CONNECTION")]
    [InlineData("Host=x:5432;Password=" + Secret, "must be sqlite:PATH or postgres:CONNECTION")]
    public void Bad_stores_are_refused_naming_the_setting_without_repeating_a_secret(string text, string expected)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => new TradingDeskOptions { Store = text }.Validated());
        Assert.Equal("TradingDesk:Store", ex.Setting);
        Assert.StartsWith("TradingDesk:Store ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_data_directory_is_refused()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => new TradingDeskOptions { DataDirectory = " " }.Validated());
        Assert.Equal("TradingDesk:DataDirectory", ex.Setting);
    }

    private static StoreLocation Parse(string text) =>
        StoreLocation.TryParse(text, out var store, out var problem) ? store! : throw new InvalidOperationException(problem);
}
