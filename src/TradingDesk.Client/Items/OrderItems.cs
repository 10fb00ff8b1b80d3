using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>One of the caller's order events from <see cref="DeskClient.OrderUpdates"/>. Never conflated.</summary>
public abstract record OrderUpdateItem(OrderId OrderId);

/// <summary>An order's status moved (IB's orderStatus). <see cref="GatewayTime"/> is null when the gateway gave none,
/// which is the rule: IB's orderStatus carries no time.</summary>
public sealed record OrderStatusUpdate(
    OrderId OrderId, PermId? PermId, OrderStatus Status, decimal Filled, decimal Remaining, decimal? AvgFillPrice, decimal? LastFillPrice,
    OrderId? ParentId, string? WhyHeld, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : OrderUpdateItem(OrderId);

/// <summary>The gateway described an open order (IB's openOrder).</summary>
public sealed record OpenOrderUpdate(OrderSnapshot Order, DateTimeOffset LocalTime) : OrderUpdateItem(Order.OrderId);

/// <summary>A fill (execution). Fills are de-duplicated by <see cref="ExecId"/>.</summary>
public sealed record Fill(
    OrderId OrderId, PermId? PermId, ExecId ExecId, ContractSpec Contract, string Side, decimal Quantity, decimal Price,
    decimal CumulativeQuantity, decimal AvgPrice, AccountId Account, string Exchange, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime)
    : OrderUpdateItem(OrderId);

/// <summary>The commission of a fill.</summary>
public sealed record CommissionReport(OrderId OrderId, ExecId ExecId, decimal Commission, string Currency, decimal? RealizedPnL, DateTimeOffset LocalTime)
    : OrderUpdateItem(OrderId);

/// <summary>The gateway rejected the order.</summary>
public sealed record OrderRejection(OrderId OrderId, int Code, string Reason, string? AdvancedRejectJson, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime)
    : OrderUpdateItem(OrderId);

/// <summary>The desk lost track of the order (the gateway no longer knows it after a reconnect).</summary>
public sealed record OrderLoss(OrderId OrderId, string Reason, DateTimeOffset LocalTime) : OrderUpdateItem(OrderId);

/// <summary>A warning from the gateway about the order; the order goes on.</summary>
public sealed record OrderWarning(OrderId OrderId, int Code, string Message, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime)
    : OrderUpdateItem(OrderId);

/// <summary>One order as the gateway describes it (open or completed).</summary>
public sealed record OrderSnapshot(
    OrderId OrderId, PermId? PermId, ClientId ClientId, ContractSpec Contract, string Action, decimal TotalQuantity, string OrderType,
    decimal? LimitPrice, decimal? AuxPrice, OrderStatus Status, AccountId? Account, OrderId? ParentId, string? OcaGroup, bool Transmit,
    string? OrderRef, string? RejectReason, string? WarningText, decimal FilledQuantity);

/// <summary>The three ids of a bracket.</summary>
public sealed record BracketIds(OrderId Entry, OrderId TakeProfit, OrderId StopLoss);
