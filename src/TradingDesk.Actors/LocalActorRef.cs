namespace TradingDesk.Actors;

/// <summary>The ref of an actor in this process: a thin handle on its cell. One per incarnation.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path, long uid) : ActorRefBase
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path { get; } = path;

    public override long Uid { get; } = uid;

    public override void Tell(object message, IActorRef? sender) => Cell.SendUser(message, sender);

    internal override void SendSystem(SystemMessage message) => Cell.SendSystem(message);
}

/// <summary>
/// Where undeliverable messages go: logged with sender, recipient and message type, and published on the
/// EventStream as <see cref="Event.DeadLetter"/>.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Event.DeadLetter d) system.DeadLetterFor(d.Message, d.Sender, d.Recipient);
        else system.DeadLetterFor(message, sender, this);
    }
}
