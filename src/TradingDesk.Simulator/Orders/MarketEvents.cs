namespace TradingDesk.Simulator.Orders;

/// <summary>
/// Facts the paper market reports. The wire layer turns them into TWS messages; <see cref="EngineState.Apply"/>
/// folds them into state, so state is always the fold of the events.
/// </summary>
public abstract record MarketEvent(DateTimeOffset Time);

/// <summary>An order was accepted, modified, triggered, filled (partly), cancelled or rejected: send openOrder
/// and orderStatus with <see cref="Order"/>'s status, filled, remaining and prices.</summary>
public sealed record OrderChanged(DateTimeOffset Time, SimOrder Order) : MarketEvent(Time);

/// <summary>A fill: send execDetails then commissionReport. Followed by an <see cref="OrderChanged"/>.</summary>
/// <param name="FxToUsd">USD per unit of the contract's currency at the fill (1 for USD contracts).</param>
public sealed record ExecutionOccurred(DateTimeOffset Time, Execution Execution, decimal Multiplier, decimal FxToUsd) : MarketEvent(Time);

/// <summary>A trailing stop moved. No TWS message is needed; it keeps the stop in state.</summary>
public sealed record TrailingStopMoved(DateTimeOffset Time, OrderKey Order, decimal StopPrice) : MarketEvent(Time);

/// <summary>An IB error for an order id: 103, 135, 161, 200, 201, 202. The wire layer sends error(orderId, code, text).</summary>
public sealed record OrderError(DateTimeOffset Time, OrderKey Order, int Code, string Message) : MarketEvent(Time);

/// <summary>IB's error codes the order side uses.</summary>
public static class OrderErrorCodes
{
    public const int DuplicateOrderId = 103;
    public const int OrderNotFound = 135;
    public const int NotCancellable = 161;
    public const int NoSecurityDefinition = 200;
    public const int Rejected = 201;
    public const int Cancelled = 202;
}
