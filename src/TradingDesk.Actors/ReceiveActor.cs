namespace TradingDesk.Actors;

/// <summary>
/// An actor whose behavior is a list of typed handlers registered in its constructor (or inside
/// <see cref="Become(Action)"/>). The first registered handler whose type and predicate match wins;
/// messages nobody matches go to <c>Unhandled</c>.
/// <code>
/// public sealed class Counter : ReceiveActor
/// {
///     private int _count;
///     public Counter()
///     {
///         Receive&lt;Increment&gt;(_ =&gt; _count++);
///         Receive&lt;GetCount&gt;(_ =&gt; Sender.Tell(_count));
///         ReceiveAsync&lt;Save&gt;(async s =&gt; await _store.SaveAsync(_count)); // next message waits for this
///     }
/// }
/// </code>
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerList _initial = new();
    private HandlerList? _configuring;

    protected ReceiveActor() => _configuring = _initial;

    protected internal sealed override bool Receive(object message) => _initial.Handle(message, Cell);

    internal override void OnConstructed() => _configuring = null;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that satisfy <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously. The next message is held until the
    /// returned task completes; code after each await runs on the actor's turn, so Self, Sender and state
    /// are safe to use. A faulted task fails the actor like a thrown exception.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles any message not matched by a handler registered before it.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Asynchronous <see cref="ReceiveAny"/>.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behavior with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the handlers <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> pops.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure));

    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    private HandlerList Target => _configuring
        ?? throw new InvalidOperationException(
            "Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");

    private Receive Build(Action configure)
    {
        var list = new HandlerList();
        var previous = _configuring;
        _configuring = list;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }
        var cell = Cell;
        return m => list.Handle(m, cell);
    }

    private sealed class HandlerList
    {
        private Handler[] _handlers = [];

        public void Add(Handler h) => _handlers = [.. _handlers, h];

        public bool Handle(object message, ActorCell cell)
        {
            foreach (var h in _handlers)
                if (h.TryHandle(message, cell)) return true;
            return false;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message, ActorCell cell);
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T t || (predicate is not null && !predicate(t))) return false;
            handler(t);
            return true;
        }
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T t || (predicate is not null && !predicate(t))) return false;
            cell.RunAsync(handler, t);
            return true;
        }
    }
}
