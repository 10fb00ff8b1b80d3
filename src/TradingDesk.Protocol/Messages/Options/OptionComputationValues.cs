using IBApi.protobuf;

namespace TradingDesk.Protocol.Messages.Options;

/// <summary>
/// TWS's "not computed" values in a <see cref="TickOptionComputation"/>, which the codec passes through unchanged in
/// both encodings: -1 for impliedVol (any negative value, as IBPY reads it), optPrice, pvDividend and undPrice; -2 for
/// delta, gamma, vega and theta (IBPY decoder.processTickOptionComputationMsg and its protobuf twin). These accessors
/// give null for a field that is unset or holds its sentinel, so a consumer never mistakes -1 for a price.
/// </summary>
public static class OptionComputationValues
{
    public const double NotComputedPrice = -1;
    public const double NotComputedGreek = -2;

    public static double? ImpliedVol(TickOptionComputation m) => m.HasImpliedVol && m.ImpliedVol >= 0 ? m.ImpliedVol : null;
    public static double? Delta(TickOptionComputation m) => Greek(m.HasDelta, m.Delta);
    public static double? OptPrice(TickOptionComputation m) => Price(m.HasOptPrice, m.OptPrice);
    public static double? PvDividend(TickOptionComputation m) => Price(m.HasPvDividend, m.PvDividend);
    public static double? Gamma(TickOptionComputation m) => Greek(m.HasGamma, m.Gamma);
    public static double? Vega(TickOptionComputation m) => Greek(m.HasVega, m.Vega);
    public static double? Theta(TickOptionComputation m) => Greek(m.HasTheta, m.Theta);
    public static double? UndPrice(TickOptionComputation m) => Price(m.HasUndPrice, m.UndPrice);

    private static double? Price(bool has, double value) => has && value != NotComputedPrice ? value : null;
    private static double? Greek(bool has, double value) => has && value != NotComputedGreek ? value : null;
}
