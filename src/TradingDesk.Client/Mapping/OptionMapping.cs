using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>The option and scanner replies of the wire contract as the client's records; a bad field throws naming it.</summary>
internal static class OptionMapping
{
    public static OptionValues Values(W.OptionGreeks? w, string field)
    {
        var g = Required(w, field);
        return new OptionValues(
            DecOrNull(g.HasImpliedVolatility, g.ImpliedVolatility, field + ".implied_volatility"), DecOrNull(g.HasDelta, g.Delta, field + ".delta"),
            DecOrNull(g.HasOptionPrice, g.OptionPrice, field + ".option_price"), DecOrNull(g.HasPvDividend, g.PvDividend, field + ".pv_dividend"),
            DecOrNull(g.HasGamma, g.Gamma, field + ".gamma"), DecOrNull(g.HasVega, g.Vega, field + ".vega"),
            DecOrNull(g.HasTheta, g.Theta, field + ".theta"), DecOrNull(g.HasUnderlyingPrice, g.UnderlyingPrice, field + ".underlying_price"));
    }

    public static OptionComputationTick Computation(W.OptionComputation w, string field) =>
        new(DomainWire.Tick(w.Type), w.PriceBased, Values(w.Greeks, field + ".greeks"), Time(w.LocalTime, field + ".local_time"));

    public static OptionParameterSet Set(W.OptionParameterSet w, string field) => new(
        w.Exchange, new ConId(w.UnderlyingConId), w.TradingClass, w.Multiplier, w.Expirations.ToList(),
        w.Strikes.Select((s, i) => Dec(s, $"{field}.strikes[{i}]")).ToList());

    public static ChainOption Option(W.ChainOption w, string field) => new(
        w.Contract.FromWire(field + ".contract"), new ConId(w.ConId), w.Expiry, Dec(w.Strike, field + ".strike"), w.Right.FromWire(field + ".right"),
        w.TradingClass, w.Multiplier);

    public static ScannerItem Scanner(W.ScannerEvent w) => w.KindCase switch
    {
        W.ScannerEvent.KindOneofCase.Results => new ScannerResults(
            w.Results.Rows.Select((r, i) => Row(r, $"results.rows[{i}]")).ToList(), Time(w.Results.LocalTime, "results.local_time")),
        W.ScannerEvent.KindOneofCase.Note => new ScannerNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };

    private static ScannerRow Row(W.ScannerRow w, string field) => new(
        w.Rank, w.Contract.FromWire(field + ".contract"), new ConId(w.ConId), w.MarketName, w.Distance, w.Benchmark, w.Projection, w.Legs);
}
