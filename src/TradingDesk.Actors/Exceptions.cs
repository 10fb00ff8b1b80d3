namespace TradingDesk.Actors;

/// <summary>Base of the runtime's exceptions.</summary>
public class ActorException : Exception
{
    public ActorException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>
/// An actor's constructor or PreStart (or PostRestart) threw. The default supervisor stops such an actor
/// instead of restarting it in a loop.
/// </summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? cause)
    : ActorException(message, cause)
{
    public IActorRef? Actor { get; } = actor;
}

/// <summary>Raised inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException(string message) : ActorException(message);

/// <summary>An actor received <see cref="Terminated"/> for an actor it watches and did not handle it.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : ActorException($"Monitored actor [{deadActor.Path}] terminated and the watcher did not handle Terminated.")
{
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>An actor name is malformed or not unique among its siblings.</summary>
public sealed class InvalidActorNameException(string message) : ActorException(message);

/// <summary>An Ask got no reply within its timeout. The message names the target and the message type.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
