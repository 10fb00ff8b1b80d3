namespace TradingDesk.Simulator.Market;

/// <summary>
/// Black–Scholes, used to price listed options from the underlying's simulated path, so that option quotes move
/// with the underlying instead of wandering on their own. Rate is a flat 4 %, volatility from <see cref="VolSurface"/>.
/// </summary>
internal static class OptionPricer
{
    private const double Rate = 0.04;

    internal static double Price(bool call, double spot, double strike, double years, double vol)
    {
        if (years <= 0 || vol <= 0) return Math.Max(0, call ? spot - strike : strike - spot);
        var sqrtT = Math.Sqrt(years);
        var d1 = (Math.Log(spot / strike) + (Rate + vol * vol / 2) * years) / (vol * sqrtT);
        var d2 = d1 - vol * sqrtT;
        var discount = Math.Exp(-Rate * years);
        return call
            ? spot * Cdf(d1) - strike * discount * Cdf(d2)
            : strike * discount * Cdf(-d2) - spot * Cdf(-d1);
    }

    // Abramowitz–Stegun 7.1.26 via erf; accurate to ~1e-7, plenty for cents.
    private static double Cdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
