using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Orders.Journal;

namespace TradingDesk.Benchmarks.Journal;

/// <summary>
/// How long a desk takes to recover its order journal: a journal of N events (orders placed, acknowledged, filled and
/// the fills acknowledged, five events an order) is written to a fresh SQLite file, then a new order manager recovers
/// it; the time is from its creation to its answer to a first command (Akka stashes commands until recovery is done).
/// Measured twice in one actor system: cold (the first recovery of the process pays the SQL layer's first use) and warm.
/// With snapshots the journal holds one taken 500 events before its end, as the desk's SnapshotEvery leaves it.
/// </summary>
internal static class JournalRecovery
{
    /// <summary>Recovery times, and the rate the journal took the events at (batches of 1,000 through PersistAll).</summary>
    public sealed record Result(int Events, bool Snapshots, double ColdMillis, double WarmMillis, int Orders, double WrittenPerSecond);

    private const int ClientId = 1;
    private const int EventsPerOrder = 5;
    private const int Batch = 1_000;
    private const int TailAfterSnapshot = 500;

    public static async Task<Result> RunAsync(int events, bool snapshots)
    {
        using var file = new JournalStores.TempFile();
        var journal = Events(events);
        double written;
        var seeding = BenchSystems.Create("journal-seed", JournalStores.Sqlite(file.Path), JournalStores.SqliteSetup(file.Path));
        try
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writing = Stopwatch.GetTimestamp();
            seeding.ActorOf(Props.Create(() => new Seeder(journal, snapshots ? journal.Count - TailAfterSnapshot : -1, done)));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            written = journal.Count / Stopwatch.GetElapsedTime(writing).TotalSeconds;
        }
        finally
        {
            await seeding.Terminate();
        }

        var system = BenchSystems.Create("journal-recover", JournalStores.Sqlite(file.Path), JournalStores.SqliteSetup(file.Path));
        try
        {
            var cold = await RecoverAsync(system, "cold");
            var warm = await RecoverAsync(system, "warm");
            return new Result(events, snapshots, cold, warm, journal.Count / EventsPerOrder, written);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<double> RecoverAsync(ActorSystem system, string name)
    {
        var start = Stopwatch.GetTimestamp();
        var manager = system.ActorOf(OrderManagerActor.Props(system.DeadLetters, new OrderManagerOptions { ClientId = ClientId }), name);
        await manager.Ask<OrderEvents.StrategyBindings>(new OrderCommands.GetStrategyBindings(), TimeSpan.FromMinutes(2));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await manager.GracefulStop(TimeSpan.FromSeconds(30));
        return elapsed;
    }

    /// <summary>The facts of <paramref name="count"/> / 5 orders as a desk journals them, over a few strategies and symbols.</summary>
    internal static List<BookEvent> Events(int count)
    {
        var list = new List<BookEvent>(count);
        var at = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
        string[] symbols = ["AAPL", "MSFT", "SPY", "TLT"];
        for (var n = 0; list.Count + EventsPerOrder <= count; n++)
        {
            var id = new OrderId(n + 1);
            var strategy = new StrategyId($"s{n % 8}");
            var contract = Contract.Stock(symbols[n % symbols.Length]);
            var perm = new PermId(1_000_000_000L + n);
            var exec = new ExecId($"{n + 1:x8}.6750a1b0.01.01");
            var time = at.AddMilliseconds(n * 10);
            list.Add(new BookEvent.OrderPlaced(new OrderRecord(id, strategy, contract, Order.Limit(OrderAction.Buy, 10, 100m + n % 50), null)));
            list.Add(new BookEvent.Observed(Status(id, perm, strategy, OrderStatus.Submitted, 0, 10, time), true));
            list.Add(new BookEvent.Observed(new OrderEvents.Filled(id, perm, exec, strategy, contract, "BOT", 10, 100m, 10, 100m, "DU1", "SMART", time, time), true));
            list.Add(new BookEvent.Observed(Status(id, perm, strategy, OrderStatus.Filled, 10, 0, time), true));
            list.Add(new BookEvent.FillsDelivered(strategy, [exec]));
        }
        return list;
    }

    private static OrderEvents.OrderStatusChanged Status(OrderId id, PermId perm, StrategyId strategy, OrderStatus status, decimal filled, decimal remaining, DateTimeOffset time) =>
        new(id, perm, strategy, status, filled, remaining, filled > 0 ? 100m : null, filled > 0 ? 100m : null, null, null, time, time);

    private sealed record Next(int From);

    /// <summary>Writes the events in batches under the desk's persistence id, with a snapshot of the folded book at <c>snapshotAt</c>.</summary>
    private sealed class Seeder : ReceivePersistentActor
    {
        private readonly TaskCompletionSource _done;

        public Seeder(IReadOnlyList<BookEvent> events, int snapshotAt, TaskCompletionSource done)
        {
            _done = done;
            var book = new OrderBook { ClientId = ClientId };
            Command<Next>(next =>
            {
                if (next.From >= events.Count)
                {
                    done.TrySetResult();
                    return;
                }
                var end = Math.Min(events.Count, next.From + Batch);
                if (snapshotAt > next.From && snapshotAt < end) end = snapshotAt;
                PersistAll(events.Skip(next.From).Take(end - next.From), e => book = book.Apply(e), () =>
                {
                    if (end == snapshotAt) SaveSnapshot(book);
                    else Self.Tell(new Next(end));
                });
            });
            Command<SaveSnapshotSuccess>(s => Self.Tell(new Next((int)s.Metadata.SequenceNr)));
            Command<SaveSnapshotFailure>(f => done.TrySetException(f.Cause));
        }

        public override string PersistenceId => OrderJournal.PersistenceId(ClientId);

        protected override void PreStart() => Self.Tell(new Next(0));

        protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
        {
            _done.TrySetException(cause);
            base.OnPersistFailure(cause, @event, sequenceNr);
        }
    }
}
