using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// What the order manager tells strategies. Replies go to the sender of the command; order events
/// (<see cref="IOrderEvent"/>) go to the strategy that owns the order and to every subscriber of all order updates.
/// Every order event carries the order id, the perm id when known, and local time (gateway time when IB sends one).
/// </summary>
public static class OrderEvents
{
    /// <summary>An event about one order, delivered to its owner and to order-update subscribers.</summary>
    public interface IOrderEvent
    {
        OrderId OrderId { get; }
    }

    /// <summary>
    /// The event that ends an order: lost, rejected, never sent, or a done status (filled, cancelled, inactive). The desk
    /// keeps each order's ending until its owner acknowledges it, and tells it again at the owner's registration.
    /// </summary>
    public static bool EndsOrder(IOrderEvent e) => e is OrderLost or OrderRejected or OrderNotice { Code: OrderNotice.NeverSent }
        || (e is OrderStatusChanged status && status.Status.IsDone());

    /// <summary>Reply to PlaceOrder: the order was handed to the pacer under this id.</summary>
    public sealed record OrderAccepted(OrderId OrderId);

    /// <summary>Reply to PlaceBracket: the three ids (entry is the parent; only the stop-loss transmitted).</summary>
    public sealed record BracketAccepted(OrderId Entry, OrderId TakeProfit, OrderId StopLoss);

    /// <summary>Reply to PlaceOca: the ids in the order given.</summary>
    public sealed record OcaAccepted(string Group, IReadOnlyList<OrderId> OrderIds);

    /// <summary>Reply to ModifyOrder: the new version was re-sent under the same id.</summary>
    public sealed record OrderModifySent(OrderId OrderId);

    /// <summary>Reply to CancelOrder: the cancel was handed to the pacer.</summary>
    public sealed record CancelSent(OrderId OrderId);

    /// <summary>Reply to CancelStrategyOrders: cancels were sent for these working orders.</summary>
    public sealed record CancelsSent(StrategyId Strategy, IReadOnlyList<OrderId> OrderIds);

    /// <summary>Reply to RegisterStrategy.</summary>
    public sealed record StrategyRegistered(StrategyId Strategy);

    /// <summary>Reply to UnregisterStrategy: nothing more of this strategy's comes to the sender from the desk.</summary>
    public sealed record StrategyUnregistered(StrategyId Strategy);

    /// <summary>Reply to GetStrategyBindings: each bound strategy id and the path of the actor that holds it.</summary>
    public sealed record StrategyBindings(IReadOnlyList<StrategyBinding> Bindings);

    public sealed record StrategyBinding(StrategyId Strategy, string ActorPath);

    /// <summary>Reply to SetRiskLimits.</summary>
    public sealed record RiskLimitsSet(StrategyId Strategy);

    /// <summary>Reply to ActivateKillSwitch, also published on the EventStream.</summary>
    public sealed record KillSwitchActivated(string Reason, IReadOnlyList<OrderId> CancelledOrders, DateTimeOffset At);

    /// <summary>Reply to ReleaseKillSwitch, also published on the EventStream.</summary>
    public sealed record KillSwitchReleased(DateTimeOffset At);

    /// <summary>Reply to GetOpenOrders: the account's open orders, one entry per order.</summary>
    public sealed record OpenOrders(IReadOnlyList<OrderSnapshot> Orders);

    /// <summary>Reply to GetCompletedOrders.</summary>
    public sealed record CompletedOrders(IReadOnlyList<OrderSnapshot> Orders);

    /// <summary>Reply to GetExecutions: every execution (each exec id once) the gateway reported for the filter.</summary>
    public sealed record Executions(IReadOnlyList<Filled> Fills);

    /// <summary>
    /// orderStatus. Identical consecutive statuses are delivered once. <paramref name="GatewayTime"/> is null:
    /// IB's orderStatus carries no time.
    /// </summary>
    public sealed record OrderStatusChanged(
        OrderId OrderId, PermId? PermId, StrategyId? Strategy, OrderStatus Status, decimal Filled, decimal Remaining,
        decimal? AvgFillPrice, decimal? LastFillPrice, OrderId? ParentId, string? WhyHeld,
        DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : IOrderEvent;

    /// <summary>openOrder: the gateway's view of the order (sent on placement and on state changes).</summary>
    public sealed record OpenOrderUpdated(OrderSnapshot Order, StrategyId? Strategy, DateTimeOffset LocalTime) : IOrderEvent
    {
        public OrderId OrderId => Order.OrderId;
    }

    /// <summary>One execution (execDetails), delivered once per exec id however often the gateway re-sends it.</summary>
    public sealed record Filled(
        OrderId OrderId, PermId? PermId, ExecId ExecId, StrategyId? Strategy, ContractSpec? Contract, string Side,
        decimal Quantity, decimal Price, decimal CumulativeQuantity, decimal AvgPrice, string Account, string Exchange,
        DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : IOrderEvent;

    /// <summary>commissionAndFeesReport for an execution, once per exec id.</summary>
    public sealed record CommissionReported(
        OrderId OrderId, ExecId ExecId, StrategyId? Strategy, decimal Commission, string Currency, decimal? RealizedPnl,
        DateTimeOffset LocalTime) : IOrderEvent;

    /// <summary>
    /// Terminal: the gateway refused the order — error 201, or any other error that ends an order before it works
    /// (e.g. 200 no security definition, 110 price increment, 103 duplicate id; the list is OrderErrors in the order
    /// manager). <paramref name="Code"/> is IB's error code. The order leaves the working set at once; any Inactive
    /// status the gateway sends arrives separately.
    /// </summary>
    public sealed record OrderRejected(OrderId OrderId, int Code, string Reason, string? AdvancedRejectJson, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : IOrderEvent;

    /// <summary>
    /// Terminal: the desk can no longer know what became of the order (after a reconnect the gateway lists it neither
    /// as open nor as completed, or answers a cancel with 135 "can't find order"). The order leaves the working set;
    /// <paramref name="Reason"/> says what was seen. A fill reported for it later is still delivered.
    /// </summary>
    public sealed record OrderLost(OrderId OrderId, StrategyId? Strategy, string Reason, DateTimeOffset LocalTime) : IOrderEvent;

    /// <summary>
    /// Any other error or warning the gateway sent for this order (e.g. 399, 2109, 404, 202 without a cancel of ours, or
    /// an ending code such as 201 that refused a modification while the order kept working as it was).
    /// </summary>
    public sealed record OrderNotice(OrderId OrderId, int Code, string Message, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : IOrderEvent
    {
        /// <summary>Desk-side code (negative: never an IB code): the order was lost with the old link and sent again.</summary>
        public const int ResentAfterReconnect = -2;

        /// <summary>
        /// Desk-side code: the desk journaled the order and stopped before its placeOrder reached the gateway, which after
        /// the restart lists it nowhere. It was not sent again; the order is over and its strategy decides what to do.
        /// </summary>
        public const int NeverSent = -3;
    }
}

/// <summary>One order as openOrder / completedOrder describe it.</summary>
public sealed record OrderSnapshot(
    OrderId OrderId, PermId? PermId, int ClientId, ContractSpec? Contract, string Action, decimal TotalQuantity,
    string OrderType, decimal? LimitPrice, decimal? AuxPrice, OrderStatus Status, string? Account, OrderId? ParentId,
    string? OcaGroup, bool Transmit, string? OrderRef, string? RejectReason, string? WarningText, decimal FilledQuantity);
