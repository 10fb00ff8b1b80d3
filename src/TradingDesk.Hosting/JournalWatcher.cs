using Akka.Actor;
using TradingDesk.Desk.Orders;

namespace TradingDesk.Hosting;

/// <summary>
/// Watches the order journal's availability for the host's start (<see cref="OrderJournalStatus"/>, published by the
/// order manager's supervisor). Subscribed to the EventStream by its creator before the desk exists, so a store that
/// is down from the first moment is not missed. <see cref="AwaitJournalDown"/> is answered with the status when the
/// journal is (or becomes) unavailable, or with <see cref="JournalQuiet"/> when its deadline passes on the system's
/// scheduler without that.
/// </summary>
public sealed class JournalWatcher : ReceiveActor, IWithTimers
{
    /// <summary>Answered with an unavailable <see cref="OrderJournalStatus"/>, or <see cref="JournalQuiet"/> after <paramref name="Within"/>.</summary>
    public sealed record AwaitJournalDown(TimeSpan Within);

    /// <summary>Nothing said the journal was unavailable within the deadline.</summary>
    public sealed record JournalQuiet;

    /// <summary>The start has what it waited for: waiters are dropped unanswered (an answer would be a dead letter).</summary>
    public sealed record StopWaiting;

    private readonly List<IActorRef> _waiters = [];
    private OrderJournalStatus? _last;

    public JournalWatcher()
    {
        Receive<OrderJournalStatus>(s =>
        {
            _last = s;
            if (!s.Available) Answer(s);
        });
        Receive<AwaitJournalDown>(a =>
        {
            if (_last is { Available: false })
            {
                Sender.Tell(_last);
                return;
            }
            _waiters.Add(Sender);
            Timers.StartSingleTimer(nameof(Deadline), new Deadline(), a.Within);
        });
        Receive<Deadline>(_ => Answer(new JournalQuiet()));
        Receive<StopWaiting>(_ =>
        {
            _waiters.Clear();
            Timers.Cancel(nameof(Deadline));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props() => Akka.Actor.Props.Create(() => new JournalWatcher());

    private void Answer(object answer)
    {
        foreach (var w in _waiters) w.Tell(answer);
        _waiters.Clear();
        Timers.Cancel(nameof(Deadline));
    }

    private sealed record Deadline;
}
