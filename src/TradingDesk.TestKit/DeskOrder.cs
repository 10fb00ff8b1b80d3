using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.OrderEvents;

namespace TradingDesk.Testing;

/// <summary>
/// A PlaceOrder a strategy sent to a <see cref="DeskProbe"/>, answered the way the desk answers it: the reply
/// (<see cref="OrderAccepted"/> or <see cref="RequestFailed"/>) to the sender, the order's events to its owner (the actor
/// registered for the order's strategy id, else the sender). Quantities and prices follow IB: a fill adds to the
/// cumulative quantity and the average price; the status says how much remains.
/// <code>
/// var order = desk.ExpectPlaceOrder();
/// order.Accept(new OrderId(7)).Submitted();
/// order.Fill(10, 101.5m);            // Filled, then OrderStatusChanged(Filled, 10, 0)
/// </code>
/// </summary>
public sealed class DeskOrder : DeskRequest<OrderCommands.PlaceOrder>
{
    private int _executions;

    internal DeskOrder(DeskProbe desk, OrderCommands.PlaceOrder command, IActorRef sender, IActorRef owner) : base(desk, command, sender) => Owner = owner;

    /// <summary>Who gets the order's events: the strategy registered under the order's strategy id, else the sender.</summary>
    public IActorRef Owner { get; }

    /// <summary>The id given by <see cref="Accept"/>.</summary>
    public OrderId Id => _id ?? throw new InvalidOperationException("The order has no id yet: Accept(orderId) it first, as the desk does before the gateway sees it.");

    private OrderId? _id;

    /// <summary>Quantity filled so far.</summary>
    public decimal Filled { get; private set; }

    /// <summary>Average price of the fills so far (null before the first).</summary>
    public decimal? AveragePrice { get; private set; }

    /// <summary>Quantity still open.</summary>
    public decimal Remaining => Command.Order.Quantity - Filled;

    /// <summary>The desk's reply: <see cref="OrderAccepted"/> with <paramref name="id"/>, to the sender.</summary>
    public DeskOrder Accept(OrderId id)
    {
        _id = id;
        Desk.Remember(this);
        Reply(new OrderAccepted(id));
        return this;
    }

    /// <summary>The desk's refusal before the gateway (risk, invalid order, no connection): RequestFailed to the sender.</summary>
    public DeskOrder Refuse(DeskFailure failure)
    {
        Fail(failure);
        return this;
    }

    /// <summary>An <see cref="OrderStatusChanged"/> with this status (filled and remaining as they stand) to the owner.</summary>
    public DeskOrder Status(OrderStatus status, decimal? lastFillPrice = null)
    {
        Owner.Tell(new OrderStatusChanged(Id, null, Command.Strategy, status, Filled, Remaining, AveragePrice, lastFillPrice,
            null, null, null, Desk.Now), Desk.Ref);
        return this;
    }

    /// <summary>The gateway works the order: OrderStatusChanged(Submitted).</summary>
    public DeskOrder Submitted() => Status(OrderStatus.Submitted);

    /// <summary>
    /// One execution: <see cref="OrderEvents.Filled"/> (side BOT or SLD, a fresh exec id, cumulative quantity and average
    /// price), then OrderStatusChanged — Filled once nothing remains, else Submitted.
    /// </summary>
    public DeskOrder Fill(decimal quantity, decimal price)
    {
        if (quantity <= 0 || quantity > Remaining)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"a fill must be positive and at most the remaining {Remaining}");
        var cost = (AveragePrice ?? 0) * Filled + price * quantity;
        Filled += quantity;
        AveragePrice = cost / Filled;
        var side = Command.Order.Action == OrderAction.Buy ? "BOT" : "SLD";
        var exec = new ExecId($"{Id.Value:x8}.{++_executions:00}");
        Owner.Tell(new OrderEvents.Filled(Id, null, exec, Command.Strategy, Command.Contract, side, quantity, price, Filled, AveragePrice.Value,
            "DU111111", "SMART", Desk.Now, Desk.Now), Desk.Ref);
        return Status(Remaining == 0 ? OrderStatus.Filled : OrderStatus.Submitted, price);
    }

    /// <summary>The gateway refused the order after the desk accepted it: <see cref="OrderRejected"/> (terminal) to the owner.</summary>
    public DeskOrder Reject(int code, string reason)
    {
        Owner.Tell(new OrderRejected(Id, code, reason, null, Desk.Now, Desk.Now), Desk.Ref);
        return this;
    }

    /// <summary>The order was cancelled: OrderStatusChanged(Cancelled).</summary>
    public DeskOrder Cancelled() => Status(OrderStatus.Cancelled);

    /// <summary>The desk can no longer know what became of the order: <see cref="OrderLost"/> (terminal) to the owner.</summary>
    public DeskOrder Lost(string reason)
    {
        Owner.Tell(new OrderLost(Id, Command.Strategy, reason, Desk.Now), Desk.Ref);
        return this;
    }
}
