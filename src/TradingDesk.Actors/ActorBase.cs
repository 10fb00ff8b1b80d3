using Microsoft.Extensions.Logging;

namespace TradingDesk.Actors;

/// <summary>
/// Base of every actor. Create actors only through <see cref="Props"/> and ActorOf; the constructor binds
/// the instance to the cell that is creating it.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private List<Receive>? _behaviors; // null: the initial behavior (Receive)
    private ILogger? _log;
    private SupervisorStrategy? _strategy;

    protected ActorBase()
    {
        _cell = ActorCell.Current is { IsCreatingActor: true } cell
            ? cell
            : throw new ActorInitializationException(null,
                $"Do not create {GetType().Name} with 'new': use Props.Create and ActorOf.", null);
    }

    /// <summary>The actor's context: self, sender, children, watch, become, timeouts.</summary>
    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>Sender of the current message; dead letters when it had none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>A logger whose category is the actor's type.</summary>
    protected ILogger Log => _log ??= _cell.System.LoggerFactory.CreateLogger(GetType());

    internal ActorCell Cell => _cell;

    /// <summary>The initial behavior. Return false for messages you do not handle.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Runs after the constructor, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once when the actor has stopped, after all its children stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before a restart. The default stops all children and calls PostStop.
    /// </summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children) Context.Stop(child);
        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart. The default calls PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; the default restarts on any exception.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for messages no behavior handled. An unhandled <see cref="Terminated"/> of an actor this actor
    /// watches fails it with
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="Event.UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t && _cell.IsDeathWatchTerminated(t)) throw new DeathPactException(t.ActorRef);
        _cell.PublishUnhandled(message);
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal bool InvokeReceive(object message) =>
        _behaviors is { Count: > 0 } b ? b[^1](message) : Receive(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy GetSupervisorStrategy() => _strategy ??= SupervisorStrategy();

    internal virtual void OnConstructed()
    {
    }

    internal void Become(Receive receive, bool discardOld)
    {
        _behaviors ??= [];
        if (discardOld && _behaviors.Count > 0) _behaviors.RemoveAt(_behaviors.Count - 1);
        _behaviors.Add(receive);
    }

    internal void Unbecome()
    {
        if (_behaviors is { Count: > 0 }) _behaviors.RemoveAt(_behaviors.Count - 1);
    }
}

/// <summary>
/// An actor with a single <see cref="OnReceive"/> method. Call <c>Unhandled(message)</c> yourself for
/// messages you do not handle.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    protected abstract void OnReceive(object message);

    /// <summary>Replaces the behavior with <paramref name="receive"/> (discarding the previous one).</summary>
    protected void Become(Action<object> receive) => Context.Become(m =>
    {
        receive(m);
        return true;
    });

    /// <summary>Pushes <paramref name="receive"/> on the behavior stack.</summary>
    protected void BecomeStacked(Action<object> receive) => Context.BecomeStacked(m =>
    {
        receive(m);
        return true;
    });

    protected void UnbecomeStacked() => Context.UnbecomeStacked();
}
