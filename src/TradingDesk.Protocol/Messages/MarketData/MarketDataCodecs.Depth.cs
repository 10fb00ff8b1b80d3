using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class MarketDataCodecs
{
    private static void RegisterDepth(CodecRegistry r)
    {
        // reqMktDepth (out 10), IBPY client.reqMktDepth: [10][v=5][reqId][conId][symbol][secType]
        // [lastTradeDateOrContractMonth][strike][right][multiplier][exchange][primaryExchange (≥149)][currency]
        // [localSymbol][tradingClass][numRows][isSmartDepth (≥146)][mktDepthOptions (≥70)]
        r.Add<MarketDepthRequest>(OutgoingIds.ReqMarketDepth, ClientToServer, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new MarketDepthRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                m.Contract = ContractBlock.Read(ref f, v >= MarketDataVersions.MktDepthPrimExchange);
                if (f.ReadIntOrUnset("numRows") is { } rows) m.NumRows = rows;
                if (v >= ServerVersions.SmartDepth && f.ReadBoolOrUnset("isSmartDepth") is { } smart) m.IsSmartDepth = smart;
                ContractBlock.ReadOptions(ref f, "mktDepthOptions", m.MarketDepthOptions);
                return m;
            },
            (MarketDepthRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(5);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w, v >= MarketDataVersions.MktDepthPrimExchange);
                w.WriteIntOrUnset(m.HasNumRows, m.NumRows);
                if (v >= ServerVersions.SmartDepth) w.WriteBool(m.IsSmartDepth);
                ContractBlock.WriteOptions(m.MarketDepthOptions, ref w, "mktDepthOptions");
            });

        // cancelMktDepth (out 11): [11][v=1][reqId][isSmartDepth (≥146)]
        r.Add<CancelMarketDepth>(OutgoingIds.CancelMarketDepth, ClientToServer, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new CancelMarketDepth();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (v >= ServerVersions.SmartDepth && f.ReadBoolOrUnset("isSmartDepth") is { } smart) m.IsSmartDepth = smart;
                return m;
            },
            (CancelMarketDepth m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                if (v >= ServerVersions.SmartDepth) w.WriteBool(m.IsSmartDepth);
            });

        // updateMktDepth (in 12): [12][v][reqId][position][operation][side][price][size]. The text always
        // carries the depth row, so the decoder always sets marketDepthData (possibly with every field unset).
        // The version value is UNCONFIRMED (decoders ignore it); 1 is written.
        r.Add<MarketDepth>(IncomingIds.MarketDepth, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new MarketDepth();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var d = new MarketDepthData();
                if (f.ReadIntOrUnset("position") is { } position) d.Position = position;
                if (f.ReadIntOrUnset("operation") is { } operation) d.Operation = operation;
                if (f.ReadIntOrUnset("side") is { } side) d.Side = side;
                if (f.ReadDoubleOrUnset("price") is { } price) d.Price = price;
                if (f.ReadStringOrUnset("size") is { } size) d.Size = size;
                m.MarketDepthData = d;
                return m;
            },
            (MarketDepth m, ref TextFieldWriter w, int v) =>
            {
                var d = m.MarketDepthData ?? new MarketDepthData();
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(d.HasPosition, d.Position);
                w.WriteIntOrUnset(d.HasOperation, d.Operation);
                w.WriteIntOrUnset(d.HasSide, d.Side);
                w.WriteDoubleOrUnset(d.HasPrice, d.Price);
                w.WriteString(d.Size);
            });

        // updateMktDepthL2 (in 13): [13][v][reqId][position][marketMaker][operation][side][price][size]
        // [isSmartDepth (≥146)]. Same version caveat as updateMktDepth.
        r.Add<MarketDepthL2>(IncomingIds.MarketDepthL2, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new MarketDepthL2();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var d = new MarketDepthData();
                if (f.ReadIntOrUnset("position") is { } position) d.Position = position;
                if (f.ReadStringOrUnset("marketMaker") is { } maker) d.MarketMaker = maker;
                if (f.ReadIntOrUnset("operation") is { } operation) d.Operation = operation;
                if (f.ReadIntOrUnset("side") is { } side) d.Side = side;
                if (f.ReadDoubleOrUnset("price") is { } price) d.Price = price;
                if (f.ReadStringOrUnset("size") is { } size) d.Size = size;
                if (v >= ServerVersions.SmartDepth && f.ReadBoolOrUnset("isSmartDepth") is { } smart) d.IsSmartDepth = smart;
                m.MarketDepthData = d;
                return m;
            },
            (MarketDepthL2 m, ref TextFieldWriter w, int v) =>
            {
                var d = m.MarketDepthData ?? new MarketDepthData();
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(d.HasPosition, d.Position);
                w.WriteString(d.MarketMaker);
                w.WriteIntOrUnset(d.HasOperation, d.Operation);
                w.WriteIntOrUnset(d.HasSide, d.Side);
                w.WriteDoubleOrUnset(d.HasPrice, d.Price);
                w.WriteString(d.Size);
                if (v >= ServerVersions.SmartDepth) w.WriteBoolOrUnset(d.HasIsSmartDepth, d.IsSmartDepth);
            });
    }
}
