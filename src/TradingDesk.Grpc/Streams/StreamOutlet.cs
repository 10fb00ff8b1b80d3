using System.Threading.Channels;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Grpc.Streams;

/// <summary>
/// What a stream actor holds for its reader (the RPC handler): items go to the handler's channel only while the
/// reader has credit (it returns one per item written to the response, see <see cref="StreamCredit"/>), the rest wait here. A waiting item with a
/// conflation key (a tick's type) is replaced by a later one with the same key, which then counts the replaced ones;
/// other items wait in order up to a limit. Owned by one actor: no locking.
/// </summary>
internal sealed class StreamOutlet<TItem>(ChannelWriter<TItem> writer, int window, int limit, StreamCredit? returned = null)
{
    private readonly LinkedList<Waiting> _waiting = new();
    private readonly Dictionary<TickType, LinkedListNode<Waiting>> _byKey = [];
    private int _credit = window;
    private int _unkeyed;

    /// <summary>One item waiting for credit: the desk's message, its key, and how many earlier ones it replaced.</summary>
    public readonly record struct Waiting(object Message, TickType? Key, int Replaced);

    /// <summary>
    /// Adds a desk message. False when an item without a key finds <c>limit</c> waiting already: the reader is not
    /// reading and the stream must end rather than grow.
    /// </summary>
    public bool Add(object message, TickType? key)
    {
        if (key is { } k && _byKey.TryGetValue(k, out var node))
        {
            node.Value = new Waiting(message, k, node.Value.Replaced + 1);
            return true;
        }
        if (key is null && ++_unkeyed > limit) return false;
        var added = _waiting.AddLast(new Waiting(message, key, 0));
        if (key is { } newKey) _byKey[newKey] = added;
        return true;
    }

    /// <summary>The reader wrote one item (a caller without a <see cref="StreamCredit"/>).</summary>
    public void Credit() => _credit++;

    /// <summary>Writes what the credit allows (with what the reader returned since the last flush); <paramref name="render"/> turns a waiting item into the items it becomes (a conflation note, then the item).</summary>
    public void Flush(Func<Waiting, IEnumerable<TItem>> render)
    {
        if (returned is null)
        {
            Write(render);
            return;
        }
        _credit += returned.Take();
        Write(render);
        if (_waiting.First is null) return;
        // Out of credit with items waiting: say so, then take what the reader returned before it could see it.
        returned.Waiting(true);
        _credit += returned.Take();
        Write(render);
        if (_waiting.First is null) returned.Waiting(false);
    }

    private void Write(Func<Waiting, IEnumerable<TItem>> render)
    {
        while (_credit > 0 && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            if (first.Value.Key is { } key) _byKey.Remove(key);
            else _unkeyed--;
            foreach (var item in render(first.Value))
            {
                writer.TryWrite(item); // the channel is unbounded; the credit is what bounds it
                _credit--;
            }
        }
    }

    /// <summary>Ends the reader's stream: normally (null) or with the status it should end with.</summary>
    public void Complete(Exception? error) => writer.TryComplete(error);
}
