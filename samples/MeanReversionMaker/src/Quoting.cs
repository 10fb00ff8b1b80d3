namespace TradingDesk.Samples.MeanReversionMaker;

/// <summary>One side to rest: buy at the bid or sell at the ask.</summary>
public sealed record Quote(bool Buy, decimal Price, decimal Quantity);

/// <summary>The pure core: which quotes to rest for the current touch, mean and position.</summary>
public static class Quoting
{
    /// <summary>
    /// Mean reversion: below the mean (price expected to rise) rest a buy at the bid, above it a sell at the ask, at
    /// the mean both; never beyond <see cref="MakerOptions.MaxPosition"/> either way. No quotes without a two-sided touch.
    /// </summary>
    public static IReadOnlyList<Quote> Decide(decimal? bid, decimal? ask, decimal? mean, decimal position, MakerOptions options)
    {
        if (bid is not { } b || ask is not { } a || mean is not { } m || b <= 0 || a < b) return [];
        var mid = (a + b) / 2;
        var quotes = new List<Quote>(2);
        if (mid <= m && position + options.Quantity <= options.MaxPosition) quotes.Add(new Quote(true, b, options.Quantity));
        if (mid >= m && position - options.Quantity >= -options.MaxPosition) quotes.Add(new Quote(false, a, options.Quantity));
        return quotes;
    }
}
