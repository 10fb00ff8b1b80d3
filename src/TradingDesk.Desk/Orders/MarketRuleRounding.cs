using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// A price against a market rule (reqMarketRule's increments): the increment that applies at a price is the one of
/// the highest low edge at or below it. Pure. The market-rule book (<see cref="MarketRuleBookActor"/>) finds the rule
/// with <see cref="PriceRoundingPlan"/> and rounds each placed or modified order's prices here before the order manager
/// sees them.
/// </summary>
public static class MarketRuleRounding
{
    /// <summary>The increment at <paramref name="price"/> (by magnitude: a negative combo price uses the same grid).</summary>
    public static decimal IncrementAt(IReadOnlyList<SessionInfoMessages.PriceIncrement> rule, decimal price)
    {
        if (rule.Count == 0) throw new ArgumentException("a market rule has at least one increment", nameof(rule));
        var magnitude = Math.Abs(price);
        var increment = rule[0].Increment;
        foreach (var step in rule)
            if (step.LowEdge <= magnitude) increment = step.Increment;
        return increment;
    }

    /// <summary>
    /// <paramref name="price"/> on the grid as <paramref name="mode"/> asks: (the price, null), or (null, the problem in
    /// the user's words, naming the neighbours) when it is off the grid and <see cref="PriceRounding.Reject"/> was asked;
    /// <see cref="PriceRounding.Off"/> keeps the price as it is.
    /// </summary>
    public static (decimal? Price, string? Problem) Round(IReadOnlyList<SessionInfoMessages.PriceIncrement> rule, decimal price, PriceRounding mode)
    {
        if (mode == PriceRounding.Off) return (price, null);
        var increment = IncrementAt(rule, price);
        var below = Math.Floor(price / increment) * increment;
        if (below == price) return (price, null);
        var above = below + increment;
        return mode switch
        {
            PriceRounding.Down => (below, null),
            PriceRounding.Up => (above, null),
            PriceRounding.Nearest => (price - below < above - price || (price - below == above - price && price < 0) ? below : above, null),
            _ => (null, $"price {price} is not a multiple of the market rule's increment {increment} there: the valid neighbours are {below} and {above}"),
        };
    }
}
