namespace TradingDesk.Samples.PortfolioRebalancer;

/// <summary>Settings of <see cref="RebalancerStrategy"/>. Immutable; checked by <see cref="Validated"/>.</summary>
public sealed record RebalancerOptions
{
    /// <summary>Target weight per stock symbol (SMART, USD); weights sum to at most 1. Default SPY 0.6, TLT 0.4.</summary>
    public IReadOnlyDictionary<string, decimal> Weights { get; init; } = new Dictionary<string, decimal> { ["SPY"] = 0.6m, ["TLT"] = 0.4m };

    /// <summary>USD to allocate; capped by the account's NetLiquidation. Default 100,000.</summary>
    public decimal Budget { get; init; } = 100_000m;

    /// <summary>Time between rebalances (the first is at start). Default 00:01:00.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Trades worth less than this many USD are skipped. Default 1,000.</summary>
    public decimal MinTradeValue { get; init; } = 1_000m;

    public RebalancerOptions Validated()
    {
        if (Weights.Count == 0) throw new ArgumentException("Weights must name at least one symbol, e.g. SPY=0.6,TLT=0.4");
        if (Weights.Values.Any(w => w < 0)) throw new ArgumentException("Weights must not be negative");
        if (Weights.Values.Sum() > 1) throw new ArgumentException($"Weights must sum to at most 1, not {Weights.Values.Sum()}");
        if (Budget <= 0) throw new ArgumentException($"Budget must be positive, not {Budget}");
        if (Interval < TimeSpan.FromSeconds(1)) throw new ArgumentException($"Interval must be at least 00:00:01, not {Interval}");
        if (MinTradeValue < 0) throw new ArgumentException($"MinTradeValue must not be negative, not {MinTradeValue}");
        return this;
    }
}
