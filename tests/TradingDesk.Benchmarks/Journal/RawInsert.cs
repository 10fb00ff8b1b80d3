using System.Diagnostics;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using TradingDesk.Desk.Orders;

namespace TradingDesk.Benchmarks.Journal;

/// <summary>
/// The baseline for the journal's write rate: the same events, serialized by the desk's serializer, inserted straight
/// into an SQLite file (WAL) in one transaction per 1,000 rows with a prepared statement; no actors, no Akka.Persistence.
/// </summary>
internal static class RawInsert
{
    public static async Task<double> RunAsync(int events)
    {
        using var file = new JournalStores.TempFile();
        var system = BenchSystems.Create("raw-insert", JournalStores.Memory());
        List<byte[]> payloads;
        try
        {
            var serialization = system.Serialization;
            payloads = [.. JournalRecovery.Events(events).Select(e => serialization.FindSerializerFor(e).ToBinary(e))];
        }
        finally
        {
            await system.Terminate();
        }

        using var connection = new SqliteConnection($"Data Source={file.Path}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE journal (ordering INTEGER PRIMARY KEY, persistence_id TEXT NOT NULL, sequence_number INTEGER NOT NULL, manifest TEXT, payload BLOB NOT NULL, UNIQUE (persistence_id, sequence_number))";
            create.ExecuteNonQuery();
        }
        var start = Stopwatch.GetTimestamp();
        for (var from = 0; from < payloads.Count; from += 1_000)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO journal (persistence_id, sequence_number, manifest, payload) VALUES ($id, $seq, $manifest, $payload)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var manifest = insert.Parameters.Add("$manifest", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            insert.Prepare();
            for (var k = from; k < Math.Min(payloads.Count, from + 1_000); k++)
            {
                id.Value = "trading-desk-orders-client-1";
                seq.Value = k + 1;
                manifest.Value = "e";
                payload.Value = payloads[k];
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return payloads.Count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
