using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using S = TradingDesk.Desk.Messages.ScannerMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Market scanners: the parameters XML, subscriptions and their ranked result sets.</summary>
internal static class ScannerWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetScannerParameters, W.GetScannerParameters.Parser, (S.GetScannerParameters _) => new W.GetScannerParameters(), _ => new S.GetScannerParameters());
        t.Add(Manifests.ScannerParametersXml, W.ScannerParametersXml.Parser,
            (S.ScannerParametersXml m) => new W.ScannerParametersXml { Xml = m.Xml, LocalTime = Time(m.LocalTime) },
            w => new S.ScannerParametersXml(w.Xml, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ScannerSpec, W.ScannerSpec.Parser, (S.ScannerSpec m) => ToWire(m), w => FromWire(w));
        t.Add(Manifests.ScannerFilter, W.ScannerFilter.Parser, (S.ScannerFilter m) => ToWire(m), FromWire);
        t.Add(Manifests.SubscribeScanner, W.SubscribeScanner.Parser,
            (S.SubscribeScanner m) => new W.SubscribeScanner { Subscription = ToWire(m.Subscription), Filters = { m.Filters.Select(ToWire) } },
            w => new S.SubscribeScanner(FromWire(Required(w.Subscription, "subscription")), w.Filters.Select(FromWire).ToList()));
        t.Add(Manifests.ScannerRow, W.ScannerRow.Parser, (S.ScannerRow m) => ToWire(m), FromWire);
        t.Add(Manifests.ScannerResults, W.ScannerResults.Parser,
            (S.ScannerResults m) => new W.ScannerResults { Subscription = m.Subscription.Value, Rows = { m.Rows.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.ScannerResults(new SubscriptionId(w.Subscription), w.Rows.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ScannerLimitReached, W.ScannerLimitReached.Parser, (ScannerLimitReached m) => ToWire(m), FromWire);
    }

    public static W.ScannerLimitReached ToWire(ScannerLimitReached m)
    {
        var w = new W.ScannerLimitReached { Limit = m.Limit, Running = { m.Running } };
        if (m.GatewayMessage is { } text) w.GatewayMessage = text;
        return w;
    }

    public static ScannerLimitReached FromWire(W.ScannerLimitReached w) =>
        new(w.Limit, w.Running.ToList(), w.HasGatewayMessage ? w.GatewayMessage : null);

    public static W.ScannerSpec ToWire(S.ScannerSpec m)
    {
        var w = new W.ScannerSpec { ScanCode = m.ScanCode, Instrument = m.Instrument, LocationCode = m.LocationCode, Rows = m.Rows };
        if (m.AbovePrice is { } above) w.AbovePrice = Dec(above);
        if (m.BelowPrice is { } below) w.BelowPrice = Dec(below);
        if (m.AboveVolume is { } volume) w.AboveVolume = volume;
        if (m.MarketCapAbove is { } capAbove) w.MarketCapAbove = Dec(capAbove);
        if (m.MarketCapBelow is { } capBelow) w.MarketCapBelow = Dec(capBelow);
        if (m.StockTypeFilter is { } stockType) w.StockTypeFilter = stockType;
        return w;
    }

    public static S.ScannerSpec FromWire(W.ScannerSpec w) => new()
    {
        ScanCode = w.ScanCode, Instrument = w.Instrument, LocationCode = w.LocationCode, Rows = w.Rows,
        AbovePrice = DecOrNull(w.HasAbovePrice, w.AbovePrice, "above_price"), BelowPrice = DecOrNull(w.HasBelowPrice, w.BelowPrice, "below_price"),
        AboveVolume = w.HasAboveVolume ? w.AboveVolume : null, MarketCapAbove = DecOrNull(w.HasMarketCapAbove, w.MarketCapAbove, "market_cap_above"),
        MarketCapBelow = DecOrNull(w.HasMarketCapBelow, w.MarketCapBelow, "market_cap_below"), StockTypeFilter = w.HasStockTypeFilter ? w.StockTypeFilter : null,
    };

    public static W.ScannerFilter ToWire(S.ScannerFilter m) => new() { Tag = m.Tag, Value = m.Value };

    public static S.ScannerFilter FromWire(W.ScannerFilter w) => new(w.Tag, w.Value);

    public static W.ScannerRow ToWire(S.ScannerRow m) => new()
    {
        Rank = m.Rank, Contract = m.Contract.ToWire(), ConId = m.ConId.Value, MarketName = m.MarketName, Distance = m.Distance,
        Benchmark = m.Benchmark, Projection = m.Projection, Legs = m.Legs,
    };

    public static S.ScannerRow FromWire(W.ScannerRow w) => new(
        w.Rank, w.Contract.FromWire("contract"), new ConId(w.ConId), w.MarketName, w.Distance, w.Benchmark, w.Projection, w.Legs);
}
