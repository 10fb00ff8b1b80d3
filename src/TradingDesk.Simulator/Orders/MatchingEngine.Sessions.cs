using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// The earliest instant at or after <paramref name="from"/> when matching could change something: at once if
    /// any working order's market is open, else the next session start, expiry or closing auction. Null when no
    /// order is working. Lets <see cref="Market.PaperMarket.Sync"/> skip nights and weekends instead of stepping them.
    /// </summary>
    public DateTimeOffset? NextActivity(EngineState state, DateTimeOffset from)
    {
        DateTimeOffset? best = null;
        foreach (var o in state.Orders.Values)
        {
            if (!o.IsWorking) continue;
            var c = Catalogue.Get(o.Ticket.ConId);
            DateTimeOffset candidate;
            if (o.Ticket.Type is OrderType.MarketOnClose or OrderType.LimitOnClose)
            {
                var session = TradingCalendar.CurrentOrNext(c.Session, from, liquidOnly: true);
                candidate = o.Status == OrderStatus.PreSubmitted && session.Start < o.CloseAt
                    ? (session.Start > from ? session.Start : from)
                    : o.CloseAt!.Value;
            }
            else
            {
                var session = TradingCalendar.CurrentOrNext(c.Session, from, LiquidOnly(c, o.Ticket));
                candidate = session.Start > from ? session.Start : from;
                if (o.ExpiresAt is { } expiry && expiry < candidate) candidate = expiry;
            }
            if (candidate < from) candidate = from;
            if (best is null || candidate < best) best = candidate;
        }
        return best;
    }

    /// <summary>Stocks work in regular hours unless outsideRth; futures and FX across their whole session.</summary>
    internal static bool LiquidOnly(ContractDefinition c, OrderTicket t) =>
        c.Session == SessionKind.UsEquityOption || (c.Session == SessionKind.UsEquity && !t.OutsideRth);

    private static DateTimeOffset? Expiry(ContractDefinition c, OrderTicket t, DateTimeOffset placedAt) => t.Tif switch
    {
        TimeInForce.Day => TradingCalendar.CurrentOrNext(c.Session, placedAt, LiquidOnly(c, t)).End,
        TimeInForce.Gtd => t.GoodTillDate,
        _ => null,
    };
}
