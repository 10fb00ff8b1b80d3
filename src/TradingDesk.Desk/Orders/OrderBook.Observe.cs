using Google.Protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>What the gateway's order messages mean for the book.</summary>
public sealed partial record OrderBook
{
    /// <summary>
    /// The facts one inbound message adds. Executions already seen and statuses identical to the last delivered
    /// one add nothing. Messages of another client id (their order ids live in another namespace) are observed as
    /// not owned: subscribers of all updates see them, no strategy does.
    /// </summary>
    public IReadOnlyList<BookEvent> Observe(IMessage message, DateTimeOffset local) => message switch
    {
        Tws.NextValidId n => [new BookEvent.IdsOffered(n.OrderId)],
        Tws.OrderStatus s => ObserveStatus(s, local),
        Tws.OpenOrder o => ObserveOpenOrder(o, local),
        Tws.ExecutionDetails x => ObserveExecution(x, local),
        Tws.CommissionAndFeesReport c => ObserveCommission(c, local),
        Tws.ErrorMessage e => ObserveError(e, local),
        // orderBound (100) binds an order entered in TWS (its permId) to an API order id, when a client binds manual
        // orders (reqAutoOpenOrders, client 0's reqOpenOrders). The desk's own orders carry their ids from the start,
        // and a bound order's openOrder and orderStatus follow with both ids (Locate matches the permId): the binding
        // adds no fact of its own, so it is observed as nothing, and an order bound from TWS stays unowned.
        Tws.OrderBound => [],
        _ => [],
    };

    private bool IsOurs(bool hasClientId, int clientId) => !hasClientId || clientId == ClientId;

    /// <summary>
    /// The book's record of an order of this client id, discovering one it does not know: an order placed by an earlier
    /// session or another desk of this client id (its id is used, so the high-water mark moves past it). Its owner comes
    /// from the orderRef (<paramref name="owner"/>) when the message carries one; a record without an owner takes the
    /// one a later message names. <paramref name="initial"/> is the status of a discovered order until the gateway
    /// says more.
    /// </summary>
    private (OrderRecord? Order, List<BookEvent> Events) Locate(int orderId, bool ours, PermId? permId, StrategyId? owner = null,
        OrderStatus initial = OrderStatus.PendingSubmit)
    {
        var events = new List<BookEvent>();
        if (!ours || orderId <= 0 || orderId >= OrderManagerOptions.OrderIdLimit) return (null, events);
        if (Orders.TryGetValue(new OrderId(orderId), out var known))
        {
            if (known.Strategy is not null || owner is not { } learned) return (known, events);
            events.Add(new BookEvent.OwnerLearned(known.Id, learned));
            return (known with { Strategy = learned }, events);
        }
        var discovered = new OrderRecord(new OrderId(orderId), owner, null, null, null) { PermId = permId, Status = initial };
        events.Add(new BookEvent.OrderDiscovered(discovered));
        return (discovered, events);
    }

    private IReadOnlyList<BookEvent> ObserveStatus(Tws.OrderStatus s, DateTimeOffset local)
    {
        var ours = IsOurs(s.HasClientId, s.ClientId);
        var (order, events) = Locate(s.OrderId, ours, s.PermId != 0 ? new PermId(s.PermId) : null);
        var changed = OrderWire.ToStatusChanged(s, order?.Strategy, local);
        if (order?.LastStatus is { } last && last == changed with { LocalTime = last.LocalTime }) return events;
        events.Add(new BookEvent.Observed(changed, order is not null));
        return events;
    }

    private IReadOnlyList<BookEvent> ObserveOpenOrder(Tws.OpenOrder o, DateTimeOffset local)
    {
        var ours = IsOurs(o.Order?.HasClientId ?? false, o.Order?.ClientId ?? 0);
        var snapshot = OrderWire.ToSnapshot(o.OrderId, o.Contract, o.Order, o.OrderState);
        var (order, events) = Locate(snapshot.OrderId.Value, ours, snapshot.PermId, OrderRefs.OwnerOf(snapshot.OrderRef));
        events.Add(new BookEvent.Observed(new OrderEvents.OpenOrderUpdated(snapshot, order?.Strategy, local), order is not null));
        return events;
    }

    private IReadOnlyList<BookEvent> ObserveExecution(Tws.ExecutionDetails d, DateTimeOffset local)
    {
        var x = d.Execution;
        if (x is null || string.IsNullOrEmpty(x.ExecId) || SeenExecIds.Contains(x.ExecId)) return [];
        var ours = IsOurs(x.HasClientId, x.ClientId);
        // An execution says nothing of whether the rest of the order still works: Unknown until openOrder or orderStatus.
        var (order, events) = Locate(x.OrderId, ours, x.PermId != 0 ? new PermId(x.PermId) : null, OrderRefs.OwnerOf(x.OrderRef), OrderStatus.Unknown);
        events.Add(new BookEvent.Observed(OrderWire.ToFilled(d, order?.Strategy, local), order is not null));
        return events;
    }

