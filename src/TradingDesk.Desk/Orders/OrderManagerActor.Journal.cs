using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The journal: recovery, recording facts before acting on them, snapshots, and what happens when the store fails.
/// Every fact the book records (<see cref="BookEvent.Journaled"/>) is persisted first and applied once written; the
/// effects that depend on it (a placeOrder to the pacer, a reply, a delivery to the owner) run after. Akka stashes the
/// commands that arrive meanwhile, so every decision is taken on a book that holds everything decided before it.
/// </summary>
public sealed partial class OrderManagerActor
{
    private readonly Stopwatch _recovery = Stopwatch.StartNew();

    // Commands whose facts are being written: told JournalUnavailable if the store fails them.
    private readonly List<(IOrderCommand Command, IActorRef Sender)> _awaitingJournal = [];

    private void Recovering()
    {
        Recover<SnapshotOffer>(offer => _book = (OrderBook)offer.Snapshot);
        Recover<BookEvent>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            // A snapshot taken online says so; this incarnation is offline until the connection says otherwise.
            _book = _book with { Online = false, IdsSeeded = false, ClientId = _options.ClientId };
            _log.Info("Order journal {0} recovered in {1} ms: {2} orders ({3} working), {4} fills, next order id {5}",
                PersistenceId, _recovery.ElapsedMilliseconds, _book.Orders.Count, _book.Orders.Values.Count(o => o.IsWorking),
                _book.SessionFills.Count, _book.NextId);
            _supervisor?.Tell(new OrderManagerSupervisor.ManagerRecovered());
        });
    }

    /// <summary>
    /// Records facts and then runs <paramref name="then"/>: journaled facts are written first and applied as each is
    /// written; the session effects among them apply, and <paramref name="then"/> runs, once all are written (Akka
    /// stashes commands until then, so nothing overtakes it). With nothing to write, all of it happens at once: every
    /// handler records at most one batch of facts, or records its batches only through this method, in order.
    /// </summary>
    private void Record(IReadOnlyList<BookEvent> events, Action? then = null)
    {
        var facts = events.Where(e => e.Journaled).ToList();
        if (facts.Count == 0)
        {
            foreach (var effect in events) Apply(effect);
            CountRecorded(events);
            TraceRecorded(events);
            then?.Invoke();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        PersistAll(facts, OnJournaled, () =>
        {
            RecordJournalWrite(started);
            foreach (var effect in events.Where(e => !e.Journaled)) Apply(effect);
            CountRecorded(events);
            TraceRecorded(events);
            then?.Invoke();
        });
    }

    private void OnJournaled(BookEvent fact)
    {
        Apply(fact);
        if (_options.SnapshotEvery > 0 && LastSequenceNr % _options.SnapshotEvery == 0) SaveSnapshot(_book);
    }

    private void AwaitJournal(IOrderCommand command, IActorRef sender) => _awaitingJournal.Add((command, sender));

    private void JournalAnswered(IOrderCommand command, IActorRef sender) =>
        _awaitingJournal.RemoveAll(a => ReferenceEquals(a.Command, command) && a.Sender.Equals(sender));

    private void Snapshots()
    {
        Command<SaveSnapshotSuccess>(s =>
        {
            _log.Debug("Order book snapshot at {0}", s.Metadata.SequenceNr);
            if (!_options.DeleteEventsBehindSnapshots) return;
            DeleteMessages(s.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1));
        });
        Command<SaveSnapshotFailure>(f => _log.Warning("Order book snapshot at {0} failed (recovery replays more events): {1}", f.Metadata.SequenceNr, f.Cause.Message));
        Command<DeleteMessagesSuccess>(d => _log.Debug("Journal events up to {0} deleted behind the snapshot", d.ToSequenceNr));
        Command<DeleteMessagesFailure>(d => _log.Warning("Journal events up to {0} could not be deleted: {1}", d.ToSequenceNr, d.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(d => _log.Warning("Old snapshots could not be deleted: {0}", d.Cause.Message));
    }

    /// <summary>The store did not take a write: nothing of it was sent; Akka stops this actor and the desk restarts it with backoff.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // One line: the store's own plugin logs the exception with its stack; this says what it means for the desk.
        _log.Error("The order journal could not write {0} (entry {1}): {2}; the order manager stops and takes no order until the store is back",
            @event.GetType().Name, sequenceNr, StoreFailure.Describe(cause));
        _supervisor?.Tell(new OrderManagerSupervisor.ManagerFailed($"the order journal could not write: {StoreFailure.Describe(cause)}"));
        FailAwaiting(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The store refused an entry (it cannot be serialized or stored): never trade past a hole in the journal.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "The order journal refused {0} (entry {1}): the order manager stops", @event.GetType().Name, sequenceNr);
        _supervisor?.Tell(new OrderManagerSupervisor.ManagerFailed($"the order journal refused an entry: {StoreFailure.Describe(cause)}"));
        FailAwaiting(cause);
        Context.Stop(Self);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Error("The order journal {0} could not be read: {1}; the order manager stops and takes no order until the store is back",
            PersistenceId, StoreFailure.Describe(reason));
        _supervisor?.Tell(new OrderManagerSupervisor.ManagerFailed($"the order journal could not be read: {StoreFailure.Describe(reason)}"));
        base.OnRecoveryFailure(reason, message);
    }

    private void FailAwaiting(Exception cause)
    {
        foreach (var (command, sender) in _awaitingJournal)
            sender.Tell(new RequestFailed(command, new JournalUnavailable(cause.GetBaseException().Message)));
        _awaitingJournal.Clear();
    }
}
