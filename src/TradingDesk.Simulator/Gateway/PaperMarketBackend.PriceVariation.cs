using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// placeOrder's tick check, as IB answers it: an off-grid limit or stop price is refused with error 110 on the order
// id before the order exists (no openOrder, no status), for a new order and a modification alike.
public sealed partial class PaperMarketBackend
{
    /// <summary>IB's code for a price off the contract's market rule.</summary>
    internal const int PriceVariationCode = 110;

    /// <summary>IB's text for error 110, word for word.</summary>
    internal const string PriceVariationText = "The price does not conform to the minimum price variation for this contract.";

    /// <summary>
    /// True (and 110 sent) when the ticket's limit price (LMT, STP LMT, LOC) or stop price (STP, STP LMT) is not a
    /// multiple of the contract's increment: the catalogue's market rules are one flat increment, its minTick.
    /// </summary>
    private bool RefusedOffGrid(GatewaySession session, int orderId, OrderTicket ticket, ContractDefinition contract)
    {
        var limitOff = ticket.Type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitOnClose
                       && ticket.LimitPrice is { } lmt && lmt > 0 && !contract.IsOnTick(lmt);
        var stopOff = ticket.Type is OrderType.Stop or OrderType.StopLimit
                      && ticket.AuxPrice is { } stop && stop > 0 && !contract.IsOnTick(stop);
        if (!limitOff && !stopOff) return false;
        session.Send(GatewayErrors.Create(orderId, PriceVariationCode, PriceVariationText, Now));
        return true;
    }
}
