using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.ReferenceData.ReferenceDataVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ReferenceDataCodecs
{
    // rerouteMktDataReq (in 91) / rerouteMktDepthReq (in 92), IBPY processRerouteMktDataReq / processRerouteMktDepthReq:
    // [91][reqId][conId][exchange]. The gateway sends them (from 125, MIN_SERVER_VER_CFD_REROUTE) when a CFD's market
    // data or depth request must be re-sent for the underlying (conId on exchange); reqId is the original request's.
    // UNCONFIRMED protobuf gate: they answer reqMktData / reqMktDepth, so they follow those requests' gate, 206
    // (PROTOBUF_MARKET_DATA).
    private static void RegisterReroutes(CodecRegistry r)
    {
        r.Add<RerouteMarketDataRequest>(IncomingIds.RerouteMarketDataRequest, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new RerouteMarketDataRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
                if (f.ReadStringOrUnset("exchange") is { } exchange) m.Exchange = exchange;
                return m;
            },
            (RerouteMarketDataRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasConId, m.ConId);
                w.WriteString(m.Exchange);
            },
            minVersion: V.CfdReroute);

        r.Add<RerouteMarketDepthRequest>(IncomingIds.RerouteMarketDepthRequest, ServerToClient, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new RerouteMarketDepthRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
                if (f.ReadStringOrUnset("exchange") is { } exchange) m.Exchange = exchange;
                return m;
            },
            (RerouteMarketDepthRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasConId, m.ConId);
                w.WriteString(m.Exchange);
            },
            minVersion: V.CfdReroute);
    }
}
