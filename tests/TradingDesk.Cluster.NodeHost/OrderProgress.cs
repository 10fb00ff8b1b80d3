using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Cluster.NodeHost;

/// <summary>
/// What a looping probe knows of its orders: each order id it heard of (accepted, or only from a later event when the
/// desk died before it could answer the placement), the distinct exec ids filled against it, and whether it ended
/// without filling (never sent, lost, rejected, cancelled). Every order of the probe has the same quantity, so an order
/// heard of only from a fill is complete when its fills reach that quantity.
/// </summary>
public sealed class OrderProgress(decimal quantity)
{
    private readonly Dictionary<OrderId, (HashSet<ExecId> Fills, decimal Filled, bool Ended)> _orders = [];

    public int Orders => _orders.Count;

    public int Fills => _orders.Values.Sum(o => o.Fills.Count);

    /// <summary>Every order heard of has filled its whole quantity or ended.</summary>
    public bool AllComplete => _orders.Values.All(o => o.Ended || o.Filled >= quantity);

    public void Heard(OrderId order)
    {
        if (!_orders.ContainsKey(order)) _orders[order] = ([], 0m, false);
    }

    public void Filled(OrderEvents.Filled fill)
    {
        Heard(fill.OrderId);
        var o = _orders[fill.OrderId];
        if (o.Fills.Add(fill.ExecId)) _orders[fill.OrderId] = o with { Filled = o.Filled + fill.Quantity };
    }

    public void Ended(OrderId order)
    {
        Heard(order);
        _orders[order] = _orders[order] with { Ended = true };
    }
}
