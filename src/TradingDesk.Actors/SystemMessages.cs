namespace TradingDesk.Actors;

/// <summary>
/// Runtime-internal messages. They travel in a separate queue that the actor drains before each user
/// message, so stop, watch and failure handling overtake any backlog of user messages.
/// </summary>
internal abstract class SystemMessage;

/// <summary>Construct the actor and run PreStart.</summary>
internal sealed class Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Stop the actor: children first, then PostStop, then notify watchers and parent.</summary>
internal sealed class Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

/// <summary>Supervisor's answer: continue with the next message, keeping state.</summary>
internal sealed class Resume : SystemMessage
{
    public static readonly Resume Instance = new();
}

/// <summary>Supervisor's answer: replace the actor instance, keeping the mailbox.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>A child reports it failed; sent to the parent.</summary>
internal sealed class Failed(IActorRef child, Exception cause) : SystemMessage
{
    public IActorRef Child { get; } = child;
    public Exception Cause { get; } = cause;
}

/// <summary>A child finished stopping; sent to the parent (whether or not it watches).</summary>
internal sealed class ChildTerminated(IActorRef child) : SystemMessage
{
    public IActorRef Child { get; } = child;
}

internal sealed class Watch(IActorRef watchee, ActorRefBase watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;
    public ActorRefBase Watcher { get; } = watcher;
}

internal sealed class Unwatch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;
    public IActorRef Watcher { get; } = watcher;
}

/// <summary>A watched actor died; the watcher turns it into a user-level <see cref="Terminated"/>.</summary>
internal sealed class DeathWatchNotification(IActorRef actor) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
}

/// <summary>The task of a ReceiveAsync handler completed; user messages may flow again.</summary>
internal sealed class AsyncDone(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}

/// <summary>An await continuation of a ReceiveAsync handler, run inside the actor's turn.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;
    public object? State { get; } = state;
}
