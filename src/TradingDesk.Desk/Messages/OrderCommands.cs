using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Risk;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// What strategies ask of the order manager. Sent by a strategy to the desk (the DeskActor), which forwards every
/// <see cref="IOrderCommand"/> to the order manager keeping the original sender. Every command is answered:
/// with the reply named on it, or with <see cref="RequestFailed"/> (InvalidRequest, RiskDenied, GatewayError,
/// RequestTimedOut, ConnectionLost). Order events (<see cref="OrderEvents"/>) then go to the strategy that placed
/// the order (the ref registered for its <see cref="StrategyId"/>, else the sender of the place command).
/// </summary>
public static class OrderCommands
{
    /// <summary>
    /// Place one order. Replied with <see cref="OrderEvents.OrderAccepted"/> once it is handed to the pacer, or
    /// RequestFailed(InvalidRequest | RiskDenied | ConnectionLost); a denied order never reaches the gateway.
    /// <paramref name="ReferencePrice"/> is the price the risk gate uses for the notional of a market order
    /// (without it: the last fill or limit price the desk knows for the contract; without that the order is denied).
    /// </summary>
    public sealed record PlaceOrder(ContractSpec Contract, OrderSpec Order, StrategyId Strategy, decimal? ReferencePrice = null) : IPlaceCommand
    {
        /// <inheritdoc />
        public string? TraceParent { get; init; }
    }

    /// <summary>
    /// Change a working order: re-sent as placeOrder with the same id. Only the owning strategy may modify
    /// (the registered ref of the order's strategy, or a command naming that <paramref name="Strategy"/>).
    /// Replied with <see cref="OrderEvents.OrderModifySent"/> or RequestFailed.
    /// </summary>
    public sealed record ModifyOrder(OrderId OrderId, OrderSpec Order, StrategyId? Strategy = null, decimal? ReferencePrice = null) : IOrderCommand;

    /// <summary>
    /// Cancel an order. Replied with <see cref="OrderEvents.CancelSent"/> when the cancel is handed to the pacer;
    /// the owner then sees OrderStatusChanged(Cancelled). If the gateway answers 135/161 (no such order / not
    /// cancellable) the canceller gets RequestFailed(GatewayError) afterwards, once. After 135 the gateway does not
    /// know the order: it becomes lost (its owner gets <see cref="OrderEvents.OrderLost"/>) and a later cancel of it
    /// is refused without being sent. 202 is the normal end, not a failure.
    /// </summary>
    public sealed record CancelOrder(OrderId OrderId) : IOrderCommand;

    /// <summary>
    /// Place an entry with a take-profit and a stop-loss. Ids are consecutive; both children carry the entry's id
    /// as parentId; only the stop-loss (sent last) transmits. Replied with <see cref="OrderEvents.BracketAccepted"/>.
    /// </summary>
    public sealed record PlaceBracket(ContractSpec Contract, Bracket Bracket, StrategyId Strategy, decimal? ReferencePrice = null) : IPlaceCommand
    {
        /// <inheritdoc />
        public string? TraceParent { get; init; }
    }

    /// <summary>
    /// Place orders in one OCA group (<paramref name="OcaType"/> 1: cancel the others with block). Replied with
    /// <see cref="OrderEvents.OcaAccepted"/>.
    /// </summary>
    public sealed record PlaceOca(ContractSpec Contract, IReadOnlyList<OrderSpec> Orders, string Group, StrategyId Strategy, int OcaType = 1, decimal? ReferencePrice = null) : IPlaceCommand
    {
        /// <inheritdoc />
        public string? TraceParent { get; init; }
    }

    /// <summary>
    /// Every open order of the account (reqAllOpenOrders until openOrderEnd). Concurrent askers are serialised:
    /// each gets an answer whose request was sent after it asked. Replied with <see cref="OrderEvents.OpenOrders"/>.
    /// </summary>
    public sealed record GetOpenOrders : IOrderCommand;

    /// <summary>Completed orders (reqCompletedOrders until completedOrdersEnd). Replied with <see cref="OrderEvents.CompletedOrders"/>.</summary>
    public sealed record GetCompletedOrders(bool ApiOnly = false) : IOrderCommand;

    /// <summary>
    /// Executions matching a filter (reqExecutions with a request id from 1,900,000,000 up, until execDetailsEnd).
    /// Replied with <see cref="OrderEvents.Executions"/>. Fills the desk had not seen are also delivered to their owners.
    /// </summary>
    public sealed record GetExecutions(ExecutionQuery Filter) : IOrderCommand;

    /// <summary>
    /// Receive every order event (all strategies' and orders placed elsewhere). Replied with
    /// <see cref="SubscriptionMessages.Subscribed"/>; events then arrive in the sender's mailbox.
    /// End it with <see cref="UnsubscribeOrderUpdates"/> (the subscriber stopping ends it too).
    /// </summary>
    public sealed record SubscribeOrderUpdates : IOrderCommand;

