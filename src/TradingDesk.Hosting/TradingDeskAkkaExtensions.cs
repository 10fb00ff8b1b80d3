using System.Globalization;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Akka.Persistence.Sql.Hosting;
using TradingDesk.Cluster;
using TradingDesk.Desk.Orders.Journal;

namespace TradingDesk.Hosting;

/// <summary>
/// The desk's part of an Akka.Hosting composition:
/// <c>services.AddAkka("trading-desk", (akka, sp) =&gt; akka.WithTradingDesk(service).WithStrategies(service, strategies))</c>
/// (<see cref="ServiceCollectionExtensions.AddTradingDesk"/> does this from the TradingDesk settings).
/// </summary>
public static class TradingDeskAkkaExtensions
{
    /// <summary>
    /// The actor system's settings derived from the desk's (HOCON stays an implementation detail: users set
    /// <c>TradingDesk:StopTimeout</c>, never a phase timeout), Akka's logging into Serilog, and the desk's actors:
    /// the connection watcher, <c>/user/desk</c> and <c>/user/strategies</c>, registered in the ActorRegistry under
    /// <c>ConnectionWatcher</c>, <c>DeskActor</c> and <c>StrategyHost</c>, with the stop sequence as CoordinatedShutdown tasks.
    /// </summary>
    public static AkkaConfigurationBuilder WithTradingDesk(this AkkaConfigurationBuilder akka, TradingDeskService desk) => akka
        .AddHocon(Hocon(desk.Options), HoconAddMode.Append)
        .WithClusterNode(desk.Options.Cluster)
        .WithDeskJournal(desk.Options.ResolveStore(), synchronous: desk.Options.SqliteSynchronous)
        // One stream: Akka's events go to Serilog's static logger (desk run sets it), with the actor path and the log
        // source as properties; the Serilog formatter renders the desk's positional templates ("{0}") too.
        .ConfigureLoggers(loggers =>
        {
            loggers.ClearLoggers();
            loggers.AddSerilogLogging();
        })
        .WithActors((system, registry) => desk.Compose(system, registry));

    /// <summary>A cluster node's remoting, membership and split-brain settings, and the desk's wire contract (protobuf).</summary>
    private static AkkaConfigurationBuilder WithClusterNode(this AkkaConfigurationBuilder akka, ClusterSettings cluster)
    {
        if (!cluster.Enabled) return akka;
        ClusterPortProbe.EnsureFree(cluster);
        return akka.WithDeskCluster(cluster.ToClusterOptions());
    }

    /// <summary>
    /// Akka.Persistence.Sql as the default journal and snapshot store (the order manager names no plugin), on the
    /// configured store; its tables are created on first use. The order book's events and snapshots are bound to
    /// <see cref="OrderJournalSerializer"/> (JSON under fixed manifests): Akka's default would write CLR type names
    /// into the store, and a rename would then make the journal unreadable. In the desk, the store was taken (locked, checked,
    /// WAL) by <see cref="JournalStoreService"/> before this system starts; a system of its own (a tool reading the
    /// journal, a test) that uses an SQLite file should take it with <see cref="SqliteJournalFile.Open"/> first.
    /// <paramref name="readOnly"/> is for a reader beside a running desk (<see cref="JournalReader"/>): no tables are
    /// created and an SQLite file is opened read-only, so reading can never change the store or take the desk's lock.
    /// A writer on SQLite gets <paramref name="synchronous"/> on every connection of the journal, its queries and the
    /// snapshot store (<see cref="SqliteSynchronousInterceptor"/>, handed over as linq2db options per plugin); a reader
    /// commits nothing, so it keeps SQLite's defaults. A recovery that hears nothing from the journal for
    /// <see cref="RecoveryEventTimeout"/> fails (Akka's default is 30 s): a store never reached at the start otherwise
    /// holds the order manager's first attempt that long before the backoff even begins.
    /// </summary>
    public static AkkaConfigurationBuilder WithDeskJournal(this AkkaConfigurationBuilder akka, StoreLocation store, bool readOnly = false,
        SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        akka.AddHocon(OrderJournalSerializer.Hocon, HoconAddMode.Prepend);
        akka.AddHocon($"akka.persistence.journal.sql.recovery-event-timeout = {(int)RecoveryEventTimeout.TotalSeconds}s", HoconAddMode.Prepend);
        var connectionString = readOnly ? store.ReadOnlyConnectionString : store.ConnectionString;
        if (readOnly || store is not SqliteStore sqlite)
            return akka.WithSqlPersistence(connectionString, store.ProviderName, autoInitialize: !readOnly, isDefaultPlugin: true);
        // The connection string and provider stay in the HOCON as well: the plugins read the provider name from there.
        var options = SqliteSynchronousInterceptor.DataOptions(sqlite, synchronous);
        return akka.WithSqlPersistence(
            new SqlJournalOptions(isDefaultPlugin: true)
            {
                ConnectionString = connectionString, ProviderName = store.ProviderName, AutoInitialize = true, DataOptions = options,
            },
            new SqlSnapshotOptions(isDefaultPlugin: true)
            {
                ConnectionString = connectionString, ProviderName = store.ProviderName, AutoInitialize = true, DataOptions = options,
            });
    }

    /// <summary>
    /// How long a recovery may go without a word from the journal. Ample for a healthy store (100,000 events recover in
    /// under 2 s, docs/benchmarks.md); short enough that a store that does not answer is retried within seconds.
    /// </summary>
    public static readonly TimeSpan RecoveryEventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The strategies the desk starts once it is first connected (under <c>/user/strategies/&lt;name&gt;</c>).</summary>
    public static AkkaConfigurationBuilder WithStrategies(this AkkaConfigurationBuilder akka, TradingDeskService desk, IReadOnlyList<TradingDeskBuilder.HostedStrategy> strategies) =>
        akka.WithActors((_, _) => desk.ComposeStrategies(strategies));

    /// <summary>
    /// Phase timeouts cover the stop sequence: the strategies' stop (10 s, as a strategy's own stop is quick), and the
    /// wait for the cancels' outcomes (StopTimeout, answered by the monitor's timer) plus a margin for the final snapshot.
    /// Log levels are Serilog's business: Akka publishes from INFO up and Serilog filters. Nothing is printed on stdout
    /// (desk run's view lives there).
    /// </summary>
    internal static string Hocon(TradingDeskOptions options) => string.Create(CultureInfo.InvariantCulture, $"""
        akka.loglevel = INFO
        akka.stdout-loglevel = OFF
        akka.log-config-on-start = off
        akka.coordinated-shutdown.phases.service-unbind.timeout = 15s
        akka.coordinated-shutdown.phases.service-requests-done.timeout = {(int)Math.Ceiling((options.StopTimeout + TimeSpan.FromSeconds(10)).TotalMilliseconds)}ms
        """);
}
