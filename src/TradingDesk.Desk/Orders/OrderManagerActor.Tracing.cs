using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Telemetry;

namespace TradingDesk.Desk.Orders;

// The order manager's part of an order's trace (DeskTracing): order.desk from the place command to the reply, with
// order.risk and order.journal inside it; then per order order.pacer (handed to the pacer → written), order.ack
// (written → the gateway's first openOrder or orderStatus) and order.fill per execution. Only while something listens
// to the activity source: otherwise no span starts and nothing is kept per order.
public sealed partial class OrderManagerActor
{
    // Fills and statuses of an order keep coming after it filled; the context is kept for the most recent orders.
    private const int TracedOrdersKept = 10_000;

    private readonly Dictionary<OrderId, OrderTrace> _traces = [];
    private readonly Queue<OrderId> _tracedInOrder = new();

    private sealed class OrderTrace(ActivityContext desk)
    {
        public ActivityContext Desk { get; } = desk;
        public Activity? Pacer { get; set; }
        public Activity? Ack { get; set; }
    }

    /// <summary>The key of a traced placeOrder: the pacer tells this actor when it is written and hands the trace to the connection.</summary>
    private sealed record TracedSend(IActorRef Owner, OrderId Order, ActivityContext Trace)
        : PacerMessages.INotifyOnSent, PacerMessages.ITracedKey, INoSerializationVerificationNeeded;

    /// <summary>order.desk for a place command, under the context it carries (or a new trace); null for other commands.</summary>
    private static Activity? BeginTrace(IOrderCommand command)
    {
        if (command is not IPlaceCommand place) return null;
        var span = DeskTracing.StartDetached("order.desk", ActivityKind.Consumer, DeskTracing.Parse(place.TraceParent));
        span?.SetTag("tradingdesk.strategy", place.Strategy.Value);
        span?.SetTag("tradingdesk.symbol", place.Contract.Symbol);
        span?.SetTag("tradingdesk.command", command.GetType().Name);
        return span;
    }

    private static Activity? ChildOf(Activity? parent, string name) =>
        parent is null ? null : DeskTracing.StartDetached(name, ActivityKind.Internal, parent.Context);

    /// <summary>The pacer key of a new order's placeOrder: null (an untraced send) unless the command is traced.</summary>
    private TracedSend? TracePlaced(OrderId id, Activity? trace)
    {
        if (trace is null) return null;
        var order = new OrderTrace(trace.Context) { Pacer = DeskTracing.StartDetached("order.pacer", ActivityKind.Internal, trace.Context) };
        order.Pacer?.SetTag("tradingdesk.order_id", id.Value);
        if (!_traces.TryAdd(id, order)) return null;
        _tracedInOrder.Enqueue(id);
        while (_tracedInOrder.Count > TracedOrdersKept) Forget(_tracedInOrder.Dequeue());
        return new TracedSend(Self, id, trace.Context);
    }

    private void OnSent(PacerMessages.Sent sent)
    {
        if (sent.Key is not TracedSend send || !_traces.TryGetValue(send.Order, out var order) || order.Pacer is null) return;
        DeskTracing.Stop(order.Pacer);
        order.Pacer = null;
        order.Ack = DeskTracing.StartDetached("order.ack", ActivityKind.Client, order.Desk);
        order.Ack?.SetTag("tradingdesk.order_id", send.Order.Value);
    }

    /// <summary>What the recorded facts mean for the traces of the orders they are about.</summary>
    private void TraceRecorded(IReadOnlyList<BookEvent> events)
    {
        if (_traces.Count == 0) return;
        foreach (var e in events)
        {
            if (e is not BookEvent.Observed { Event: var ev } || !_traces.TryGetValue(ev.OrderId, out var order)) continue;
            switch (ev)
            {
                case OrderEvents.OrderStatusChanged s when order.Ack is not null:
                    order.Ack.SetTag("tradingdesk.status", s.Status.ToString());
                    EndAck(order);
                    break;
                case OrderEvents.OpenOrderUpdated when order.Ack is not null:
                    EndAck(order);
                    break;
                case OrderEvents.Filled f:
                    var fill = DeskTracing.StartDetached("order.fill", ActivityKind.Internal, order.Desk);
                    fill?.SetTag("tradingdesk.order_id", f.OrderId.Value);
                    fill?.SetTag("tradingdesk.exec_id", f.ExecId.Value);
                    fill?.SetTag("tradingdesk.quantity", f.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    fill?.SetTag("tradingdesk.price", f.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    DeskTracing.Stop(fill);
                    break;
                case OrderEvents.OrderRejected r:
                    DeskTracing.Fail(order.Ack ?? order.Pacer, $"rejected by the gateway with {r.Code}: {r.Reason}");
                    (order.Ack, order.Pacer) = (null, null);
                    break;
                case OrderEvents.OrderLost l:
                    DeskTracing.Fail(order.Ack ?? order.Pacer, $"lost: {l.Reason}");
                    (order.Ack, order.Pacer) = (null, null);
                    break;
            }
        }
    }

    private static void EndAck(OrderTrace order)
    {
        DeskTracing.Stop(order.Ack);
        order.Ack = null;
    }

    private void Forget(OrderId id)
    {
        if (!_traces.Remove(id, out var order)) return;
        DeskTracing.Stop(order.Pacer);
        DeskTracing.Stop(order.Ack);
    }
}
