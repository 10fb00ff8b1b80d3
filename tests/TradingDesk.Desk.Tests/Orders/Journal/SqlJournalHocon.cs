namespace TradingDesk.Testing.Journal;

/// <summary>
/// The desk's journal and snapshot store on Akka.Persistence.Sql, as HOCON for an actor system that does not start
/// through the hosting layer (which configures the same through Akka.Hosting): the desk's tests, the benchmarks and the
/// cluster tests' node host share it. The desk's serializer is bound apart (OrderJournalSerializer.Hocon).
/// HOCON cannot carry the desk's SQLite connection options (TradingDesk:SqliteSynchronous, a linq2db interceptor), so
/// an SQLite journal from here alone runs at SQLite's default, synchronous=FULL; the benchmarks add the desk's options
/// as an actor-system setup (JournalStores.SqliteSetup) so they measure what desk run does.
/// </summary>
internal static class SqlJournalHocon
{
    /// <summary>linq2db's provider name for Microsoft.Data.Sqlite.</summary>
    public const string Sqlite = "SQLite.MS";

    public static string For(string connectionString, string providerName = Sqlite) => $$"""
        akka.persistence.journal.plugin = "akka.persistence.journal.sql"
        akka.persistence.journal.sql {
          class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
          connection-string = "{{connectionString}}"
          provider-name = "{{providerName}}"
          auto-initialize = on
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
        akka.persistence.snapshot-store.sql {
          class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
          connection-string = "{{connectionString}}"
          provider-name = "{{providerName}}"
          auto-initialize = on
        }
        """;
}
