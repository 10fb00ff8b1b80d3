using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>Inbound stream messages → typed items (shared by streams and snapshots).</summary>
internal static class StreamMapping
{
    public static Tick? ToTick(IMessage message, SubscriptionId id, DateTimeOffset at) => message switch
    {
        TickPrice p => new Tick(id, (Messages.TickType)p.TickType, Mapping.Price(p.Price), Mapping.Size(p.Size), null, p.AttrMask, at),
        TickSize s => new Tick(id, (Messages.TickType)s.TickType, null, Mapping.Size(s.Size), null, 0, at),
        TickString s => new Tick(id, (Messages.TickType)s.TickType, null, null, s.Value, 0, at),
        TickGeneric g => new Tick(id, (Messages.TickType)g.TickType, Mapping.Price(g.Value), null, null, 0, at),
        _ => null,
    };

    public static TickByTick? ToTickByTick(TickByTickData d, SubscriptionId id, DateTimeOffset at)
    {
        // IB tickType: 1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint.
        var type = d.TickType switch { 1 => TickByTickType.Last, 2 => TickByTickType.AllLast, 3 => TickByTickType.BidAsk, _ => TickByTickType.MidPoint };
        switch (d.TickCase)
        {
            case TickByTickData.TickOneofCase.HistoricalTickLast:
                var l = d.HistoricalTickLast;
                return new TickByTick(id, type, Mapping.FromUnixSeconds(l.Time), Mapping.Price(l.Price), Mapping.Size(l.Size), l.Exchange, l.SpecialConditions, null, null, null, null, at);
            case TickByTickData.TickOneofCase.HistoricalTickBidAsk:
                var b = d.HistoricalTickBidAsk;
                return new TickByTick(id, type, Mapping.FromUnixSeconds(b.Time), null, null, null, null, Mapping.Price(b.PriceBid), Mapping.Price(b.PriceAsk), Mapping.Size(b.SizeBid), Mapping.Size(b.SizeAsk), at);
            case TickByTickData.TickOneofCase.HistoricalTickMidPoint:
                var m = d.HistoricalTickMidPoint;
                return new TickByTick(id, type, Mapping.FromUnixSeconds(m.Time), Mapping.Price(m.Price), null, null, null, null, null, null, null, at);
            default: return null;
        }
    }

    public static DepthUpdate ToDepth(MarketDepthData d, SubscriptionId id, DateTimeOffset at) =>
        new(id, d.Position, (DepthOperation)d.Operation, (DepthSide)d.Side, Mapping.Price(d.Price), Mapping.Size(d.Size) ?? 0m,
            string.IsNullOrEmpty(d.MarketMaker) ? null : d.MarketMaker, d.IsSmartDepth, at);
}