    /// <summary>Ends a <see cref="SubscribeOrderUpdates"/>. Replied with SubscriptionEnded(Id, null). Idempotent.</summary>
    public sealed record UnsubscribeOrderUpdates(SubscriptionId Id) : IOrderCommand;

    /// <summary>
    /// Binds a strategy id to the sender, so order events of that strategy go to it (also those of orders placed by
    /// an earlier incarnation, e.g. before a restart) even when commands arrive through an Ask. Sent by StrategyActor
    /// on start. Replied with <see cref="OrderEvents.StrategyRegistered"/>; or RequestFailed(<see cref="StrategyIdInUse"/>)
    /// when a different live actor is registered under this id (the same actor again, or any actor once the holder
    /// stopped, is accepted). On registration the order manager sends the strategy the state of its open orders and the
    /// fills of its orders that it has not delivered to a live holder of the id yet (once each by exec id).
    /// <paramref name="CancelOrdersOnDisconnect"/>: when the holder terminates without a clean stop (its node crashed or
    /// left the cluster), cancel its working orders.
    /// </summary>
    public sealed record RegisterStrategy(StrategyId Strategy, bool CancelOrdersOnDisconnect = false) : IOrderCommand;

    /// <summary>
    /// The holder of <paramref name="Strategy"/> leaves cleanly (StrategyActor sends it when its host stops it): the
    /// binding ends as when the holder terminates, and the orders keep working; how they go on waits for the next
    /// registration. Replied with <see cref="OrderEvents.StrategyUnregistered"/> after everything the desk told the
    /// holder before, so a strategy that stops on the reply leaves nothing undelivered. From another actor than the
    /// holder it changes nothing and is still replied.
    /// </summary>
    public sealed record UnregisterStrategy(StrategyId Strategy) : IOrderCommand;

    /// <summary>
    /// Sent by a strategy's base class for fills it handed to its handlers: a later registration of
    /// <paramref name="Strategy"/> does not send them again. A fill told to a strategy on another node counts as
    /// delivered only when this comes back (the node may die with the fill in flight). Accepted only from the live
    /// holder of the id; no reply.
    /// </summary>
    public sealed record AcknowledgeFills(StrategyId Strategy, IReadOnlyList<ExecId> ExecIds) : IOrderCommand;

    /// <summary>
    /// Sent by a strategy's base class for the endings of its orders it handed to its handlers (lost, rejected, never
    /// sent, done: <see cref="OrderEvents.EndsOrder"/>): a later registration does not tell them again. As for fills, an
    /// ending told counts as delivered only when this comes back. Accepted only from the live holder of the id; no reply.
    /// </summary>
    public sealed record AcknowledgeEndings(StrategyId Strategy, IReadOnlyList<OrderId> OrderIds) : IOrderCommand;

    /// <summary>Which strategy ids are bound to which live actors (for cluster status). Replied with <see cref="OrderEvents.StrategyBindings"/>.</summary>
    public sealed record GetStrategyBindings : IOrderCommand;

    /// <summary>Cancels every working order of a strategy (StrategyActor sends it on stop when configured). Replied with <see cref="OrderEvents.CancelsSent"/>.</summary>
    public sealed record CancelStrategyOrders(StrategyId Strategy) : IOrderCommand;

    /// <summary>
    /// Desk-wide kill switch: sends reqGlobalCancel plus a cancel for every known working order and refuses every
    /// new order with RiskDenied("kill-switch", reason) until <see cref="ReleaseKillSwitch"/>. Replied with
    /// <see cref="OrderEvents.KillSwitchActivated"/> (also published on the EventStream).
    /// </summary>
    public sealed record ActivateKillSwitch(string Reason) : IOrderCommand;

    /// <summary>Lets orders through again. Replied with <see cref="OrderEvents.KillSwitchReleased"/> (also published).</summary>
    public sealed record ReleaseKillSwitch : IOrderCommand;

    /// <summary>Replaces one strategy's risk limits at run time. Replied with <see cref="OrderEvents.RiskLimitsSet"/>.</summary>
    public sealed record SetRiskLimits(StrategyId Strategy, RiskLimits Limits) : IOrderCommand;
}

/// <summary>IB's execution filter; null fields do not filter.</summary>
public sealed record ExecutionQuery
{
    public static readonly ExecutionQuery All = new();

    public int? ClientId { get; init; }
    public string? Account { get; init; }
    /// <summary>"yyyyMMdd-HH:mm:ss" (UTC) or "yyyyMMdd HH:mm:ss zone": executions after this time.</summary>
    public string? Since { get; init; }
    public string? Symbol { get; init; }
    public SecType? SecType { get; init; }
    public string? Exchange { get; init; }
    /// <summary>"BUY" or "SELL".</summary>
    public string? Side { get; init; }
}
