using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class AccountCodecs
{
    // PnL requests and replies exist from 127 (MIN_SERVER_VER_PNL) and have no version field.
    // Protobuf from 210 (PROTOBUF_SCAN_DATA) per IBPY PROTOBUF_MSG_IDS; replies by inference use the same gate.
    private static void RegisterPnL(CodecRegistry r)
    {
        // reqPnL (out 92): [92][reqId][account][modelCode]
        r.Add<PnLRequest>(OutgoingIds.ReqPnL, ClientToServer, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new PnLRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                return m;
            },
            (PnLRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.ModelCode);
            },
            minVersion: V.PnL);

        // cancelPnL (out 93): [93][reqId] (CAP at 173)
        r.AddReqId<CancelPnL>(OutgoingIds.CancelPnL, ClientToServer, ServerVersions.ProtobufScanData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.PnL);

        // reqPnLSingle (out 94): [94][reqId][account][modelCode][conId]
        r.Add<PnLSingleRequest>(OutgoingIds.ReqPnLSingle, ClientToServer, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new PnLSingleRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
                return m;
            },
            (PnLSingleRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.ModelCode);
                w.WriteIntOrUnset(m.HasConId, m.ConId);
            },
            minVersion: V.PnL);

        // cancelPnLSingle (out 95): [95][reqId]
        r.AddReqId<CancelPnLSingle>(OutgoingIds.CancelPnLSingle, ClientToServer, ServerVersions.ProtobufScanData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.PnL);

        RegisterPnLReplies(r);
    }

    private static void RegisterPnLReplies(CodecRegistry r)
    {
        // pnl (in 94): [94][reqId][dailyPnL][unrealizedPnL (≥129)][realizedPnL (≥135)]
        r.Add<PnL>(IncomingIds.PnL, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new PnL();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadDoubleOrUnset("dailyPnL") is { } daily) m.DailyPnL = daily;
                if (v >= V.UnrealizedPnL && f.ReadDoubleOrUnset("unrealizedPnL") is { } unrealized) m.UnrealizedPnL = unrealized;
                if (v >= V.RealizedPnL && f.ReadDoubleOrUnset("realizedPnL") is { } realized) m.RealizedPnL = realized;
                return m;
            },
            (PnL m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteDoubleOrUnset(m.HasDailyPnL, m.DailyPnL);
                if (v >= V.UnrealizedPnL) w.WriteDoubleOrUnset(m.HasUnrealizedPnL, m.UnrealizedPnL);
                if (v >= V.RealizedPnL) w.WriteDoubleOrUnset(m.HasRealizedPnL, m.RealizedPnL);
            },
            minVersion: V.PnL);

        // pnlSingle (in 95): [95][reqId][pos][dailyPnL][unrealizedPnL (≥129)][realizedPnL (≥135)][value].
        // pos is a decimal string, kept verbatim.
        r.Add<PnLSingle>(IncomingIds.PnLSingle, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new PnLSingle();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("pos") is { } position) m.Position = position;
                if (f.ReadDoubleOrUnset("dailyPnL") is { } daily) m.DailyPnL = daily;
                if (v >= V.UnrealizedPnL && f.ReadDoubleOrUnset("unrealizedPnL") is { } unrealized) m.UnrealizedPnL = unrealized;
                if (v >= V.RealizedPnL && f.ReadDoubleOrUnset("realizedPnL") is { } realized) m.RealizedPnL = realized;
                if (f.ReadDoubleOrUnset("value") is { } value) m.Value = value;
                return m;
            },
            (PnLSingle m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Position);
                w.WriteDoubleOrUnset(m.HasDailyPnL, m.DailyPnL);
                if (v >= V.UnrealizedPnL) w.WriteDoubleOrUnset(m.HasUnrealizedPnL, m.UnrealizedPnL);
                if (v >= V.RealizedPnL) w.WriteDoubleOrUnset(m.HasRealizedPnL, m.RealizedPnL);
                w.WriteDoubleOrUnset(m.HasValue, m.Value);
            },
            minVersion: V.PnL);
    }
}
