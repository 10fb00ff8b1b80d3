using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class MarketDataCodecs
{
    // Version values written in the text replies. The decoders (IBPY, IBCS) read the version and ignore it, so
    // any value decodes; what TWS itself sends for tickPrice / tickSize is UNCONFIRMED (captured
    // fixtures use 2). 6 is the highest tickPrice / tickSize version of IB's decoders, at which size
    // (ver 2) and attrMask (ver 3) are both present, which is what every reader reads unconditionally.
    private const int TickVersion = 6;

    private static void RegisterTicks(CodecRegistry r)
    {
        r.Add<TickPrice>(IncomingIds.TickPrice, ServerToClient, ServerVersions.ProtobufMarketData, DecodeTickPrice, EncodeTickPrice);

        // tickSize (in 2): [2][v][reqId][tickType][size (decimal string, passed through)]
        r.Add<TickSize>(IncomingIds.TickSize, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new TickSize();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
                if (f.ReadStringOrUnset("size") is { } size) m.Size = size;
                return m;
            },
            (TickSize m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(TickVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasTickType, m.TickType);
                w.WriteString(m.Size);
            });

        // tickString (in 46): [46][v][reqId][tickType][value]. Here and in tickGeneric the version TWS sends is
        // UNCONFIRMED (IB's decoders skip it); 1 is written.
        r.Add<TickString>(IncomingIds.TickString, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new TickString();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
                if (f.ReadStringOrUnset("value") is { } value) m.Value = value;
                return m;
            },
            (TickString m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasTickType, m.TickType);
                w.WriteString(m.Value);
            });

        // tickGeneric (in 45): [45][v][reqId][tickType][value (double)]
        r.Add<TickGeneric>(IncomingIds.TickGeneric, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new TickGeneric();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
                if (f.ReadDoubleOrUnset("value") is { } value) m.Value = value;
                return m;
            },
            (TickGeneric m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasTickType, m.TickType);
                w.WriteDoubleOrUnset(m.HasValue, m.Value);
            });

        // tickSnapshotEnd (in 57): [57][v=1][reqId]
        r.AddVersionedReqId<TickSnapshotEnd>(IncomingIds.TickSnapshotEnd, ServerToClient, ServerVersions.ProtobufMarketData, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // marketDataType (in 58): [58][v=1][reqId][marketDataType]
        r.Add<MarketDataType>(IncomingIds.MarketDataType, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new MarketDataType();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("marketDataType") is { } type) m.MarketDataType_ = type;
                return m;
            },
            (MarketDataType m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasMarketDataType_, m.MarketDataType_);
            });

        // tickReqParams (in 81), no version: [81][reqId][minTick][bboExchange][snapshotPermissions].
        // minTick is a number in text and a string in the proto: the text is passed through verbatim.
        // lastPricePrecision / lastSizePrecision exist only in the proto.
        r.Add<TickReqParams>(IncomingIds.TickReqParams, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new TickReqParams();
                if (f.ReadIntOrUnset("tickerId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("minTick") is { } minTick) m.MinTick = minTick;
                if (f.ReadStringOrUnset("bboExchange") is { } bbo) m.BboExchange = bbo;
                if (f.ReadIntOrUnset("snapshotPermissions") is { } permissions) m.SnapshotPermissions = permissions;
                return m;
            },
            (TickReqParams m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.MinTick);
                w.WriteString(m.BboExchange);
                w.WriteIntOrUnset(m.HasSnapshotPermissions, m.SnapshotPermissions);
            });
    }

    // tickPrice (in 1): [1][v][reqId][tickType][price][size][attrMask] (IBPY decoder.processTickPriceMsg).
    // IBPY reads size and attrMask unconditionally and only interprets the mask by version (bit 1 canAutoExecute;
    // from PAST_LIMIT 109 bit 2 pastLimit; from PRE_OPEN_BID_ASK 132 bit 4 preOpen). The proto keeps the raw
    // mask, so the codec passes it through at every version. The derived tickSize IBPY emits for BID/ASK/LAST is
    // a client-side convenience, not a wire message, and is not produced here.
    // Hot path: no LINQ, no strings except the size, nothing allocated but the message.
    private static TickPrice DecodeTickPrice(ref TextFieldReader f, int v)
    {
        f.Skip("version");
        var m = new TickPrice();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
        if (f.ReadDoubleOrUnset("price") is { } price) m.Price = price;
        if (f.ReadStringOrUnset("size") is { } size) m.Size = size;
        if (f.ReadIntOrUnset("attrMask") is { } mask) m.AttrMask = mask;
        return m;
    }

    private static void EncodeTickPrice(TickPrice m, ref TextFieldWriter w, int v)
    {
        w.WriteInt(TickVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(m.HasTickType, m.TickType);
        w.WriteDoubleOrUnset(m.HasPrice, m.Price);
        w.WriteString(m.Size);
        w.WriteIntOrUnset(m.HasAttrMask, m.AttrMask);
    }
}
