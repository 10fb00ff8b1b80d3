using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// After a reconnect: orders the book thinks are working but the gateway no longer lists as open finished (or were
/// lost) during the outage. Their final state comes from reqCompletedOrders; fills arrive through the executions
/// query (de-duplicated by exec id, so each reaches its owner exactly once). An order the gateway had acknowledged
/// and now lists nowhere becomes Lost; one it never acknowledged is sent again under its own id.
/// </summary>
public sealed partial class OrderManagerActor
{
    private HashSet<OrderId> _unknownAfterReconnect = [];

    // The reconciliation of the first connect after a recovery from the journal (for the log's words).
    private bool _reconcilingRestart;

    // Orders whose placeOrder this incarnation handed to the pacer. One that never reached the gateway and is not here
    // was journaled by a desk that stopped before sending it: it is reported, not re-sent, whichever reconciliation
    // finds it (the first connect's, or a reconnect's when the link dropped before the first one finished). One that is
    // here died with a link and is sent again.
    private readonly HashSet<OrderId> _sentHere = [];

    // The orders working when the reconciliation asked for open orders. Only these can be missing from the answer: one
    // placed after the request was written may reach the gateway after it answered, and is not missing but new.
    private HashSet<OrderId> _workingAtReconcile = [];

    private void ReconcileOpenOrders(OrderEvents.OpenOrders open)
    {
        var listed = open.Orders.Where(o => o.ClientId == _options.ClientId).Select(o => o.OrderId).ToHashSet();
        _unknownAfterReconnect = _book.Orders.Values
            .Where(o => o.Strategy is not null && o.IsWorking && _workingAtReconcile.Contains(o.Id) && !listed.Contains(o.Id))
            .Select(o => o.Id).ToHashSet();
        if (_unknownAfterReconnect.Count == 0) return;
        _log.Info("Reconcile: {0} orders were working before the outage and are not open now; asking for completed orders", _unknownAfterReconnect.Count);
        Enqueue(_completedOrders, new Reconcile(), null);
    }

    private void ReconcileCompleted(OrderEvents.CompletedOrders done)
    {
        var now = _time.Now;
        foreach (var id in _unknownAfterReconnect)
        {
            if (!_book.Orders.TryGetValue(id, out var order) || !order.IsWorking) continue;
            var match = done.Orders.FirstOrDefault(s =>
                (order.PermId is { } p && s.PermId == p) || (s.OrderId == id && s.ClientId == _options.ClientId));
            if (match is null && order.PermId is null && order.Contract is not null && order.Spec is not null)
            {
                if (!_sentHere.Contains(id))
                {
                    // Journaled by a desk that stopped before the placeOrder reached the gateway. Sending it now, maybe
                    // minutes later into another market, is the strategy's decision, not the desk's.
                    _log.Warning("Reconcile: order {0} of {1} was journaled but never reached the gateway; it is not sent again", id, order.Strategy);
                    var unsent = new BookEvent.Observed(new OrderEvents.OrderNotice(id, OrderEvents.OrderNotice.NeverSent,
                        "the desk stopped after journaling this order and before the gateway had it; it was not sent", null, now), true);
                    Record([unsent], () => Deliver(unsent));
                    continue;
                }
                // Never acknowledged and listed nowhere: the placeOrder died with the old link (written, never read).
                // Re-sending the same id is safe: a gateway that did have it answers 103 instead of placing it twice.
                _log.Warning("Reconcile: order {0} never reached the gateway before the outage; sending it again", id);
                Send(PlaceRequest(order));
                Deliver(new BookEvent.Observed(new OrderEvents.OrderNotice(id, OrderEvents.OrderNotice.ResentAfterReconnect,
                    "the gateway had no record of this order after the reconnect: sent again with the same id", null, now), true));
                continue;
            }
            if (match is null || !match.Status.IsDone())
            {
                // The gateway knew it (it has a perm id) but lists it neither as open nor as completed (a gateway that
                // restarted without its state): nothing will ever say what became of it. It ends here as Lost, so its
                // owner can act again and nobody cancels it over and over (each cancel would be answered 135).
                Lose(order, $"after the {(_reconcilingRestart ? "restart" : "reconnect")} the gateway lists this order neither as open nor as completed", now);
                continue;
            }
            var total = match.TotalQuantity;
            var status = new OrderEvents.OrderStatusChanged(id, match.PermId ?? order.PermId, order.Strategy, match.Status,
                match.FilledQuantity, Math.Max(0, total - match.FilledQuantity), null, null, order.ParentId,
                "reconciled after reconnect", null, now);
            var observed = new BookEvent.Observed(status, true);
            Record([observed], () => Deliver(observed));
        }
        _unknownAfterReconnect = [];
        _reconcilingRestart = false;
    }
}
