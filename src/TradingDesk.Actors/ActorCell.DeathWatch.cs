namespace TradingDesk.Actors;

/// <summary>
/// Death watch. The watcher records the subject and sends it a Watch system message; a dead subject answers
/// at once (that is how watching an already-dead actor still yields Terminated). When a watched actor dies,
/// the watcher gets a DeathWatchNotification and enqueues <see cref="Terminated"/> as a user message behind
/// whatever the dead actor sent before dying, so those messages are not overtaken.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        EnsureOnTurn();
        if (subject.Equals(_self) || subject is not ActorRefBase target) return subject;
        _watching ??= [];
        if (_watching.Add(subject)) target.SendSystem(new Watch(subject, _self));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        EnsureOnTurn();
        if (_watching is not null && _watching.Remove(subject) && subject is ActorRefBase target)
        {
            if (_watching.Count == 0) _watching = null;
            target.SendSystem(new Unwatch(subject, _self));
        }
        return subject;
    }

    private void AddWatcher(Watch w)
    {
        if (!w.Watchee.Equals(_self)) return;
        _watchers ??= [];
        _watchers.Add(w.Watcher);
    }

    private void RemoveWatcher(IActorRef watcher)
    {
        if (_watchers is not null && _watchers.Remove(watcher) && _watchers.Count == 0) _watchers = null;
    }

    private void HandleDeathWatchNotification(IActorRef actor)
    {
        if (_state == CellState.Terminating || _watching is null || !_watching.Contains(actor)) return;
        // Terminated is never dropped for a full bounded mailbox, but it is counted like any user message.
        if (_props.MailboxCapacity > 0) Interlocked.Increment(ref _userCount);
        _user.Enqueue(new Envelope(new WatchedTerminated(new Terminated(actor)), actor));
    }

    /// <summary>
    /// A Terminated reaches the behavior only if we still watch the actor; Unwatch in between drops it.
    /// </summary>
    private bool AcceptTerminated(Terminated t)
    {
        if (_watching is null || !_watching.Remove(t.ActorRef)) return false;
        // Drop the set when empty: a supervisor that once watched 100,000 children keeps no grown table.
        if (_watching.Count == 0) _watching = null;
        return true;
    }

    /// <summary>
    /// Marks a Terminated produced by death watch, so that a Terminated some actor merely forwards is an
    /// ordinary message and is not filtered against our own watch list.
    /// </summary>
    private sealed class WatchedTerminated(Terminated terminated)
    {
        public Terminated Terminated { get; } = terminated;
    }
}
