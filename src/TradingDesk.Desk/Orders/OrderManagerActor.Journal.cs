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

    // OrderNotice NeverSent for strategies not registered when reconciliation found their order unsent: this
    // incarnation tells them when they register.
    private readonly Dictionary<Domain.StrategyId, List<OrderEvents.OrderNotice>> _notices = [];

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
        });
    }

    /// <summary>
    /// Records facts and then runs <paramref name="then"/>: journaled facts are written first and applied as each is
    /// written; the session effects among them apply once all are written. With nothing to write, and nothing being
    /// written, <paramref name="then"/> runs at once.
    /// </summary>
    private void Record(IReadOnlyList<BookEvent> events, Action? then = null)
    {
        var facts = events.Where(e => e.Journaled).ToList();
        if (facts.Count > 0) PersistAll(facts, OnJournaled);
        DeferAsync(events, _ =>
        {
            foreach (var effect in events.Where(e => !e.Journaled)) Apply(effect);
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
        _log.Error(cause, "The order journal could not write {0} (entry {1}): the order manager stops and takes no order until the store is back",
            @event.GetType().Name, sequenceNr);
        FailAwaiting(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The store refused an entry (it cannot be serialized or stored): never trade past a hole in the journal.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "The order journal refused {0} (entry {1}): the order manager stops", @event.GetType().Name, sequenceNr);
        FailAwaiting(cause);
        Context.Stop(Self);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Error(reason, "The order journal {0} could not be read: {1}", PersistenceId, reason.Message);
        base.OnRecoveryFailure(reason, message);
    }

    private void FailAwaiting(Exception cause)
    {
        foreach (var (command, sender) in _awaitingJournal)
            sender.Tell(new RequestFailed(command, new JournalUnavailable(cause.GetBaseException().Message)));
        _awaitingJournal.Clear();
    }

    private void KeepNotice(Domain.StrategyId strategy, OrderEvents.OrderNotice notice)
    {
        if (!_notices.TryGetValue(strategy, out var list)) _notices[strategy] = list = [];
        list.Add(notice);
    }

    private List<OrderEvents.OrderNotice> TakeNotices(Domain.StrategyId strategy) =>
        _notices.Remove(strategy, out var list) ? list : [];
}
