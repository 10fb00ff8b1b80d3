namespace TradingDesk.Grpc.Streams;

/// <summary>
/// The credit a reader (the RPC handler) returns to its stream's actor without a message: one per item written to the
/// response, taken by the actor whenever it flushes, which it does for every desk message it gets. A credit told
/// through the mailbox would queue behind every tick already there: with the line outrunning the reader the mailbox
/// holds thousands, each credit came back only after them, and the stream delivered a few hundred ticks a second
/// while the rest were conflated. The handler still tells <see cref="StreamDemand"/> when it finds its channel empty,
/// so items that wait in the actor go out even when no new message arrives to pick the credit up.
/// </summary>
internal sealed class StreamCredit
{
    private int _returned;

    /// <summary>The reader wrote one item (any thread).</summary>
    public void Return() => Interlocked.Increment(ref _returned);

    /// <summary>What was returned since the last call (the actor's thread).</summary>
    public int Take() => Interlocked.Exchange(ref _returned, 0);
}
