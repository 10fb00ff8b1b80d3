namespace TradingDesk.Actors;

/// <summary>Stops the receiving actor once it reaches this message: messages told before it are handled first.</summary>
public sealed class PoisonPill
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }
}

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>; the default supervisor stops it.</summary>
public sealed class Kill
{
    public static readonly Kill Instance = new();

    private Kill()
    {
    }
}

/// <summary>
/// Sent to an actor that watches <paramref name="ActorRef"/> when that actor has stopped; also sent at once
/// when the watched actor was already dead. Sent by the runtime with the dead actor as sender.
/// An actor that watches another and does not handle Terminated fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>Sent to an actor that set a receive timeout and got no message for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    public static readonly ReceiveTimeout Instance = new();

    private ReceiveTimeout()
    {
    }
}

/// <summary>Marks messages that do not reset the receive timeout (e.g. periodic ticks).</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Outcome messages, e.g. from <c>PipeTo</c> or as a failed reply to an Ask.</summary>
public static class Status
{
    /// <summary>A successful outcome carrying an optional status value.</summary>
    public sealed record Success(object? Status);

    /// <summary>
    /// A failure. Told as a reply to an Ask, it fails the Ask's task with <see cref="Cause"/>.
    /// </summary>
    public sealed record Failure(Exception Cause);
}
