using System.Globalization;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

/// <summary>Checks a ticket against its contract; a non-null result is the rejection reason (error 201).</summary>
internal static class OrderValidation
{
    internal static string? Check(OrderTicket t, ContractDefinition c, DateTimeOffset now)
    {
        if (c.LastTradeDate is { } last && TradingCalendar.ZoneOf(c.Session).LocalDate(now) > last)
            return $"The contract {c.LocalSymbol} has expired";
        if (t.Quantity <= 0) return $"Order quantity must be positive: {Fmt(t.Quantity)}";
        if (t.Quantity % c.SizeIncrement != 0) return $"Order size {Fmt(t.Quantity)} is not a multiple of the size increment {Fmt(c.SizeIncrement)}";
        if (t.Type == OrderType.Unsupported) return "Unsupported order type for this simulator (MKT, LMT, STP, STP LMT, TRAIL, MOC, LOC are supported)";
        if (t.Tif == TimeInForce.Unsupported) return "Unsupported time in force (DAY, GTC, IOC, FOK, GTD are supported)";
        if (t.Type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitOnClose)
        {
            if (t.LimitPrice is not { } lmt || lmt <= 0) return "Limit price must be positive for a limit order";
            if (!c.IsOnTick(lmt)) return PriceVariation(lmt, c);
        }
        if (t.Type is OrderType.Stop or OrderType.StopLimit)
        {
            if (t.AuxPrice is not { } stop || stop <= 0) return "Stop price (auxPrice) must be positive for a stop order";
            if (!c.IsOnTick(stop)) return PriceVariation(stop, c);
        }
        if (t.Type == OrderType.TrailingStop)
        {
            var hasAmount = t.AuxPrice is > 0;
            var hasPercent = t.TrailingPercent is > 0;
            if (hasAmount == hasPercent) return "A trailing stop needs exactly one of a trailing amount (auxPrice) or a trailing percent";
            if (hasPercent && t.TrailingPercent >= 100) return "Trailing percent must be below 100";
        }
        if (t.Type is OrderType.MarketOnClose or OrderType.LimitOnClose && t.Tif != TimeInForce.Day)
            return "MOC and LOC orders must be DAY orders";
        if (t.Tif == TimeInForce.Gtd && (t.GoodTillDate is not { } gtd || gtd <= now))
            return "GTD orders need a good-till date in the future";
        return null;
    }

    // IB's text for an off-tick price.
    private static string PriceVariation(decimal price, ContractDefinition c) =>
        $"The price does not conform to the minimum price variation for this contract: {Fmt(price)} (minimum tick {Fmt(c.MinTick)})";

    private static string Fmt(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
