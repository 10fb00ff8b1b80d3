using Microsoft.Extensions.Logging;

namespace TradingDesk.Actors;

/// <summary>
/// The mailbox and the actor's turns. Producers enqueue and try to flip the scheduled flag 0 → 1; whoever
/// wins queues the cell on the thread pool. A turn drains system messages first, then handles up to
/// <see cref="ActorSystemSettings.Throughput"/> user messages (re-checking system messages before each, so
/// stop and failure handling overtake a backlog), then clears the flag and reschedules if work remains.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private EnvelopeQueue _user;
    private EnvelopeQueue _sys;
    private int _scheduled;
    private int _userCount; // only maintained for bounded mailboxes
    private volatile bool _dead;
    private Terminated? _deathWatchTerminated; // the Terminated being delivered by death watch, if any

    internal bool IsDead => _dead;

    /// <summary>True for a Terminated produced by our own death watch (not one that another actor forwarded).</summary>
    internal bool IsDeathWatchTerminated(Terminated t) => ReferenceEquals(t, _deathWatchTerminated);

    internal void SendUser(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_dead)
        {
            _system.DeadLetterFor(message, sender, _self);
            return;
        }
        var capacity = _props.MailboxCapacity;
        if (capacity > 0 && Interlocked.Increment(ref _userCount) > capacity)
        {
            Interlocked.Decrement(ref _userCount);
            _system.DeadLetterFor(message, sender, _self);
            return;
        }
        _user.Enqueue(new Envelope(message, sender));
        TrySchedule();
    }

    internal void SendSystem(SystemMessage message)
    {
        _sys.Enqueue(new Envelope(message, null));
        TrySchedule();
    }

    private void TrySchedule()
    {
        // Read first: under load the flag is usually already set and a failed CAS costs a cache-line bounce.
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private bool CanProcessUser => _state == CellState.Normal && !_awaitingAsync && _actor is not null && !_dead;

    public void Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if (!_dead)
            {
                ProcessSystemMessages();
                var budget = _system.Settings.Throughput;
                while (budget-- > 0 && CanProcessUser)
                {
                    if (_sys.HasItems)
                    {
                        ProcessSystemMessages();
                        if (!CanProcessUser) break;
                    }
                    var env = DequeueUser();
                    if (env is null) break;
                    Invoke(env);
                }
            }
            if (_dead) DrainDead();
        }
        catch (Exception ex)
        {
            // Handlers' exceptions are caught in Invoke; reaching here is a runtime bug. Log rather than
            // crash the process from a thread-pool thread.
            _system.Log.LogCritical(ex, "Actor runtime failure in {Path}", _self.Path);
        }
        finally
        {
            t_current = previous;
            // A full fence, not a release write: a producer enqueues (Interlocked) then reads the flag, and we
            // clear the flag then read the queue; with a plain store the two reads could both see stale
            // values and a message would sit unscheduled.
            Interlocked.Exchange(ref _scheduled, 0);
            if (HasWork()) TrySchedule();
        }
    }

    private bool HasWork() =>
        _sys.HasItems || ((CanProcessUser || _dead) && (_user.HasItems || _extras?.Prepend is { Count: > 0 }));

    private Envelope? DequeueUser()
    {
        if (_extras?.Prepend is { Count: > 0 } prepend)
        {
            var first = prepend.First!.Value;
            prepend.RemoveFirst();
            return first;
        }
        var env = _user.TryDequeue();
        if (env is not null && _props.MailboxCapacity > 0) Interlocked.Decrement(ref _userCount);
        return env;
    }

    private void ProcessSystemMessages()
    {
        while (_sys.TryDequeue() is { } env)
        {
            try
            {
                HandleSystem((SystemMessage)env.Message!);
            }
            catch (Exception ex)
            {
                _system.Log.LogError(ex, "System message {Type} failed in {Path}", env.Message!.GetType().Name, _self.Path);
            }
            if (_dead) return;
        }
    }

    private void HandleSystem(SystemMessage message)
    {
        switch (message)
        {
            case Create: CreateActor(); break;
            case Terminate: BeginTerminate(); break;
            case Resume: if (_state == CellState.Failed) _state = CellState.Normal; break;
            case Recreate r: BeginRecreate(r.Cause); break;
            case Failed f: HandleChildFailure(f); break;
            case ChildTerminated c: HandleChildTerminated(c.Child); break;
            case Watch w: AddWatcher(w); break;
            case Unwatch u: RemoveWatcher(u.Watcher); break;
            case DeathWatchNotification n: HandleDeathWatchNotification(n.Actor); break;
            case AsyncDone d: HandleAsyncDone(d.Task); break;
            case RunContinuation rc: RunContinuationOnTurn(rc); break;
        }
    }

    private void Invoke(Envelope env)
    {
        _current = env;
        var message = env.Message!;
        try
        {
            if (message is TimerMessage tm)
            {
                if (!tm.IsCurrent()) return;
                env.Message = message = tm.Message;
            }
            switch (message)
            {
                case PoisonPill:
                    BeginTerminate();
                    return;
                case Kill:
                    throw new ActorKilledException($"Kill message received by [{_self.Path}].");
                case WatchedTerminated wt:
                    if (!AcceptTerminated(wt.Terminated)) return;
                    env.Message = message = wt.Terminated;
                    _deathWatchTerminated = wt.Terminated;
                    break;
            }
            var actor = _actor!;
            if (!actor.InvokeReceive(message)) actor.InvokeUnhandled(message);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            if (!_awaitingAsync) _current = null;
            _deathWatchTerminated = null;
        }
        if (_extras?.ReceiveTimeout is not null && message is not INotInfluenceReceiveTimeout) RestartReceiveTimeout();
    }

    /// <summary>Dead actors forward every remaining user message to dead letters and answer Watch at once.</summary>
    private void DrainDead()
    {
        while (_sys.TryDequeue() is { } s)
        {
            if (s.Message is Watch w) w.Watcher.SendSystem(new DeathWatchNotification(_self));
        }
        while (DequeueUser() is { } env)
        {
            var msg = env.Message switch
            {
                TimerMessage tm => tm.Message,
                WatchedTerminated wt => wt.Terminated,
                var m => m!,
            };
            _system.DeadLetterFor(msg, env.Sender, _self);
        }
    }
}
