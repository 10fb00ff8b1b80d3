using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Orders.Journal;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Tests.Support;

/// <summary>
/// Writes order-book events and snapshots under the order manager's persistence id, through the desk's own journal
/// configuration (<see cref="TradingDeskAkkaExtensions.WithDeskJournal"/>) and serializer: the store then holds exactly
/// what a desk would have written, with a known story instead of a market's randomness.
/// </summary>
public sealed class JournalWriter : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly IHost _host;
    private readonly SqliteJournalFile? _file;
    private readonly IActorRef _writer;

    private JournalWriter(IHost host, SqliteJournalFile? file, IActorRef writer)
    {
        _host = host;
        _file = file;
        _writer = writer;
    }

    /// <summary>Takes the store as a desk does (an SQLite file is locked while this writer lives).</summary>
    public static async Task<JournalWriter> StartAsync(StoreLocation store, int clientId = 1)
    {
        var file = store is SqliteStore sqlite ? SqliteJournalFile.Open(sqlite) : null;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("journal-writer", akka => akka
            .AddHocon("akka.loglevel = WARNING\nakka.stdout-loglevel = OFF", HoconAddMode.Prepend)
            .WithDeskJournal(store));
        var host = builder.Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var writer = system.ActorOf(Props.Create(() => new Writer(OrderJournal.PersistenceId(clientId))), "writer");
        return new JournalWriter(host, file, writer);
    }

    /// <summary>Returns once every event is in the store.</summary>
    public Task WriteAsync(IReadOnlyList<BookEvent> events) => _writer.Ask<Written>(new Write(events), Timeout);

    /// <summary>Returns once the snapshot is in the store (at the sequence number of the last event written).</summary>
    public Task SnapshotAsync(OrderBook book) => _writer.Ask<Written>(new Snapshot(book), Timeout);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _file?.Dispose();
    }

    private sealed record Write(IReadOnlyList<BookEvent> Events);

    private sealed record Snapshot(OrderBook Book);

    private sealed record Written;

    private sealed class Writer : ReceivePersistentActor
    {
        private IActorRef _waiting = ActorRefs.Nobody;

        public Writer(string persistenceId)
        {
            PersistenceId = persistenceId;
            Command<Write>(w =>
            {
                var sender = Sender;
                PersistAll(w.Events, _ => { });
                DeferAsync(w, _ => sender.Tell(new Written()));
            });
            Command<Snapshot>(s =>
            {
                _waiting = Sender;
                SaveSnapshot(s.Book);
            });
            Command<SaveSnapshotSuccess>(_ => _waiting.Tell(new Written()));
            Command<SaveSnapshotFailure>(f => _waiting.Tell(new Status.Failure(f.Cause)));
            Recover<BookEvent>(_ => { });
        }

        public override string PersistenceId { get; }
    }
}
