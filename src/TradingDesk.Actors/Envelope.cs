namespace TradingDesk.Actors;

/// <summary>
/// A message in a mailbox: the only per-message allocation of a Tell. It doubles as the node of the
/// lock-free queue so that enqueueing allocates nothing else.
/// </summary>
internal sealed class Envelope
{
    public object? Message;
    public IActorRef? Sender;
    public Envelope? Next;

    public Envelope()
    {
    }

    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }
}

/// <summary>
/// Multi-producer single-consumer queue (Vyukov's intrusive design): producers pay one Interlocked.Exchange,
/// the consumer (the actor's single running turn) pays no atomic operation. Kept as a struct field of the
/// cell so an idle actor costs only the stub node.
/// </summary>
internal struct EnvelopeQueue
{
    private Envelope _head; // newest node; producers swap themselves in here
    private Envelope _tail; // stub node; the consumer reads tail.Next

    public void Init() => _head = _tail = new Envelope();

    public void Enqueue(Envelope e)
    {
        e.Next = null;
        var prev = Interlocked.Exchange(ref _head, e);
        // Between the exchange and this write the queue looks empty to the consumer; the producer then
        // schedules the actor again, so the message is never lost, only seen one turn later.
        Volatile.Write(ref prev.Next, e);
    }

    /// <summary>Consumer only. Returns a detached envelope owned by the caller, or null when empty.</summary>
    public Envelope? TryDequeue()
    {
        var tail = _tail;
        var next = Volatile.Read(ref tail.Next);
        if (next is null) return null;
        // The old stub is detached and reused as the returned envelope; 'next' becomes the new stub and
        // drops its references so the queue never keeps a handled message alive.
        tail.Message = next.Message;
        tail.Sender = next.Sender;
        tail.Next = null;
        next.Message = null;
        next.Sender = null;
        _tail = next;
        return tail;
    }

    /// <summary>
    /// Consumer only. True also while a producer is mid-enqueue (head moves first), which at worst makes the
    /// consumer schedule one turn that finds nothing yet.
    /// </summary>
    public bool HasItems => !ReferenceEquals(Volatile.Read(ref _head), _tail);
}
