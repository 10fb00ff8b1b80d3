using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.FinancialAdvisor.FinancialAdvisorVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class FinancialAdvisorCodecs
{
    private const int FaVersion = 1;

    private static void RegisterFaConfiguration(CodecRegistry r)
    {
        // requestFA (out 18): [18][v=1][faDataType] (IBPY client.requestFA). From 177 (FA_PROFILE_DESUPPORT) IBPY
        // refuses faDataType 2 (profiles) with FA_PROFILE_NOT_SUPPORTED instead of sending it; the encoder refuses
        // it too. The decoder accepts any value, so a simulator sees what a client sent and can answer with an error.
        r.Add<FARequest>(OutgoingIds.ReqFa, ClientToServer, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new FARequest();
                if (f.ReadIntOrUnset("faDataType") is { } type) m.FaDataType = type;
                return m;
            },
            (FARequest m, ref TextFieldWriter w, int v) =>
            {
                RefuseProfiles(m.HasFaDataType, m.FaDataType, v, OutgoingIds.ReqFa);
                w.WriteInt(FaVersion);
                w.WriteIntOrUnset(m.HasFaDataType, m.FaDataType);
            });

        // replaceFA (out 19): [19][v=1][faDataType][xml], then [reqId] from 157 (REPLACE_FA_END) (IBPY client.replaceFA).
        // Below 157 the request id has nowhere to go and TWS sends no replaceFAEnd, so a set reqId is refused there.
        r.Add<FAReplace>(OutgoingIds.ReplaceFa, ClientToServer, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new FAReplace();
                if (f.ReadIntOrUnset("faDataType") is { } type) m.FaDataType = type;
                if (f.ReadStringOrUnset("xml") is { } xml) m.Xml = xml;
                if (v >= V.ReplaceFaEnd && f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                return m;
            },
            (FAReplace m, ref TextFieldWriter w, int v) =>
            {
                RefuseProfiles(m.HasFaDataType, m.FaDataType, v, OutgoingIds.ReplaceFa);
                if (v < V.ReplaceFaEnd && m.HasReqId)
                    throw new ProtocolException($"replaceFA carries a reqId only from server version {V.ReplaceFaEnd}, not {v}", OutgoingIds.ReplaceFa);
                w.WriteInt(FaVersion);
                w.WriteIntOrUnset(m.HasFaDataType, m.FaDataType);
                w.WriteString(m.Xml);
                if (v >= V.ReplaceFaEnd) w.WriteIntOrUnset(m.HasReqId, m.ReqId);
            });

        // receiveFA (in 16): [16][v=1][faDataType][xml] (IBCS EDecoder.ReceiveFAEvent reads and drops the version).
        // No request id: it answers the one outstanding requestFA of that faDataType.
        r.Add<ReceiveFA>(IncomingIds.ReceiveFa, ServerToClient, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ReceiveFA();
                if (f.ReadIntOrUnset("faDataType") is { } type) m.FaDataType = type;
                if (f.ReadStringOrUnset("xml") is { } xml) m.Xml = xml;
                return m;
            },
            (ReceiveFA m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(FaVersion);
                w.WriteIntOrUnset(m.HasFaDataType, m.FaDataType);
                w.WriteString(m.Xml);
            });

        // replaceFAEnd (in 103, from 157): [103][reqId][text], no version field (IBPY decoder.processReplaceFAEndMsg).
        r.Add<ReplaceFAEnd>(IncomingIds.ReplaceFaEnd, ServerToClient, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                var m = new ReplaceFAEnd();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("text") is { } text) m.Text = text;
                return m;
            },
            (ReplaceFAEnd m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Text);
            },
            minVersion: V.ReplaceFaEnd);
    }

    private static void RefuseProfiles(bool has, int faDataType, int v, int id)
    {
        if (has && faDataType == V.Profiles && v >= V.FaProfileDesupport)
            throw new ProtocolException($"FA profiles (faDataType 2) are not supported from server version {V.FaProfileDesupport}", id);
    }
}
