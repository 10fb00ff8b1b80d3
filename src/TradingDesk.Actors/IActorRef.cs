namespace TradingDesk.Actors;

/// <summary>
/// A handle to an actor: the only way to talk to it. Refs are cheap, thread-safe and may be shared freely.
/// Two refs are equal when they point at the same incarnation of an actor (same path and uid), so a ref to a
/// stopped actor never equals a ref to a new actor created later under the same name.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The actor's address.</summary>
    ActorPath Path { get; }

    /// <summary>The actor's name, the last element of its path.</summary>
    string Name => Path.Name;

    /// <summary>
    /// Enqueues <paramref name="message"/> for the actor, fire and forget. Messages from one sender to one
    /// actor arrive in the order they were told. <paramref name="sender"/> becomes the receiver's
    /// <c>Sender</c>; pass <see cref="ActorRefs.NoSender"/> (null) when there is none.
    /// </summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>A ref that points at no actor: messages told to it are dropped silently.</summary>
    public static readonly IActorRef Nobody = new NobodyActorRef();

    /// <summary>Use as the sender when there is none; the receiver then sees dead letters as its Sender.</summary>
    public static readonly IActorRef? NoSender = null;
}

/// <summary>Tell without an explicit sender, and Forward, as in Akka.NET.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Tells <paramref name="message"/>; inside an actor the sender is the actor itself (Self), outside
    /// there is no sender.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Self);

    /// <summary>
    /// Tells <paramref name="message"/> keeping the current message's original sender, so the receiver
    /// replies straight to it. Only valid inside an actor.
    /// </summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        var cell = ActorCell.Current
            ?? throw new InvalidOperationException("Forward can only be used inside an actor while it handles a message.");
        receiver.Tell(message, cell.SenderOrNull);
    }

    /// <summary>True when the ref points at an actor of this runtime that has fully stopped.</summary>
    public static bool IsTerminated(this IActorRef actor) => actor is LocalActorRef l && l.Cell.IsDead;
}

/// <summary>Base for the runtime's refs: equality by path and incarnation uid.</summary>
internal abstract class ActorRefBase : IActorRef
{
    public abstract ActorPath Path { get; }

    public virtual long Uid => 0;

    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Delivers a runtime-internal system message; refs without a mailbox answer Watch at once.</summary>
    internal virtual void SendSystem(SystemMessage message)
    {
        if (message is Watch w && w.Watchee == this)
            w.Watcher.SendSystem(new DeathWatchNotification(this));
    }

    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is ActorRefBase o && Uid == o.Uid && Path.Equals(o.Path));

    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(), Uid);

    public override string ToString() => Uid == 0 ? $"[{Path}]" : $"[{Path}#{Uid}]";
}

internal sealed class NobodyActorRef : ActorRefBase
{
    private static readonly ActorPath NobodyPath = ActorPath.Root("nobody") / "nobody";

    public override ActorPath Path => NobodyPath;

    public override void Tell(object message, IActorRef? sender)
    {
        // Deliberately dropped: Nobody is the null object of refs.
    }
}
