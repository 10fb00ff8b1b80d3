namespace TradingDesk.Samples.PortfolioRebalancer;

/// <summary>One trade of a rebalance: positive buys, negative sells.</summary>
public sealed record Trade(string Symbol, decimal Quantity, decimal Price);

/// <summary>The pure core: the trades that bring positions to the target weights.</summary>
public static class Rebalancing
{
    /// <summary>
    /// Target shares = floor(min(Budget, netLiquidation) × weight / price); the trade is the difference from the
    /// position, skipped when worth less than <see cref="RebalancerOptions.MinTradeValue"/> or the price is unknown.
    /// </summary>
    public static IReadOnlyList<Trade> Plan(RebalancerOptions options, decimal? netLiquidation, IReadOnlyDictionary<string, decimal> positions,
        IReadOnlyDictionary<string, decimal> prices)
    {
        var capital = netLiquidation is { } nl ? Math.Min(options.Budget, nl) : options.Budget;
        var trades = new List<Trade>();
        foreach (var (symbol, weight) in options.Weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (!prices.TryGetValue(symbol, out var price) || price <= 0) continue;
            var target = Math.Floor(capital * weight / price);
            var difference = target - positions.GetValueOrDefault(symbol);
            if (difference != 0 && Math.Abs(difference) * price >= options.MinTradeValue) trades.Add(new Trade(symbol, difference, price));
        }
        return trades;
    }
}
