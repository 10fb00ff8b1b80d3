using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>A command that places new orders (PlaceOrder, PlaceBracket, PlaceOca): each begins an order's trace.</summary>
public interface IPlaceCommand : IOrderCommand
{
    ContractSpec Contract { get; }

    StrategyId Strategy { get; }

    /// <summary>
    /// The W3C traceparent of the span that placed it (a strategy's <c>order.place</c>, a gRPC client's call), so the
    /// desk's spans of the order join that trace, on any node. Null: the desk starts the trace. A malformed value is
    /// ignored, never a reason to refuse the order.
    /// </summary>
    string? TraceParent { get; }
}
