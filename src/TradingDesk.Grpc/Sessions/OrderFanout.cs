using System.Threading.Channels;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Grpc.Sessions.SessionMessages;

namespace TradingDesk.Grpc.Sessions;

/// <summary>
/// A session's order events on their way to the client's StreamOrderUpdates calls: every event goes to every open
/// stream (unbounded: order events are never dropped), or waits for the first stream to open. It tracks which fills
/// and endings a stream has written (to acknowledge each once) and which were handed to streams that closed before
/// writing them: then the desk, which still has them unacknowledged, must be asked to replay them (a registration).
/// Owned by one actor: no locking.
/// </summary>
internal sealed class OrderFanout(StrategyId strategy)
{
    private const int PendingLimit = 10_000;
    private readonly Dictionary<long, ChannelWriter<OrderItem>> _streams = [];
    private readonly List<OrderEvents.IOrderEvent> _pending = [];
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unacknowledged = new(StringComparer.Ordinal);
    private bool _replayNeeded;

    /// <summary>An event for the client's streams.</summary>
    public void Add(OrderEvents.IOrderEvent e)
    {
        if (AckKey(e) is { } key && _acknowledged.Contains(key)) return; // a replay of what a stream already wrote
        if (_streams.Count > 0)
        {
            Hand(e);
            return;
        }
        if (_pending.Count >= PendingLimit)
        {
            // Nobody has read for a long time: forget, and let the desk replay its open orders and unacknowledged fills.
            _pending.Clear();
            _replayNeeded = true;
        }
        _pending.Add(e);
    }

    /// <summary>A stream opened: it gets what waited. True when the desk should be asked to replay (register again).</summary>
    public bool Open(long stream, ChannelWriter<OrderItem> writer)
    {
        _streams[stream] = writer;
        foreach (var e in _pending) Hand(e);
        _pending.Clear();
        var replay = _replayNeeded;
        _replayNeeded = false;
        return replay;
    }

    public void Close(long stream)
    {
        _streams.Remove(stream);
        if (_streams.Count > 0 || _unacknowledged.Count == 0) return;
        _unacknowledged.Clear();
        _replayNeeded = true;
    }

    /// <summary>A stream wrote this event: true the first time for a fill or an ending of this strategy (acknowledge it).</summary>
    public bool Written(OrderEvents.IOrderEvent e)
    {
        if (AckKey(e) is not { } key || !_acknowledged.Add(key)) return false;
        _unacknowledged.Remove(key);
        return true;
    }

    /// <summary>Ends every open stream's channel (the session stops).</summary>
    public void CompleteAll(Exception error)
    {
        foreach (var writer in _streams.Values) writer.TryComplete(error);
        _streams.Clear();
    }

    private void Hand(OrderEvents.IOrderEvent e)
    {
        if (AckKey(e) is { } key) _unacknowledged.Add(key);
        foreach (var writer in _streams.Values) writer.TryWrite(new OrderItem(e));
    }

    private string? AckKey(OrderEvents.IOrderEvent e) => e switch
    {
        OrderEvents.Filled f when f.Strategy == strategy => "fill:" + f.ExecId.Value,
        _ when OrderEvents.EndsOrder(e) => "end:" + e.OrderId.Value,
        _ => null,
    };
}