    private IReadOnlyList<BookEvent> ObserveCommission(Tws.CommissionAndFeesReport c, DateTimeOffset local)
    {
        if (string.IsNullOrEmpty(c.ExecId) || SeenCommissions.Contains(c.ExecId)) return [];
        var known = ExecOrders.TryGetValue(c.ExecId, out var orderId);
        Orders.TryGetValue(orderId, out var order);
        return [new BookEvent.Observed(OrderWire.ToCommission(c, known ? orderId : default, order?.Strategy, local), order is not null)];
    }

    /// <summary>
    /// An error for an order id. Codes that end an order (<see cref="OrderErrors.Classify"/>) become OrderRejected with
    /// IB's code — except while a modification of a working order is in flight: then the gateway refused the
    /// modification and keeps the order as it was, so the owner gets an OrderNotice with the code and the order stays
    /// working. Every other code is an OrderNotice.
    /// </summary>
    private IReadOnlyList<BookEvent> ObserveError(Tws.ErrorMessage e, DateTimeOffset local)
    {
        if (e.Id <= 0 || e.Id >= OrderManagerOptions.OrderIdLimit) return [];
        var id = new OrderId(e.Id);
        Orders.TryGetValue(id, out var order);
        var ends = OrderErrors.Classify(e.ErrorCode) == OrderErrorEffect.Ends && order is not { ModificationPending: true, IsWorking: true };
        OrderEvents.IOrderEvent ev = ends
            ? new OrderEvents.OrderRejected(id, e.ErrorCode, e.ErrorMsg, string.IsNullOrEmpty(e.AdvancedOrderRejectJson) ? null : e.AdvancedOrderRejectJson, OrderWire.ErrorTime(e), local)
            : new OrderEvents.OrderNotice(id, e.ErrorCode, e.ErrorMsg, OrderWire.ErrorTime(e), local);
        return [new BookEvent.Observed(ev, order is not null)];
    }

    private OrderBook ApplyObserved(BookEvent.Observed o)
    {
        var book = this;
        if (o.Event is OrderEvents.Filled f)
        {
            book = book with { SeenExecIds = SeenExecIds.Add(f.ExecId.Value) };
            if (o.Owned) book = book with { ExecOrders = book.ExecOrders.SetItem(f.ExecId.Value, f.OrderId), SessionFills = book.SessionFills.Add(f) };
            if (f.Contract is { } c && f.Price > 0) book = book with { LastPrices = book.LastPrices.SetItem(PriceKey(c), f.Price) };
        }
        if (o.Event is OrderEvents.CommissionReported cr) book = book with { SeenCommissions = SeenCommissions.Add(cr.ExecId.Value) };
        if (!o.Owned || !book.Orders.TryGetValue(o.Event.OrderId, out var order)) return book;
        var updated = o.Event switch
        {
            // An execution carries the perm id: an order whose acknowledgement was never seen is matched by it later.
            OrderEvents.Filled fill when order.PermId is null && fill.PermId is { } permId => order with { PermId = permId },
            OrderEvents.OrderStatusChanged s => order with
            {
                Status = s.Status == OrderStatus.Unknown ? order.Status : s.Status,
                Filled = s.Filled,
                Remaining = s.Remaining,
                PermId = s.PermId ?? order.PermId,
                LastStatus = s,
            },
            OrderEvents.OpenOrderUpdated u => order with
            {
                Status = u.Order.Status == OrderStatus.Unknown ? order.Status : u.Order.Status,
                PermId = u.Order.PermId ?? order.PermId,
                ModificationPending = order.ModificationPending && !Echoes(u.Order, order.Spec),
                LastOpen = u,
            },
            OrderEvents.OrderRejected => order with { Rejected = true, ModificationPending = false },
            // The refusal of a modification answers it; the order keeps working as before.
            OrderEvents.OrderNotice { Code: OrderEvents.OrderNotice.NeverSent } => order with { NeverSent = true, ModificationPending = false },
            OrderEvents.OrderNotice n when OrderErrors.Classify(n.Code) == OrderErrorEffect.Ends => order with { ModificationPending = false },
            OrderEvents.OrderLost => order with { Lost = true, ModificationPending = false },
            _ => order,
        };
        // The first ending is the one its owner hears (a done status after a loss, say, changes nothing for it).
        if (updated.Ending is null && OrderEvents.EndsOrder(o.Event)) updated = updated with { Ending = o.Event };
        return book with { Orders = book.Orders.SetItem(order.Id, updated) };
    }

    /// <summary>The gateway's openOrder shows the modification (quantity and prices as last sent): it was applied.
    /// An unset price may come back as 0.</summary>
    private static bool Echoes(OrderSnapshot snapshot, OrderSpec? sent) =>
        sent is not null && snapshot.TotalQuantity == sent.Quantity
        && (snapshot.LimitPrice ?? 0) == (sent.LimitPrice ?? 0) && (snapshot.AuxPrice ?? 0) == (sent.AuxPrice ?? 0);
}
