using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Wsh.WshVersions;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Wall Street Horizon corporate-event calendar: reqWshMetaData / cancel (out 100/101), reqWshEventData / cancel
/// (out 102/103) and their JSON replies wshMetaData / wshEventData (in 104/105). Everything exists from 161
/// (WSHE_CALENDAR). Protobuf from 209 (PROTOBUF_NEWS_DATA) for the requests per IBPY PROTOBUF_MSG_IDS; the replies
/// use the same gate by the rule that a reply switches with its request (an inference, UNCONFIRMED). Every message
/// carries the request id in its first field. The reqWshEventData layout lives in <c>Messages/Wsh/</c>.
/// </summary>
internal static partial class WshCodecs
{
    public static void Register(CodecRegistry r)
    {
        // reqWshMetaData (out 100): [100][reqId], no version field (IBPY client.reqWshMetaData).
        r.AddReqId<WshMetaDataRequest>(OutgoingIds.ReqWshMetaData, ClientToServer, ServerVersions.ProtobufNewsData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.WsheCalendar);

        // cancelWshMetaData (out 101): [101][reqId]
        r.AddReqId<CancelWshMetaData>(OutgoingIds.CancelWshMetaData, ClientToServer, ServerVersions.ProtobufNewsData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.WsheCalendar);

        RegisterEventDataRequest(r);

        // cancelWshEventData (out 103): [103][reqId]
        r.AddReqId<CancelWshEventData>(OutgoingIds.CancelWshEventData, ClientToServer, ServerVersions.ProtobufNewsData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.WsheCalendar);

        // wshMetaData (in 104): [104][reqId][dataJson] (IBPY decoder.processWshMetaDataMsg). The JSON passes verbatim.
        r.Add<WshMetaData>(IncomingIds.WshMetaData, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new WshMetaData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("dataJson") is { } json) m.DataJson = json;
                return m;
            },
            (WshMetaData m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.DataJson);
            },
            minVersion: V.WsheCalendar);

        // wshEventData (in 105): [105][reqId][dataJson] (IBPY decoder.processWshEventDataMsg).
        r.Add<WshEventData>(IncomingIds.WshEventData, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new WshEventData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("dataJson") is { } json) m.DataJson = json;
                return m;
            },
            (WshEventData m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.DataJson);
            },
            minVersion: V.WsheCalendar);
    }
}
