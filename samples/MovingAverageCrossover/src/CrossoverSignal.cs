namespace TradingDesk.Samples.MovingAverageCrossover;

/// <summary>The pure core of the strategy: the target position for a series of closes.</summary>
public static class CrossoverSignal
{
    /// <summary>
    /// +quantity when the average of the last <paramref name="fast"/> closes is above that of the last
    /// <paramref name="slow"/>, -quantity when below; null while fewer than <paramref name="slow"/> closes are known
    /// or when both averages are equal (keep what is held).
    /// </summary>
    public static decimal? Target(IReadOnlyList<decimal> closes, int fast, int slow, decimal quantity)
    {
        if (closes.Count < slow) return null;
        var fastAverage = closes.Skip(closes.Count - fast).Average();
        var slowAverage = closes.Skip(closes.Count - slow).Average();
        if (fastAverage == slowAverage) return null;
        return fastAverage > slowAverage ? quantity : -quantity;
    }
}
