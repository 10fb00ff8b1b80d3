using System.Diagnostics;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Telemetry;

namespace TradingDesk.Desk.Orders;

// The order manager's meters: what became of orders (placed, acknowledged, filled, rejected, lost, denied by risk)
// and how long the journal took to write each batch of facts. Counted from the facts the manager records live, never
// from a recovery's replay, so a restart does not count its orders twice.
public sealed partial class OrderManagerActor
{
    private static readonly KeyValuePair<string, object?> Placed = new("event", "placed");
    private static readonly KeyValuePair<string, object?> Acknowledged = new("event", "acknowledged");
    private static readonly KeyValuePair<string, object?> FilledTag = new("event", "filled");
    private static readonly KeyValuePair<string, object?> Rejected = new("event", "rejected");
    private static readonly KeyValuePair<string, object?> Lost = new("event", "lost");
    private static readonly KeyValuePair<string, object?> Denied = new("event", "denied");

    private readonly DeskMetrics _metrics = DeskMetrics.For(Context.System);
    // Placed here and not yet answered by the gateway (openOrder or orderStatus): the first answer is the acknowledgement.
    private readonly HashSet<OrderId> _unacknowledged = [];

    private void CountRecorded(IReadOnlyList<BookEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case BookEvent.OrderPlaced p:
                    _unacknowledged.Add(p.Order.Id);
                    _metrics.Orders.Add(1, Placed);
                    break;
                case BookEvent.Observed { Event: OrderEvents.OrderStatusChanged or OrderEvents.OpenOrderUpdated } o when _unacknowledged.Remove(o.Event.OrderId):
                    _metrics.Orders.Add(1, Acknowledged);
                    break;
                case BookEvent.Observed { Event: OrderEvents.Filled }:
                    _metrics.Orders.Add(1, FilledTag);
                    break;
                case BookEvent.Observed { Event: OrderEvents.OrderRejected r }:
                    _unacknowledged.Remove(r.OrderId);
                    _metrics.Orders.Add(1, Rejected);
                    break;
                case BookEvent.Observed { Event: OrderEvents.OrderLost l }:
                    _unacknowledged.Remove(l.OrderId);
                    _metrics.Orders.Add(1, Lost);
                    break;
            }
        }
    }

    private void CountRefused(DeskFailure failure)
    {
        if (failure is RiskDenied) _metrics.Orders.Add(1, Denied);
    }

    private void RecordJournalWrite(long startedTimestamp)
    {
        if (_metrics.JournalWrite.Enabled) _metrics.JournalWrite.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }
}
