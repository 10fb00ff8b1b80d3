namespace TradingDesk.Simulator.Market;

/// <summary>
/// The simulator's own implied-volatility surface: the underlying's annual volatility bent by a put skew (vol rises
/// as the strike falls below the spot) and a term structure (short expiries a little richer). Option quotes are
/// Black–Scholes at this surface, so the implied vol a client backs out of a quote is the surface's, and the greeks
/// of a tickOptionComputation are consistent with the prices on the same line.
/// </summary>
internal static class VolSurface
{
    private const double Skew = 0.12, Smile = 0.08, TermBump = 0.10;

    /// <summary>The implied volatility for a strike and time to expiry, from the underlying's base volatility.</summary>
    internal static double ImpliedVol(double baseVol, double spot, double strike, double years)
    {
        if (baseVol <= 0 || spot <= 0 || strike <= 0) return baseVol;
        // Moneyness scaled by the square root of time, so the skew of a short expiry is steeper per dollar of strike.
        var t = Math.Max(years, 1.0 / 365);
        var m = Math.Clamp(Math.Log(strike / spot) / Math.Sqrt(t), -3, 3);
        var shape = 1 - Skew * m + Smile * m * m;
        var term = 1 + TermBump * Math.Exp(-6 * t);
        return Math.Clamp(baseVol * shape * term, 0.3 * baseVol, 4 * baseVol);
    }

    /// <summary>The 30-day at-the-money implied volatility (what an implied-volatility scanner ranks).</summary>
    internal static double AtTheMoney30Day(double baseVol) => ImpliedVol(baseVol, 100, 100, 30 / 365.25);
}

/// <summary>Black–Scholes price and greeks at one volatility, in IB's units (vega per vol point, theta per day).</summary>
internal readonly record struct OptionGreeks(double Price, double Delta, double Gamma, double Vega, double Theta);

/// <summary>
/// Greeks and the inverse problem (implied volatility from a price) for the same Black–Scholes model as
/// <see cref="OptionPricer"/>: flat 4 % rate, no dividends, so pvDividend is 0.
/// </summary>
internal static class OptionModel
{
    internal const double Rate = 0.04;

    internal static OptionGreeks Greeks(bool call, double spot, double strike, double years, double vol)
    {
        var price = OptionPricer.Price(call, spot, strike, years, vol);
        if (years <= 0 || vol <= 0 || spot <= 0 || strike <= 0)
        {
            var itm = call ? spot > strike : spot < strike;
            return new OptionGreeks(price, itm ? (call ? 1 : -1) : 0, 0, 0, 0);
        }
        var sqrtT = Math.Sqrt(years);
        var d1 = (Math.Log(spot / strike) + (Rate + vol * vol / 2) * years) / (vol * sqrtT);
        var d2 = d1 - vol * sqrtT;
        var pdf = Math.Exp(-d1 * d1 / 2) / Math.Sqrt(2 * Math.PI);
        var discount = Math.Exp(-Rate * years);
        var delta = call ? Cdf(d1) : Cdf(d1) - 1;
        var gamma = pdf / (spot * vol * sqrtT);
        var vega = spot * pdf * sqrtT / 100;
        var decay = -spot * pdf * vol / (2 * sqrtT);
        var carry = call ? -Rate * strike * discount * Cdf(d2) : Rate * strike * discount * Cdf(-d2);
        return new OptionGreeks(price, delta, gamma, vega, (decay + carry) / 365);
    }

    /// <summary>
    /// The volatility at which Black–Scholes gives <paramref name="price"/>; null when no volatility can (a price
    /// below the discounted intrinsic value or above the underlying), as TWS then reports "not computed".
    /// </summary>
    internal static double? ImpliedVol(bool call, double spot, double strike, double years, double price)
    {
        if (years <= 0 || spot <= 0 || strike <= 0 || price <= 0) return null;
        double lo = 1e-4, hi = 5.0;
        if (price < OptionPricer.Price(call, spot, strike, years, lo) || price > OptionPricer.Price(call, spot, strike, years, hi)) return null;
        // Bisection: the price is increasing in volatility, and 60 halvings of [0, 5] are far below a cent.
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (OptionPricer.Price(call, spot, strike, years, mid) < price) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double Cdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Abramowitz–Stegun 7.1.26, the same approximation the pricer uses, so delta and price agree to ~1e-7.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
