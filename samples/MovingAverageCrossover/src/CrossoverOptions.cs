namespace TradingDesk.Samples.MovingAverageCrossover;

/// <summary>Settings of <see cref="CrossoverStrategy"/>. Immutable; checked by <see cref="Validated"/> when the strategy is built.</summary>
public sealed record CrossoverOptions
{
    /// <summary>Stock traded (SMART, USD). Default AAPL.</summary>
    public string Symbol { get; init; } = "AAPL";

    /// <summary>Shares held long (fast above slow) or short (fast below slow). Default 100.</summary>
    public decimal Quantity { get; init; } = 100;

    /// <summary>Bars in the fast average. Default 2 (real-time bars are 5 seconds long).</summary>
    public int Fast { get; init; } = 2;

    /// <summary>Bars in the slow average; more than <see cref="Fast"/>. Default 4.</summary>
    public int Slow { get; init; } = 4;

    /// <summary>Returns these options, or throws <see cref="ArgumentException"/> saying which setting to change.</summary>
    public CrossoverOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Symbol)) throw new ArgumentException("Symbol must be set (for example \"AAPL\")");
        if (Quantity <= 0) throw new ArgumentException($"Quantity must be positive, not {Quantity}");
        if (Fast < 1) throw new ArgumentException($"Fast must be at least 1, not {Fast}");
        if (Slow <= Fast) throw new ArgumentException($"Slow must be greater than Fast ({Fast}), not {Slow}");
        return this;
    }
}
