namespace TradingDesk.Actors;

/// <summary>A message handler: returns true when it handled the message.</summary>
public delegate bool Receive(object message);

/// <summary>
/// What an actor can see and do about itself while it runs. Only valid on the actor's own turn (inside
/// its constructor, handlers and lifecycle hooks); never capture it into another thread.
/// </summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>Sender of the current message; dead letters when it had none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    /// <summary>The current children, including ones that are stopping.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    ActorSystem System { get; }

    Props Props { get; }

    /// <summary>The current receive timeout, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child with the given name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Creates a child. Names are unique among siblings; null gives a generated name starting with '$'.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or Self asynchronously: the current message completes first.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> when <paramref name="subject"/> stops (at once if already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; a Terminated not yet handled is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behavior (Akka's Become with discardOld = true).</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behavior; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behavior pushed last; the initial behavior is never popped.</summary>
    void UnbecomeStacked();

    /// <summary>Same as <see cref="UnbecomeStacked"/> (Akka.NET's older name).</summary>
    void Unbecome() => UnbecomeStacked();

    /// <summary>
    /// Sends <see cref="Actors.ReceiveTimeout"/> after <paramref name="timeout"/> without messages; null turns it off.
    /// Measured on the system's TimeProvider.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);
}
