using System.Globalization;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;

namespace TradingDesk.Simulator.Orders;

/// <summary>
/// The matching engine's decisions: pure functions from (state, command, time) to a <see cref="MarketUpdate"/>.
/// Prices come from the deterministic <see cref="PriceEngine"/>, so the same commands at the same times always
/// give the same events. One engine serves all client ids.
/// </summary>
/// <remarks>
/// Status flow (IB's, as far as confirmed):
/// transmit=false → PendingSubmit; accepted → PreSubmitted; working in session → Submitted; fully filled → Filled;
/// cancelled / expired / OCA / IOC remainder → Cancelled (with error 202); rejected → Inactive (with error 201).
/// Untriggered stops and held bracket children stay PreSubmitted.
/// </remarks>
public sealed partial class MatchingEngine(PriceEngine prices, AccountId defaultAccount)
{
    public PriceEngine Prices { get; } = prices;
    public AccountId DefaultAccount { get; } = defaultAccount;

    private InstrumentCatalogue Catalogue => Prices.Catalogue;

    /// <summary>placeOrder: a new order, or a modification when the key names an active order.</summary>
    /// <param name="injectedRejection">fault injection: reject this order with this reason.</param>
    public MarketUpdate Place(EngineState state, OrderKey key, OrderTicket ticket, DateTimeOffset now, string? injectedRejection = null)
    {
        var tr = new Transition(state);
        var existing = state.Find(key);
        if (existing is not null)
        {
            if (existing.IsActive) Modify(tr, existing, ticket, now);
            else tr.Emit(new OrderError(now, key, OrderErrorCodes.DuplicateOrderId, $"Duplicate order id {key.OrderId}"));
            return tr.ToUpdate();
        }
        if (!Catalogue.TryGet(ticket.ConId, out var contract))
        {
            tr.Emit(new OrderError(now, key, OrderErrorCodes.NoSecurityDefinition, "No security definition has been found for the request"));
            return tr.ToUpdate();
        }
        var account = ticket.Account ?? DefaultAccount;
        var order = new SimOrder
        {
            Key = key,
            PermId = new PermId(state.NextPermId),
            Ticket = ticket,
            Account = account,
            Status = OrderStatus.PreSubmitted,
            Sequence = state.NextOrderSequence,
            PlacedAt = now,
            TrailStopPrice = ticket.Type == OrderType.TrailingStop ? ticket.TrailStopPrice : null,
        };
        var parent = ticket.ParentId is { } pid ? state.Find(new OrderKey(key.ClientId, pid)) : null;
        var reason = injectedRejection
            ?? (state.Accounts.ContainsKey(account) ? null : $"Unknown account {account}")
            ?? (ticket.ParentId is not null && (parent is null || !parent.IsActive) ? $"Parent order {ticket.ParentId} is not an active order" : null)
            ?? OrderValidation.Check(ticket, contract, now)
            ?? MarginCheck(state, order, contract, now);
        if (reason is not null)
        {
            Reject(tr, order, reason, now);
            return tr.ToUpdate();
        }
        order = order with
        {
            ExpiresAt = Expiry(contract, ticket, now),
            CloseAt = ticket.Type is OrderType.MarketOnClose or OrderType.LimitOnClose
                ? TradingCalendar.CurrentOrNext(contract.Session, now, liquidOnly: true).End : null,
        };
        if (!ticket.Transmit)
        {
            tr.Emit(new OrderChanged(now, order with { Status = OrderStatus.PendingSubmit, HeldForParent = parent is not null }));
            return tr.ToUpdate();
        }
        // Transmitting a child transmits its whole group (the parent and siblings placed with transmit=false).
        if (parent is { Status: OrderStatus.PendingSubmit }) TransmitGroup(tr, parent, now);
        var held = parent is not null && tr.State.Find(parent.Key)!.Status != OrderStatus.Filled;
        tr.Emit(new OrderChanged(now, order with { HeldForParent = held }));
        if (!held) Evaluate(tr, key, now, resting: false);
        return tr.ToUpdate();
    }

    /// <summary>cancelOrder: 135 for an unknown order, 161 if it is no longer cancellable, else Cancelled + 202.</summary>
    public MarketUpdate Cancel(EngineState state, OrderKey key, DateTimeOffset now)
    {
        var tr = new Transition(state);
        var order = state.Find(key);
        if (order is null)
            tr.Emit(new OrderError(now, key, OrderErrorCodes.OrderNotFound, $"Can't find order with ID = {key.OrderId}"));
        else if (!order.IsActive)
            tr.Emit(new OrderError(now, key, OrderErrorCodes.NotCancellable,
                $"Cancel attempted when order is not in a cancellable state. Order permId = {order.PermId}"));
        else
            CancelOrder(tr, order, now, "");
        return tr.ToUpdate();
    }

