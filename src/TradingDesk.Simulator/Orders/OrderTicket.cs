using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

/// <summary>
/// What a client asked for in placeOrder, after the wire layer has resolved the contract to a conId.
/// Field meanings follow IB: <see cref="AuxPrice"/> is the stop price for STP / STP LMT and the trailing amount
/// for TRAIL; <see cref="TrailStopPrice"/> is TRAIL's optional initial stop.
/// </summary>
public sealed record OrderTicket
{
    public required ConId ConId { get; init; }
    public required OrderAction Action { get; init; }
    public required decimal Quantity { get; init; }
    public required OrderType Type { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? AuxPrice { get; init; }
    public decimal? TrailingPercent { get; init; }
    public decimal? TrailStopPrice { get; init; }
    public TimeInForce Tif { get; init; } = TimeInForce.Day;
    /// <summary>For GTD: when the order expires.</summary>
    public DateTimeOffset? GoodTillDate { get; init; }
    /// <summary>Stocks: allow working and filling in pre- and post-market hours.</summary>
    public bool OutsideRth { get; init; }
    /// <summary>Bracket child: the parent's order id (same client).</summary>
    public OrderId? ParentId { get; init; }
    /// <summary>False holds the order until a later order of its group (same parent) is transmitted.</summary>
    public bool Transmit { get; init; } = true;
    /// <summary>One-cancels-all group; a fill in one cancels the others (IB ocaType 1).</summary>
    public string? OcaGroup { get; init; }
    /// <summary>Null means the simulator's default account.</summary>
    public AccountId? Account { get; init; }
    /// <summary>
    /// An FA order's allocation: the quantity each sub-account gets of the whole order (null: booked in
    /// <see cref="Account"/> alone). Each fill is split over these accounts (FaFillAllocator), one execution each.
    /// </summary>
    public IReadOnlyList<(AccountId Account, decimal Quantity)>? Allocation { get; init; }
    public string OrderRef { get; init; } = "";
}
