using Google.Protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// The one text layout many end markers and cancels share: <c>[id][version][reqId]</c> and nothing else
/// (contractDataEnd, tickSnapshotEnd, execDetailsEnd, accountSummaryEnd, cancelMktData, cancelHistoricalData, …).
/// Written once here so every family registers it the same way; <see cref="AddReqId{T}"/> is the same without the
/// version field (<c>[id][reqId]</c>: reqPnL's cancels, the WSH requests, cancelTickByTick, …).
/// </summary>
internal static class VersionedReqIdCodecs
{
    public static void AddVersionedReqId<T>(this CodecRegistry registry, int id, Direction direction, int protobufGate, int version,
        Func<T, bool> hasReqId, Func<T, int> reqId, Action<T, int> setReqId, int minVersion = ServerVersions.Min) where T : IMessage<T>, new() =>
        registry.Add<T>(id, direction, protobufGate,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new T();
                if (f.ReadIntOrUnset("reqId") is { } value) setReqId(m, value);
                return m;
            },
            (T m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(version);
                w.WriteIntOrUnset(hasReqId(m), reqId(m));
            },
            minVersion);

    public static void AddReqId<T>(this CodecRegistry registry, int id, Direction direction, int protobufGate,
        Func<T, bool> hasReqId, Func<T, int> reqId, Action<T, int> setReqId, int minVersion = ServerVersions.Min) where T : IMessage<T>, new() =>
        registry.Add<T>(id, direction, protobufGate,
            (ref TextFieldReader f, int v) =>
            {
                var m = new T();
                if (f.ReadIntOrUnset("reqId") is { } value) setReqId(m, value);
                return m;
            },
            (T m, ref TextFieldWriter w, int v) => w.WriteIntOrUnset(hasReqId(m), reqId(m)),
            minVersion);
}
