using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>
/// A listed stock's company figures, drawn from the market's seed and the conId so every report, scanner filter
/// and news item agrees on them: shares outstanding (from the daily volume, a turnover of 0.3–2 % a day), a
/// price/earnings ratio, a dividend yield, a fiscal year end. Money figures scale with the reference price, so
/// market cap and EPS stay consistent with the simulated quote.
/// </summary>
internal sealed record CompanyProfile(
    ContractDefinition Stock, long SharesOutstanding, double PeRatio, double DividendYield, int FiscalYearEndMonth,
    double RevenuePerShare, double FloatFraction)
{
    internal double Eps => (double)Stock.ReferencePrice / PeRatio;
    internal double AnnualDividend => (double)Stock.ReferencePrice * DividendYield;
    internal decimal MarketCap(decimal price) => price * SharesOutstanding;

    /// <summary>The profile of a stock; null for anything that is not one (futures, FX, options have no company).</summary>
    internal static CompanyProfile? Of(ContractDefinition c, long seed)
    {
        if (c.SecType != SecType.Stock) return null;
        var key = PathRandom.Key(seed, c.ConId.Value, 0xF0, 0, 0);
        double U(int i) => PathRandom.Uniform(key, i);
        var etf = c.Subcategory == "ETF";
        var turnover = 0.003 + 0.017 * U(0);
        var shares = (long)(c.DailyVolume / turnover / 1000) * 1000;
        var pe = etf ? 18 + 8 * U(1) : 9 + 40 * U(1);
        var yield = c.Industry == "Technology" && U(2) < 0.4 ? 0 : 0.03 * U(3);
        int[] yearEnds = [12, 12, 12, 9, 6, 3];
        return new CompanyProfile(c, shares, pe, yield, yearEnds[(int)(U(4) * yearEnds.Length)], (double)c.ReferencePrice * (0.1 + 0.5 * U(5)), 0.85 + 0.14 * U(6));
    }

    internal static bool IsEtf(ContractDefinition c) => c.Subcategory == "ETF";
}
