namespace TradingDesk.Grpc.Streams;

/// <summary>
/// The credit a reader (the RPC handler) returns to its stream's actor without a message: one per item written to the
/// response, taken by the actor whenever it flushes, which it does for every desk message it gets. A credit told
/// through the mailbox would queue behind every tick already there: with the line outrunning the reader the mailbox
/// holds thousands, each credit came back only after them, and the stream delivered a few hundred ticks a second
/// while the rest were conflated. The handler tells <see cref="StreamDemand"/> only when items wait in the actor for
/// credit (<see cref="Waiting"/>) and its channel is empty, so they go out even when no new message arrives to pick the
/// credit up; a reader that keeps up costs the actor no message at all.
/// </summary>
internal sealed class StreamCredit
{
    private int _returned;
    private int _waiting;

    /// <summary>The reader wrote one item (any thread). True when the actor holds items waiting for credit.</summary>
    public bool Return()
    {
        Interlocked.Increment(ref _returned);
        // After the increment (a full fence): the actor either sees this credit or has already set the flag.
        return Volatile.Read(ref _waiting) != 0;
    }

    /// <summary>What was returned since the last call (the actor's thread).</summary>
    public int Take() => Interlocked.Exchange(ref _returned, 0);

    /// <summary>
    /// The actor's thread: whether items wait for credit. Setting it is a full fence, so the actor's next
    /// <see cref="Take"/> sees any credit returned by a reader that read the flag before it was set.
    /// </summary>
    public void Waiting(bool waiting) => Interlocked.Exchange(ref _waiting, waiting ? 1 : 0);
}
