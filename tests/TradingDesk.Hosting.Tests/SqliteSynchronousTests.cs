using Akka.Actor;
using Akka.Persistence.Sql.Config;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>TradingDesk:SqliteSynchronous: how it binds, what is refused, and that the PRAGMA reaches the journal's connections.</summary>
public sealed class SqliteSynchronousTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-sync-").FullName;

    /// <summary>The plugins Akka.Persistence.Sql looks their linq2db options up under: journal, its queries, snapshots.</summary>
    private static readonly string[] Plugins =
        ["akka.persistence.journal.sql", "akka.persistence.query.journal.sql", "akka.persistence.snapshot-store.sql"];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static IConfiguration Config(string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("TradingDesk:SqliteSynchronous", value)]).Build();

    [Fact]
    public void The_default_is_Normal_and_either_name_binds_in_any_case()
    {
        Assert.Equal(SqliteSynchronous.Normal, new TradingDeskOptions().SqliteSynchronous);
        Assert.Equal(SqliteSynchronous.Full, DeskConfiguration.BindOptions(Config("full")).SqliteSynchronous);
        Assert.Equal(SqliteSynchronous.Normal, DeskConfiguration.BindOptions(Config(" NORMAL ")).SqliteSynchronous);
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("1")]
    [InlineData("Normal,Full")]
    public void Other_values_are_refused_in_one_line_naming_the_setting(string value)
    {
        var ex = Assert.Throws<DeskStartException>(() => DeskConfiguration.BindOptions(Config(value)));
        Assert.Equal($"TradingDesk:SqliteSynchronous is \"{value}\"; expected Normal or Full", ex.Message);
    }

    /// <summary>
    /// A desk on SQLite, started as <c>desk run</c> starts it: once it has journaled, each plugin's linq2db options, looked
    /// up where the plugins look them up (the actor system's setup), open connections that report the configured
    /// setting. SQLite's own default is FULL, which a plain connection to the same file shows, so NORMAL cannot be an
    /// accident of the build.
    /// </summary>
    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public async Task The_journal_the_query_journal_and_the_snapshot_store_open_connections_with_the_setting(SqliteSynchronous mode, long expected)
    {
        var path = Path.Combine(_dir, $"{mode}.db");
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithEmbeddedSimulator(seed: 3)
            .WithOptions(o => o with { Store = $"sqlite:{path}", SqliteSynchronous = mode }));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<TradingDeskService>().System!;
            await JournalHostTests.PersistOneAsync(system);

            var setup = system.Settings.Setup.Get<MultiDataOptionsSetup>();
            Assert.True(setup.HasValue, "the desk registered no linq2db options for its plugins");
            foreach (var plugin in Plugins)
            {
                Assert.True(setup.Value.TryGetDataOptionsFor(plugin, out var options), $"no linq2db options for {plugin}");
                using var connection = new DataConnection(options!);
                Assert.Equal(expected, connection.Execute<long>("PRAGMA synchronous"));
                Assert.Equal(path, new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
            }
            Assert.Equal("2", SqliteJournalFileTests.Pragma(path, "synchronous"));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
