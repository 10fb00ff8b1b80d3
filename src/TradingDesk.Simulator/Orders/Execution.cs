using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

/// <summary>
/// One fill (execDetails) with its commission report (commissionReport). <see cref="RealizedPnl"/> is null for
/// fills that only open or add to a position (IB sends its unset-double sentinel then).
/// </summary>
public sealed record Execution(
    ExecId ExecId,
    OrderKey Order,
    PermId PermId,
    AccountId Account,
    ConId ConId,
    string Symbol,
    SecType SecType,
    string Exchange,
    OrderAction Side,
    decimal Shares,
    decimal Price,
    DateTimeOffset Time,
    decimal CumQty,
    decimal AvgPrice,
    string OrderRef,
    decimal Commission,
    string CommissionCurrency,
    decimal? RealizedPnl);

/// <summary>reqExecutions' filter; null fields match everything. Time matches executions at or after it.</summary>
public sealed record ExecutionFilter
{
    public ClientId? ClientId { get; init; }
    public AccountId? Account { get; init; }
    public DateTimeOffset? Since { get; init; }
    public string? Symbol { get; init; }
    public SecType? SecType { get; init; }
    public string? Exchange { get; init; }
    public OrderAction? Side { get; init; }

    public bool Matches(Execution e) =>
        (ClientId is null || ClientId == e.Order.ClientId)
        && (Account is null || Account == e.Account)
        && (Since is null || e.Time >= Since)
        && (string.IsNullOrEmpty(Symbol) || string.Equals(Symbol, e.Symbol, StringComparison.OrdinalIgnoreCase))
        && (SecType is null || SecType == e.SecType)
        && (string.IsNullOrEmpty(Exchange) || string.Equals(Exchange, e.Exchange, StringComparison.OrdinalIgnoreCase))
        && (Side is null || Side == e.Side);
}