    /// <summary>reqGlobalCancel: cancels every active order of every client.</summary>
    public MarketUpdate GlobalCancel(EngineState state, DateTimeOffset now)
    {
        var tr = new Transition(state);
        foreach (var order in state.Orders.Values.Where(o => o.IsActive).OrderBy(o => o.Sequence))
        {
            if (tr.State.Find(order.Key) is { IsActive: true } current) CancelOrder(tr, current, now, "global cancel");
        }
        return tr.ToUpdate();
    }

    /// <summary>Matching at one instant: every working order, in placement order, against the quote at <paramref name="now"/>.</summary>
    public MarketUpdate Step(EngineState state, DateTimeOffset now)
    {
        var tr = new Transition(state);
        foreach (var key in state.Orders.Values.Where(o => o.IsWorking).OrderBy(o => o.Sequence).Select(o => o.Key).ToList())
        {
            Evaluate(tr, key, now, resting: true);
        }
        return tr.ToUpdate() with { State = tr.State with { MatchedUntil = now } };
    }

    private void Modify(Transition tr, SimOrder existing, OrderTicket ticket, DateTimeOffset now)
    {
        var contract = Catalogue.Get(existing.Ticket.ConId);
        var reason = ticket.ConId != existing.Ticket.ConId || ticket.Action != existing.Ticket.Action
                ? "An order's contract and side cannot be modified"
                : ticket.Quantity <= existing.Filled && ticket.Quantity > 0
                    ? $"Quantity cannot be reduced to {ticket.Quantity.ToString(CultureInfo.InvariantCulture)}: already filled {existing.Filled.ToString(CultureInfo.InvariantCulture)}"
                    : OrderValidation.Check(ticket, contract, now);
        if (reason is not null)
        {
            // A rejected modification leaves the working order as it was (IB answers 201 and keeps the order).
            tr.Emit(new OrderError(now, existing.Key, OrderErrorCodes.Rejected, $"Order rejected - reason:{reason}"));
            return;
        }
        var modified = existing with
        {
            Ticket = ticket with { ParentId = existing.Ticket.ParentId },
            ExpiresAt = Expiry(contract, ticket, existing.PlacedAt),
            TrailStopPrice = ticket.TrailStopPrice ?? (ticket.AuxPrice == existing.Ticket.AuxPrice && ticket.TrailingPercent == existing.Ticket.TrailingPercent ? existing.TrailStopPrice : null),
        };
        if (existing.Status == OrderStatus.PendingSubmit && ticket.Transmit)
        {
            tr.Emit(new OrderChanged(now, modified));
            TransmitGroup(tr, tr.State.Find(existing.Key)!, now);
            return;
        }
        tr.Emit(new OrderChanged(now, modified));
        if (tr.State.Find(existing.Key)!.IsWorking) Evaluate(tr, existing.Key, now, resting: false);
    }

    /// <summary>Sends a held group: the root becomes PreSubmitted and is evaluated; its children wait for it.</summary>
    private void TransmitGroup(Transition tr, SimOrder root, DateTimeOffset now)
    {
        tr.Emit(new OrderChanged(now, root with { Status = OrderStatus.PreSubmitted, HeldForParent = false }));
        foreach (var child in Children(tr.State, root).Where(c => c.Status == OrderStatus.PendingSubmit))
        {
            tr.Emit(new OrderChanged(now, child with { Status = OrderStatus.PreSubmitted, HeldForParent = true }));
        }
        Evaluate(tr, root.Key, now, resting: false);
    }

    private static IEnumerable<SimOrder> Children(EngineState s, SimOrder parent) =>
        s.Orders.Values.Where(o => o.Key.ClientId == parent.Key.ClientId && o.Ticket.ParentId == parent.Key.OrderId)
            .OrderBy(o => o.Sequence).ToList();

    private static void Reject(Transition tr, SimOrder order, string reason, DateTimeOffset now)
    {
        tr.Emit(new OrderChanged(now, order with { Status = OrderStatus.Inactive, Reason = reason, CompletedAt = now }));
        tr.Emit(new OrderError(now, order.Key, OrderErrorCodes.Rejected, $"Order rejected - reason:{reason}"));
    }

    /// <summary>Cancels an order and, if it is a parent, its children; each gets Cancelled and error 202.</summary>
    private static void CancelOrder(Transition tr, SimOrder order, DateTimeOffset now, string reason)
    {
        tr.Emit(new OrderChanged(now, order with { Status = OrderStatus.Cancelled, Reason = reason, CompletedAt = now }));
        tr.Emit(new OrderError(now, order.Key, OrderErrorCodes.Cancelled, $"Order Canceled - reason:{reason}"));
        foreach (var child in Children(tr.State, order).Where(c => c.IsActive))
        {
            CancelOrder(tr, child, now, "parent order cancelled");
        }
    }
}
