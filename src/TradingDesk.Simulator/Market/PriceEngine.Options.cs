using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

public sealed partial class PriceEngine
{
    private double OptionValue(ContractDefinition c, double spot, long second)
    {
        var expiryClose = TradingCalendar.ZoneOf(c.Session).ToInstant(c.LastTradeDate!.Value, new TimeOnly(16, 0));
        var years = (expiryClose - InstantOf(second)).TotalSeconds / SecondsPerYear;
        return Math.Max((double)c.MinTick, OptionPricer.Price(c.Right == OptionRight.Call, spot, (double)c.Strike, years, VolSurface.ImpliedVol(c.AnnualVolatility, spot, (double)c.Strike, years)));
    }

    // Option bars map the underlying's extremes through Black–Scholes at the bar's start; exact for the open and
    // close, and an approximation for high/low (time decay within the bar is ignored).
    private RawBar OptionStats(ContractDefinition c, long from, long to)
    {
        var u = RawStats(Catalogue.Get(c.UnderlyingConId!.Value), from, to);
        var call = c.Right == OptionRight.Call;
        var high = OptionValue(c, call ? u.High : u.Low, from);
        var low = OptionValue(c, call ? u.Low : u.High, from);
        var open = OptionValue(c, u.Open, from);
        var close = OptionValue(c, u.Close, to);
        var volume = PathStats(c, from, to).Volume; // an option's own volume path, independent of the underlying's
        return new RawBar(open, Math.Max(high, Math.Max(open, close)), Math.Min(low, Math.Min(open, close)), close, volume);
    }
}
