using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// A persistent actor on the default journal: recovers, then persists each string it is told and completes
/// <c>persisted</c> with its sequence number; a failed recovery completes <c>failed</c> with the cause (after Akka has
/// logged it). What the tests use to make a journal do its first work and to see that it did.
/// </summary>
public sealed class JournalProbe : ReceivePersistentActor
{
    public JournalProbe(string persistenceId, TaskCompletionSource<long> persisted, TaskCompletionSource<Exception> failed)
    {
        PersistenceId = persistenceId;
        _failed = failed;
        Recover<string>(_ => { });
        Command<string>(e => Persist(e, _ => persisted.TrySetResult(LastSequenceNr)));
    }

    private readonly TaskCompletionSource<Exception> _failed;

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, TaskCompletionSource<long> persisted, TaskCompletionSource<Exception> failed) =>
        Akka.Actor.Props.Create(() => new JournalProbe(persistenceId, persisted, failed));

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        base.OnRecoveryFailure(reason, message);
        _failed.TrySetResult(reason);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        _failed.TrySetResult(cause);
    }
}

/// <summary>Collects the actor system's log events; completes <c>firstError</c> with the first error that carries an exception.</summary>
public sealed class LogCollector : ReceiveActor
{
    public LogCollector(List<LogEvent> into, TaskCompletionSource<LogEvent> firstError)
    {
        Receive<LogEvent>(e =>
        {
            lock (into) into.Add(e);
            if (e is Error { Cause: not null }) firstError.TrySetResult(e);
        });
    }
}
