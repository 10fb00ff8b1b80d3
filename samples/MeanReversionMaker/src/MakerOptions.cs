namespace TradingDesk.Samples.MeanReversionMaker;

/// <summary>Settings of <see cref="MakerStrategy"/>. Immutable; checked by <see cref="Validated"/>.</summary>
public sealed record MakerOptions
{
    /// <summary>Stock quoted (SMART, USD). Default MSFT.</summary>
    public string Symbol { get; init; } = "MSFT";

    /// <summary>Shares per resting order. Default 10.</summary>
    public decimal Quantity { get; init; } = 10;

    /// <summary>Mid prices averaged for the mean. Default 20 (5 seconds of 250 ms quotes).</summary>
    public int Window { get; init; } = 20;

    /// <summary>How long quotes rest before they are cancelled and replaced. Default 00:00:03.</summary>
    public TimeSpan RequoteEvery { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest position either way; no more buying (selling) beyond it. Default 50.</summary>
    public decimal MaxPosition { get; init; } = 50;

    public MakerOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Symbol)) throw new ArgumentException("Symbol must be set (for example \"MSFT\")");
        if (Quantity <= 0) throw new ArgumentException($"Quantity must be positive, not {Quantity}");
        if (Window < 1) throw new ArgumentException($"Window must be at least 1, not {Window}");
        if (RequoteEvery < TimeSpan.FromMilliseconds(100)) throw new ArgumentException($"RequoteEvery must be at least 00:00:00.1, not {RequoteEvery}");
        if (MaxPosition < Quantity) throw new ArgumentException($"MaxPosition must be at least Quantity ({Quantity}), not {MaxPosition}");
        return this;
    }
}
