using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Protocol.Messages.Options;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>From the codec's option and scanner messages to the desk's typed values. Pure.</summary>
internal static class OptionMapping
{
    /// <summary>TWS's sentinels (-1 prices, -2 greeks) and absent fields become null; see OptionComputationValues.</summary>
    public static OptionGreeks Greeks(TickOptionComputation m) => new(
        Dec(OptionComputationValues.ImpliedVol(m)), Dec(OptionComputationValues.Delta(m)), Dec(OptionComputationValues.OptPrice(m)),
        Dec(OptionComputationValues.PvDividend(m)), Dec(OptionComputationValues.Gamma(m)), Dec(OptionComputationValues.Vega(m)),
        Dec(OptionComputationValues.Theta(m)), Dec(OptionComputationValues.UndPrice(m)));

    /// <summary>The option computation ticks a market data line carries: 10 to 13 and their delayed forms 80 to 83.</summary>
    public static OptionComputation Computation(TickOptionComputation m, SubscriptionId id, DateTimeOffset at) =>
        new(id, (Messages.TickType)m.TickType, m.TickAttrib == 1, Greeks(m), at);

    public static OptionParameterSet ToSet(SecDefOptParameter p) => new(
        p.Exchange, new ConId(p.UnderlyingConId), p.TradingClass, p.Multiplier,
        p.Expirations.Distinct().Order(StringComparer.Ordinal).ToList(),
        p.Strikes.Select(ProtoMapping.ToDecimal).OfType<decimal>().Distinct().Order().ToList());

    public static ScannerRow ToRow(ScannerDataElement e)
    {
        var contract = (e.Contract ?? new IBApi.protobuf.Contract()).ToSpec();
        return new ScannerRow(e.Rank, contract, contract.ConId ?? new ConId(0), e.MarketName, e.Distance, e.Benchmark, e.Projection, e.ComboKey);
    }

    public static ScannerSubscription ToProto(ScannerSpec s, IReadOnlyList<ScannerFilter> filters)
    {
        var p = new ScannerSubscription { NumberOfRows = s.Rows, Instrument = s.Instrument, LocationCode = s.LocationCode, ScanCode = s.ScanCode };
        if (s.AbovePrice is { } above) p.AbovePrice = (double)above;
        if (s.BelowPrice is { } below) p.BelowPrice = (double)below;
        if (s.AboveVolume is { } volume) p.AboveVolume = volume;
        if (s.MarketCapAbove is { } capAbove) p.MarketCapAbove = (double)capAbove;
        if (s.MarketCapBelow is { } capBelow) p.MarketCapBelow = (double)capBelow;
        if (s.StockTypeFilter is { } stockType) p.StockTypeFilter = stockType;
        foreach (var f in filters) p.ScannerSubscriptionFilterOptions[f.Tag] = f.Value;
        return p;
    }

    /// <summary>The identity of a scanner subscription: two with the same key share one gateway scanner.</summary>
    public static string ScannerKey(SubscribeScanner c)
    {
        var s = c.Subscription;
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        var filters = string.Join(';', c.Filters.OrderBy(f => f.Tag, StringComparer.Ordinal).Select(f => $"{f.Tag}={f.Value}"));
        return string.Join('|', s.ScanCode, s.Instrument, s.LocationCode, s.Rows, N(s.AbovePrice), N(s.BelowPrice), s.AboveVolume,
            N(s.MarketCapAbove), N(s.MarketCapBelow), s.StockTypeFilter, filters);
    }

    private static decimal? Dec(double? value) => value is { } v ? ProtoMapping.ToDecimal(v) : null;
}
