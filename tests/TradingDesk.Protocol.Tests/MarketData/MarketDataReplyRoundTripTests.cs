using FsCheck;
using FsCheck.Fluent;
using Property = TradingDesk.Protocol.Tests.Support.Property;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>Market-data replies: encode → decode over random field values, both encodings, every test version.</summary>
public sealed class MarketDataReplyRoundTripTests
{
    public static TheoryData<int> Versions => CodecAssert.VersionData();

    private static readonly Gen<int?> TickType = Gens.OptionalValue(Gen.Choose(0, 100));

    [Theory, MemberData(nameof(Versions))]
    public void TickPrice_and_TickSize(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from type in TickType
        from price in MarketDataGens.OptDouble
        from size in MarketDataGens.OptDecimal
        from mask in Gens.OptionalValue(Gen.Choose(0, 7))
        select (reqId, type, price, size, mask),
        x =>
        {
            var p = new TickPrice();
            if (x.reqId is { } id) p.ReqId = id;
            if (x.type is { } t) p.TickType = t;
            if (x.price is { } pr) p.Price = pr;
            if (x.size is not null) p.Size = x.size;
            if (x.mask is { } mk) p.AttrMask = mk;
            CodecAssert.RoundTripAllEncodings(p, version, ServerToClient);

            var s = new TickSize();
            if (x.reqId is { } sid) s.ReqId = sid;
            if (x.type is { } st) s.TickType = st;
            if (x.size is not null) s.Size = x.size;
            CodecAssert.RoundTripAllEncodings(s, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void TickString_TickGeneric_SnapshotEnd_MarketDataType(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from type in TickType
        from text in MarketDataGens.OptText
        from value in MarketDataGens.OptDouble
        from dataType in Gens.OptionalValue(Gen.Choose(1, 4))
        select (reqId, type, text, value, dataType),
        x =>
        {
            var s = new TickString();
            if (x.reqId is { } id) s.ReqId = id;
            if (x.type is { } t) s.TickType = t;
            if (x.text is not null) s.Value = x.text;
            CodecAssert.RoundTripAllEncodings(s, version, ServerToClient);

            var g = new TickGeneric();
            if (x.reqId is { } gid) g.ReqId = gid;
            if (x.type is { } gt) g.TickType = gt;
            if (x.value is { } gv) g.Value = gv;
            CodecAssert.RoundTripAllEncodings(g, version, ServerToClient);

            var end = new TickSnapshotEnd();
            if (x.reqId is { } eid) end.ReqId = eid;
            CodecAssert.RoundTripAllEncodings(end, version, ServerToClient);

            var mdt = new MarketDataType();
            if (x.reqId is { } mid) mdt.ReqId = mid;
            if (x.dataType is { } dt) mdt.MarketDataType_ = dt;
            CodecAssert.RoundTripAllEncodings(mdt, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void TickReqParams(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from minTick in Gens.Optional(Gen.Elements("0.01", "0.25", "1E-05", "0.0001"))
        from bbo in MarketDataGens.OptText
        from permissions in MarketDataGens.OptInt
        select (reqId, minTick, bbo, permissions),
        x =>
        {
            // lastPricePrecision / lastSizePrecision exist only in the protobuf form: left unset here.
            var m = new TickReqParams();
            if (x.reqId is { } id) m.ReqId = id;
            if (x.minTick is not null) m.MinTick = x.minTick;
            if (x.bbo is not null) m.BboExchange = x.bbo;
            if (x.permissions is { } p) m.SnapshotPermissions = p;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void TickReqParams_precision_fields_survive_protobuf(int version)
    {
        if (version < ServerVersions.Protobuf) return;
        var m = new TickReqParams { ReqId = 7, MinTick = "0.01", BboExchange = "9c0001", SnapshotPermissions = 3, LastPricePrecision = "2", LastSizePrecision = "0" };
        CodecAssert.RoundTrip(m, version, ServerToClient, Codec.WireEncoding.Protobuf);
    }

    [Theory, MemberData(nameof(Versions))]
    public void MarketDepth_and_L2(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from position in MarketDataGens.OptInt
        from maker in MarketDataGens.OptText
        from operation in Gens.OptionalValue(Gen.Choose(0, 2))
        from side in Gens.OptionalValue(Gen.Choose(0, 1))
        from price in MarketDataGens.OptDouble
        from size in MarketDataGens.OptDecimal
        from smart in Gens.OptionalValue(Gens.Bool)
        select (reqId, position, maker, operation, side, price, size, smart),
        x =>
        {
            MarketDepthData Row(bool l2)
            {
                var d = new MarketDepthData();
                if (x.position is { } p) d.Position = p;
                if (x.operation is { } o) d.Operation = o;
                if (x.side is { } s) d.Side = s;
                if (x.price is { } pr) d.Price = pr;
                if (x.size is not null) d.Size = x.size;
                if (l2 && x.maker is not null) d.MarketMaker = x.maker;
                if (l2 && x.smart is { } sm) d.IsSmartDepth = sm;
                return d;
            }
            var depth = new MarketDepth { MarketDepthData = Row(l2: false) };
            if (x.reqId is { } id) depth.ReqId = id;
            CodecAssert.RoundTripAllEncodings(depth, version, ServerToClient);

            var l2 = new MarketDepthL2 { MarketDepthData = Row(l2: true) };
            if (x.reqId is { } lid) l2.ReqId = lid;
            CodecAssert.RoundTripAllEncodings(l2, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void TickByTick(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from type in Gen.Choose(0, 4)
        from time in MarketDataGens.OptLong
        from price in MarketDataGens.OptDouble
        from price2 in MarketDataGens.OptDouble
        from size in MarketDataGens.OptDecimal
        from size2 in MarketDataGens.OptDecimal
        from mask in Gens.OptionalValue(Gen.Choose(0, 3))
        from exchange in MarketDataGens.OptText
        from conditions in MarketDataGens.OptText
        select BuildTickByTick(reqId, type, time, price, price2, size, size2, mask, exchange, conditions),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    private static TickByTickData BuildTickByTick(int? reqId, int type, long? time, double? price, double? price2,
        string? size, string? size2, int? mask, string? exchange, string? conditions)
    {
        var m = new TickByTickData { TickType = type };
        if (reqId is { } id) m.ReqId = id;
        switch (type)
        {
            case 1 or 2:
                var last = new HistoricalTickLast();
                if (time is { } t) last.Time = t;
                if (price is { } p) last.Price = p;
                if (size is not null) last.Size = size;
                if (mask is { } mk) last.TickAttribLast = new TickAttribLast { PastLimit = (mk & 1) != 0, Unreported = (mk & 2) != 0 };
                if (exchange is not null) last.Exchange = exchange;
                if (conditions is not null) last.SpecialConditions = conditions;
                m.HistoricalTickLast = last;
                break;
            case 3:
                var bidAsk = new HistoricalTickBidAsk();
                if (time is { } bt) bidAsk.Time = bt;
                if (price is { } bp) bidAsk.PriceBid = bp;
                if (price2 is { } ap) bidAsk.PriceAsk = ap;
                if (size is not null) bidAsk.SizeBid = size;
                if (size2 is not null) bidAsk.SizeAsk = size2;
                if (mask is { } bm) bidAsk.TickAttribBidAsk = new TickAttribBidAsk { BidPastLow = (bm & 1) != 0, AskPastHigh = (bm & 2) != 0 };
                m.HistoricalTickBidAsk = bidAsk;
                break;
            case 4:
                // The text midpoint carries no size.
                var mid = new HistoricalTick();
                if (time is { } mt) mid.Time = mt;
                if (price is { } mp) mid.Price = mp;
                m.HistoricalTickMidPoint = mid;
                break;
        }
        return m;
    }
}
