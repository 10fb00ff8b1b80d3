using System.Collections.Immutable;
using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Orders.Journal;

namespace TradingDesk.Hosting;

/// <summary>
/// What a reader recovered from an order journal: the book as the desk would recover it, and when the journal first
/// recorded each order (an order that came from the snapshot gets the snapshot's time: it was placed no later).
/// </summary>
public sealed record JournalContents(
    StoreLocation Store, int ClientId, OrderBook Book, IReadOnlyDictionary<OrderId, DateTimeOffset> Journaled,
    long Events, DateTimeOffset? SnapshotTime)
{
    /// <summary>Neither a snapshot nor an event for this client id.</summary>
    public bool Empty => Events == 0 && SnapshotTime is null;
}

/// <summary>
/// Reads a desk's order journal without touching it: an actor system of its own on the same Akka.Persistence.Sql
/// configuration as the desk (<see cref="TradingDeskAkkaExtensions.WithDeskJournal"/>, read-only), the latest snapshot
/// from the snapshot store, then the events after it from the SQL read journal, folded with <see cref="OrderBook.Apply"/>
/// exactly as the order manager recovers. It takes no lock, so it reads beside a running desk (WAL lets readers in).
/// </summary>
public static class JournalReader
{
    /// <summary>Long enough for a PostgreSQL connect attempt (Npgsql's Timeout is 15 s by default) to fail by itself.</summary>
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads the journal of <paramref name="clientId"/>; bad stores throw <see cref="JournalStoreException"/>.</summary>
    public static async Task<JournalContents> ReadAsync(StoreLocation store, int clientId, CancellationToken cancellation)
    {
        var empty = new JournalContents(store, clientId, new OrderBook { ClientId = clientId }, ImmutableDictionary<OrderId, DateTimeOffset>.Empty, 0, null);
        // A file without the journal's tables has nothing to read, and a read-only reader must not create them.
        if (store is SqliteStore sqlite && !SqliteJournalFile.CheckReadable(sqlite)) return empty;
        using var host = Build(store);
        try
        {
            await host.StartAsync(cancellation);
            var system = host.Services.GetRequiredService<ActorSystem>();
            return await ReadAsync(system, store, clientId, cancellation);
        }
        catch (Exception ex) when (ex is not JournalStoreException and not OperationCanceledException)
        {
            if (IsMissingTable(ex)) return empty;
            var reason = ex.GetBaseException().Message;
            if (store is PostgresStore postgres) reason = postgres.Redact(reason);
            throw new JournalStoreException($"cannot read the journal {store.Describe()}: {reason}");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost Build(StoreLocation store)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Akka's own log would go to stdout, which is the report's; the failures that matter come back as exceptions.
        builder.Services.AddAkka("trading-desk-journal", akka => akka
            .AddHocon("akka.loglevel = OFF\nakka.stdout-loglevel = OFF\nakka.log-dead-letters = off", HoconAddMode.Prepend)
            .WithDeskJournal(store, readOnly: true));
        return builder.Build();
    }

    private static async Task<JournalContents> ReadAsync(ActorSystem system, StoreLocation store, int clientId, CancellationToken cancellation)
    {
        var id = OrderJournal.PersistenceId(clientId);
        var snapshots = Persistence.Instance.Apply(system).SnapshotStoreFor(null);
        var loaded = await snapshots.Ask<ISnapshotResponse>(
            new LoadSnapshot(id, SnapshotSelectionCriteria.Latest, long.MaxValue), SnapshotTimeout, cancellation);
        var selected = loaded switch
        {
            LoadSnapshotResult r => r.Snapshot,
            LoadSnapshotFailed f => throw f.Cause,
            _ => throw new InvalidOperationException($"the snapshot store answered {loaded.GetType().Name}"),
        };
        var book = selected?.Snapshot as OrderBook ?? new OrderBook { ClientId = clientId };
        DateTimeOffset? snapshotTime = selected is null ? null : new DateTimeOffset(DateTime.SpecifyKind(selected.Metadata.Timestamp, DateTimeKind.Utc));
        var journaled = ImmutableDictionary.CreateBuilder<OrderId, DateTimeOffset>();
        if (snapshotTime is { } taken)
            foreach (var order in book.Orders.Keys) journaled[order] = taken;

        var queries = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var from = (selected?.Metadata.SequenceNr ?? 0) + 1;
        var envelopes = await queries.CurrentEventsByPersistenceId(id, from, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        foreach (var envelope in envelopes)
        {
            if (envelope.Event is not BookEvent fact) continue;
            if (fact is BookEvent.OrderPlaced or BookEvent.OrderDiscovered && OrderOf(fact) is { } placed && !journaled.ContainsKey(placed))
                journaled[placed] = JournalTime(envelope.Timestamp);
            // The book's own fold, as the order manager's recovery applies each event.
            book = book.Apply(fact);
        }
        return new JournalContents(store, clientId, book, journaled.ToImmutable(), envelopes.Count, snapshotTime);
    }

    private static OrderId? OrderOf(BookEvent fact) => fact switch
    {
        BookEvent.OrderPlaced p => p.Order.Id,
        BookEvent.OrderDiscovered d => d.Order.Id,
        _ => null,
    };

    /// <summary>
    /// Akka.Persistence.Sql stamps rows with DateTime.UtcNow.Ticks, other journals with Unix milliseconds; the two
    /// ranges do not meet for any date a desk can have written (ticks past the year 1 exceed every millisecond count
    /// up to the year 9999).
    /// </summary>
    internal static DateTimeOffset JournalTime(long stamp) =>
        stamp > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? new DateTimeOffset(stamp, TimeSpan.Zero)
            : DateTimeOffset.FromUnixTimeMilliseconds(stamp);

    /// <summary>A store the desk has never written to (no tables yet): an empty journal, not an error.</summary>
    private static bool IsMissingTable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable }) return true;
            if (e is SqliteException { SqliteErrorCode: 1 } s && s.Message.Contains("no such table", StringComparison.Ordinal)) return true;
            if (e is AggregateException a && a.InnerExceptions.Any(IsMissingTable)) return true;
        }
        return false;
    }
}
