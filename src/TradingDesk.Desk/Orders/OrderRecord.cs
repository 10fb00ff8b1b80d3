using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// What the order book knows about one of the desk's orders. For an order the desk did not place in this process (seen
/// on the wire after a restart or a failover) <see cref="Strategy"/> comes from its orderRef (<see cref="OrderRefs"/>);
/// it is null when the orderRef names no owner, and then the order's events go to order-update subscribers only.
/// </summary>
public sealed record OrderRecord(
    OrderId Id, StrategyId? Strategy, ContractSpec? Contract, OrderSpec? Spec, OrderId? ParentId)
{
    public PermId? PermId { get; init; }

    /// <summary>PendingSubmit from the moment the desk hands it to the pacer until the gateway says otherwise.</summary>
    public OrderStatus Status { get; init; } = OrderStatus.PendingSubmit;

    public decimal Filled { get; init; }

    public decimal Remaining { get; init; }

    /// <summary>An error that ends the order arrived (<see cref="OrderErrors.Classify"/>): it is dead whatever status follows.</summary>
    public bool Rejected { get; init; }

    /// <summary>
    /// The desk can no longer know the order's state (reconciliation found it nowhere, or a cancel was answered "not
    /// found"): it is out of the working set for good, so nothing counts it, waits for it or cancels it again.
    /// </summary>
    public bool Lost { get; init; }

    /// <summary>
    /// The desk journaled the order and died before its placeOrder reached the gateway: after the restart the gateway
    /// listed it nowhere and it had no perm id. It is not sent again (the strategy decides); its owner got an
    /// <see cref="OrderEvents.OrderNotice"/> with <see cref="OrderEvents.OrderNotice.NeverSent"/>.
    /// </summary>
    public bool NeverSent { get; init; }

    /// <summary>
    /// A modification was sent and the gateway has not yet echoed it (openOrder with its quantity and prices) or refused
    /// it: an ending error now refuses the modification, and the order keeps working as it was.
    /// </summary>
    public bool ModificationPending { get; init; }

    /// <summary>The last orderStatus delivered, to drop identical consecutive ones.</summary>
    public OrderEvents.OrderStatusChanged? LastStatus { get; init; }

    /// <summary>
    /// The event that ended the order (<see cref="OrderEvents.EndsOrder"/>), as its owner was or is to be told it: a
    /// registration replays it until the owner acknowledged it (<see cref="EndingDelivered"/>), across desk restarts.
    /// </summary>
    public OrderEvents.IOrderEvent? Ending { get; init; }

    /// <summary>The owner acknowledged <see cref="Ending"/> (<see cref="BookEvent.EndingsDelivered"/>).</summary>
    public bool EndingDelivered { get; init; }

    /// <summary>The last openOrder seen: what a strategy that (re)registers is told about its open orders.</summary>
    public OrderEvents.OpenOrderUpdated? LastOpen { get; init; }

    /// <summary>
    /// Can still fill or be cancelled: counted by the risk gate, cancelled on stop and by the kill switch. An order known
    /// only from an execution (status <see cref="OrderStatus.Unknown"/>: it may long be filled) is not working until an
    /// openOrder or orderStatus says what it is; otherwise every filled order of the session that a desk without memory
    /// learns from reqExecutions would count against its strategy's limits and be cancelled over and over.
    /// </summary>
    public bool IsWorking => !Rejected && !Lost && !NeverSent && Status != OrderStatus.Unknown && !Status.IsDone();

    /// <summary>Why the order is not working, in words ("rejected", "lost", "Filled", …).</summary>
    public string Ended => Rejected ? "rejected" : Lost ? "lost" : NeverSent ? "never sent" : Status.ToString();
}

/// <summary>
/// What the order book records (Apply) — from commands it decided and from what the gateway said. Every event is a fact
/// in the desk's own terms and is journaled (<see cref="Journal.OrderJournal"/>), except the few marked
/// <see cref="Journaled"/> false: effects of this session (a cancel handed to the pacer, the link going up or down) that
/// say nothing durable about an order and that a restarted desk must not replay.
/// </summary>
public abstract record BookEvent
{
    /// <summary>False for a session effect that is not journaled.</summary>
    public virtual bool Journaled => true;

    /// <summary>The gateway offered ids from <paramref name="Offered"/> (nextValidId). Session state: not journaled.</summary>
    public sealed record IdsOffered(int Offered) : BookEvent
    {
        public override bool Journaled => false;
    }

    public sealed record ConnectivityChanged(bool Online) : BookEvent
    {
        public override bool Journaled => false;
    }

    /// <summary>
    /// A strategy placed <see cref="Order"/> under its id. Journaled before the placeOrder goes to the pacer, so an id
    /// is used only once it is durable: that is the id high-water mark.
    /// </summary>
    public sealed record OrderPlaced(OrderRecord Order) : BookEvent;

    /// <summary>The owner changed a working order to <see cref="Order"/>'s spec (journaled before the placeOrder is sent).</summary>
    public sealed record OrderModified(OrderRecord Order) : BookEvent;

    /// <summary>A cancel was handed to the pacer: an effect; the gateway's answer is the fact.</summary>
    public sealed record CancelSubmitted(OrderId OrderId) : BookEvent
    {
        public override bool Journaled => false;
    }

    public sealed record GlobalCancelSubmitted : BookEvent
    {
        public override bool Journaled => false;
    }

    public sealed record KillSwitchChanged(string? Reason) : BookEvent;

    public sealed record LimitsChanged(StrategyId Strategy, RiskLimits Limits) : BookEvent;

    /// <summary>
    /// An order seen on the wire that the book did not know: placed by an earlier session of this client id, from TWS
    /// or by another client. Adopted with the owner its orderRef names, or none.
    /// </summary>
    public sealed record OrderDiscovered(OrderRecord Order) : BookEvent;

    /// <summary>The owner of an order known without one was read from its orderRef (an orderStatus came first).</summary>
    public sealed record OwnerLearned(OrderId OrderId, StrategyId Strategy) : BookEvent;

    /// <summary>A strategy id registered with the desk for the first time.</summary>
    public sealed record StrategyRegistered(StrategyId Strategy) : BookEvent;

    /// <summary>The strategy acknowledged these executions: a later registration does not send them again.</summary>
    public sealed record FillsDelivered(StrategyId Strategy, IReadOnlyList<ExecId> ExecIds) : BookEvent;

    /// <summary>The strategy acknowledged how these orders of its ended: a later registration does not tell it again.</summary>
    public sealed record EndingsDelivered(StrategyId Strategy, IReadOnlyList<OrderId> OrderIds) : BookEvent;

    /// <summary>Wraps an event a strategy receives; <see cref="Owned"/> is false for other clients' orders.</summary>
    public sealed record Observed(OrderEvents.IOrderEvent Event, bool Owned) : BookEvent;
}
