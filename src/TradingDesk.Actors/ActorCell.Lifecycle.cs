using Microsoft.Extensions.Logging;

namespace TradingDesk.Actors;

/// <summary>
/// Create, restart and stop. Stopping is top-down and completes bottom-up: a stopping actor first asks
/// every child to stop, waits for all of them, and only then runs its own PostStop and tells its parent
/// and watchers. A restart likewise waits for the children the old instance stopped before the new
/// instance (which may re-create them under the same names) is constructed.
/// </summary>
internal sealed partial class ActorCell
{
    private void CreateActor()
    {
        if (_state == CellState.Terminating) return;
        if (NewActor() is not { } actor) return;
        try
        {
            actor.InvokePreStart();
        }
        catch (Exception ex)
        {
            Fail(new ActorInitializationException(_self, $"PreStart of [{_self.Path}] threw: {ex.Message}", ex));
        }
    }

    /// <summary>Constructs the instance; on failure reports an initialization failure and returns null.</summary>
    private ActorBase? NewActor()
    {
        _creatingActor = true;
        try
        {
            var actor = _props.Factory();
            if (!ReferenceEquals(actor.Cell, this))
                throw new InvalidOperationException("The Props factory must create a new actor instance each time.");
            actor.OnConstructed();
            if (actor is IWithStash ws) ws.Stash = Extras.Stash ??= new Stash(this);
            if (actor is IWithTimers wt) wt.Timers = Extras.Timers ??= new TimerScheduler(this);
            _actor = actor;
            return actor;
        }
        catch (Exception ex)
        {
            var cause = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            Fail(new ActorInitializationException(_self,
                $"Constructor of {_props.ActorType.Name} for [{_self.Path}] threw: {cause.Message}", cause));
            return null;
        }
        finally
        {
            _creatingActor = false;
        }
    }

    /// <summary>
    /// The current message (or initialization) failed: suspend user messages, report, and ask the parent
    /// what to do. The root guardian has no parent and simply stops.
    /// </summary>
    private void Fail(Exception cause)
    {
        if (_state == CellState.Terminating) return;
        _state = CellState.Failed;
        Extras.FailedMessage = _current?.Message;
        _system.ReportFailure(_self, _actor?.GetType() ?? _props.ActorType, cause, _current?.Message);
        if (_parent is null) BeginTerminate();
        else _parent.SendSystem(new Failed(_self, cause));
    }

    private void BeginRecreate(Exception cause)
    {
        if (_state == CellState.Terminating) return;
        _state = CellState.Restarting;
        var failed = _actor;
        var failedMessage = _extras?.FailedMessage;
        if (failed is not null)
        {
            try
            {
                failed.InvokePreRestart(cause, failedMessage);
            }
            catch (Exception ex)
            {
                _system.ReportFailure(_self, failed.GetType(), ex, null, "PreRestart threw; restarting anyway");
            }
        }
        ResetForNewIncarnation();
        Extras.RestartCause = cause;
        if ((_extras?.StoppingChildren ?? 0) == 0) FinishRecreate();
    }

    /// <summary>
    /// Forget what belonged to the old instance: its timers (restart-safe: ticks already queued are dropped
    /// by generation), its receive timeout, a pending async handler. Stashed messages go back in front of
    /// the mailbox, as Akka.NET does.
    /// </summary>
    private void ResetForNewIncarnation()
    {
        _actor = null;
        _awaitingAsync = false;
        if (_extras is not { } x) return;
        x.Timers?.CancelAll();
        SetReceiveTimeout(null);
        x.AsyncTask = null;
        x.AsyncEnvelope = null;
        x.FailedMessage = null;
        x.Stash?.UnstashAll();
    }

    private void FinishRecreate()
    {
        var cause = _extras?.RestartCause ?? new ActorException("restart");
        if (_extras is not null) _extras.RestartCause = null;
        _state = CellState.Normal;
        if (NewActor() is not { } actor) return;
        try
        {
            actor.InvokePostRestart(cause);
        }
        catch (Exception ex)
        {
            Fail(new ActorInitializationException(_self, $"PostRestart of [{_self.Path}] threw: {ex.Message}", ex));
        }
    }

    private void BeginTerminate()
    {
        if (_state == CellState.Terminating || _dead) return;
        _state = CellState.Terminating;
        _extras?.Timers?.CancelAll();
        if (_extras?.ReceiveTimeout is not null) SetReceiveTimeout(null);
        LocalActorRef[] children;
        lock (this)
        {
            _closedForChildren = true;
            children = _children is null ? [] : [.. _children.Values];
        }
        if (children.Length == 0)
        {
            FinishTerminate();
            return;
        }
        foreach (var child in children) child.SendSystem(Terminate.Instance);
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception ex)
            {
                _system.ReportFailure(_self, actor.GetType(), ex, null, "PostStop threw");
            }
        }
        if (_extras?.Stash is { } stash)
            foreach (var env in stash.ClearStash()) _system.DeadLetterFor(env.Message!, env.Sender, _self);

        if (_watching is not null)
            foreach (var w in _watching) ((ActorRefBase)w).SendSystem(new Unwatch(w, _self));
        _dead = true;
        // The parent hears first: when it also watches us, its ChildTerminated (which frees our name) is
        // queued before the DeathWatchNotification, so on Terminated it may already re-create a child under
        // the same name.
        var watchers = _watchers;
        if (_parent is not null) _parent.SendSystem(new ChildTerminated(_self));
        if (watchers is not null)
            foreach (var w in watchers) ((ActorRefBase)w).SendSystem(new DeathWatchNotification(_self));

        // Let go of everything the dead incarnation held: refs to this cell may live on in other actors.
        _actor = null;
        _watchers = null;
        _watching = null;
        _current = null;
        if (_extras?.Prepend is { } prepend)
            foreach (var env in prepend) _system.DeadLetterFor(env.Message!, env.Sender, _self);
        _extras = null;
        if (_parent is null) _system.OnRootTerminated();
    }
}
