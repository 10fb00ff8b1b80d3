using TradingDesk.Simulator.Accounts;

namespace TradingDesk.Simulator.Orders;

/// <summary>
/// An order's full state: what the wire layer needs for openOrder and orderStatus. Immutable; every change is a
/// new value carried by an <see cref="OrderChanged"/> event.
/// </summary>
public sealed record SimOrder
{
    public required OrderKey Key { get; init; }
    public required PermId PermId { get; init; }
    public required OrderTicket Ticket { get; init; }
    public required AccountId Account { get; init; }
    public required OrderStatus Status { get; init; }
    /// <summary>Placement order across all clients; matching evaluates orders in this order.</summary>
    public required long Sequence { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }
    public decimal Filled { get; init; }
    public decimal AvgFillPrice { get; init; }
    public decimal LastFillPrice { get; init; }
    /// <summary>Sum of the commissions of this order's executions.</summary>
    public decimal Commission { get; init; }
    /// <summary>Stop orders: the stop was hit and the order now works as MKT / LMT.</summary>
    public bool Triggered { get; init; }
    /// <summary>TRAIL: the current stop price, moved as the market moves in the order's favour.</summary>
    public decimal? TrailStopPrice { get; init; }
    /// <summary>Bracket child waiting for its parent to fill.</summary>
    public bool HeldForParent { get; init; }
    /// <summary>DAY / GTD: when the order expires unfilled.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>MOC / LOC: the session close at which the order executes.</summary>
    public DateTimeOffset? CloseAt { get; init; }
    /// <summary>Why the order was rejected or cancelled (also carried by the error event).</summary>
    public string? Reason { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public decimal Remaining => Ticket.Quantity - Filled;
    public bool IsActive => Status.IsActive();
    /// <summary>Transmitted, not held, not finished: the matching engine evaluates it.</summary>
    public bool IsWorking => Status is OrderStatus.PreSubmitted or OrderStatus.Submitted && !HeldForParent;
}
