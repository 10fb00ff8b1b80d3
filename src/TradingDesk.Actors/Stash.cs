namespace TradingDesk.Actors;

/// <summary>
/// Implement on an actor to get a <see cref="IStash"/> injected after construction (use it from PreStart
/// and handlers, not in the constructor).
/// <code>
/// public sealed class Gate : ReceiveActor, IWithStash
/// {
///     public IStash Stash { get; set; } = null!;
///     public Gate()
///     {
///         Receive&lt;Open&gt;(_ =&gt; { Become(Opened); Stash.UnstashAll(); });
///         ReceiveAny(_ =&gt; Stash.Stash());
///     }
/// }
/// </code>
/// </summary>
public interface IWithStash
{
    IStash Stash { get; set; }
}

/// <summary>Akka.NET's name for <see cref="IWithStash"/>: the stash is unbounded.</summary>
public interface IWithUnboundedStash : IWithStash;

/// <summary>
/// Set messages aside to handle later. Unstashed messages go in front of the mailbox, in the order they
/// were stashed. On restart the stash is unstashed automatically; on stop its messages go to dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the message being handled now (with its sender).</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages, oldest first, to the front of the mailbox.</summary>
    void UnstashAll();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Empties the stash and returns the dropped messages, oldest first.</summary>
    IReadOnlyList<object> Clear();
}

internal sealed class Stash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    void IStash.Stash()
    {
        cell.EnsureOnTurn();
        var current = cell.CurrentEnvelope
            ?? throw new InvalidOperationException("Stash() can only be called while handling a message.");
        foreach (var e in _stashed)
            if (ReferenceEquals(e, current)) throw new InvalidOperationException("This message is already stashed.");
        _stashed.Add(current);
    }

    public void Unstash()
    {
        cell.EnsureOnTurn();
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll()
    {
        cell.EnsureOnTurn();
        if (_stashed.Count == 0) return;
        var all = _stashed.ToArray();
        _stashed.Clear();
        cell.Prepend(all);
    }

    public IReadOnlyList<object> Clear() => ClearStash().Select(e => e.Message!).ToArray();

    internal IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }
}
