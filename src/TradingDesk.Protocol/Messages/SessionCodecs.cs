using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Session messages: startApi, ids, managed accounts, errors and current time.
/// Protobuf gates for requests come from IB's PROTOBUF_MSG_IDS; the replies follow their request's gate
/// (an inference, not observed), errors switch at 201.
/// </summary>
internal static class SessionCodecs
{
    public static void Register(CodecRegistry r)
    {
        // startApi (out 71): [71][v=2][clientId][optionalCapabilities (≥72)]
        r.Add<StartApiRequest>(OutgoingIds.StartApi, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new StartApiRequest();
                if (f.ReadIntOrUnset("clientId") is { } clientId) m.ClientId = clientId;
                if (v >= ServerVersions.OptionalCapabilities && f.ReadStringOrUnset("optionalCapabilities") is { } caps) m.OptionalCapabilities = caps;
                return m;
            },
            (StartApiRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(2);
                w.WriteIntOrUnset(m.HasClientId, m.ClientId);
                if (v >= ServerVersions.OptionalCapabilities) w.WriteString(m.OptionalCapabilities);
            });

        // reqIds (out 8): [8][v=1][numIds]
        r.Add<IdsRequest>(OutgoingIds.ReqIds, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new IdsRequest();
                if (f.ReadIntOrUnset("numIds") is { } n) m.NumIds = n;
                return m;
            },
            (IdsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasNumIds, m.NumIds);
            });

        // nextValidId (in 9): [9][v=1][orderId]
        r.Add<NextValidId>(IncomingIds.NextValidId, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new NextValidId();
                if (f.ReadIntOrUnset("orderId") is { } id) m.OrderId = id;
                return m;
            },
            (NextValidId m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
            });

        // reqManagedAccts (out 17): [17][v=1]
        r.Add<ManagedAccountsRequest>(OutgoingIds.ReqManagedAccounts, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new ManagedAccountsRequest();
            },
            (ManagedAccountsRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // managedAccounts (in 15): [15][v=1][accountsList]
        r.Add<ManagedAccounts>(IncomingIds.ManagedAccounts, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ManagedAccounts();
                if (f.ReadStringOrUnset("accountsList") is { } list) m.AccountsList = list;
                return m;
            },
            (ManagedAccounts m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.AccountsList);
            });

        RegisterError(r);
        RegisterCurrentTime(r);
    }

    // error (in 4). Before 194 (ERROR_TIME): [4][v=2][id][code][msg][advancedOrderRejectJson (≥166)].
    // From 194: no version, [4][id][code][msg][advancedOrderRejectJson][errorTime (epoch ms)].
    // From 153 the message text carries \uXXXX escapes for non-ASCII characters. Protobuf from 201.
    private static void RegisterError(CodecRegistry r) =>
        r.Add<ErrorMessage>(IncomingIds.Error, ServerToClient, ServerVersions.Protobuf,
            (ref TextFieldReader f, int v) =>
            {
                if (v < ServerVersions.ErrorTime) f.Skip("version");
                var m = new ErrorMessage();
                if (f.ReadIntOrUnset("id") is { } id) m.Id = id;
                if (f.ReadIntOrUnset("errorCode") is { } code) m.ErrorCode = code;
                if (f.ReadStringOrUnset("errorMsg") is { } text)
                    m.ErrorMsg = v >= ServerVersions.EncodeMsgAscii7 ? Ascii7.Unescape(text) : text;
                if (v >= ServerVersions.AdvancedOrderReject && f.ReadStringOrUnset("advancedOrderRejectJson") is { } json)
                    m.AdvancedOrderRejectJson = json;
                if (v >= ServerVersions.ErrorTime && f.ReadLongOrUnset("errorTime") is { } time) m.ErrorTime = time;
                return m;
            },
            (ErrorMessage m, ref TextFieldWriter w, int v) =>
            {
                if (v < ServerVersions.ErrorTime) w.WriteInt(2);
                w.WriteIntOrUnset(m.HasId, m.Id);
                w.WriteIntOrUnset(m.HasErrorCode, m.ErrorCode);
                w.WriteString(v >= ServerVersions.EncodeMsgAscii7 ? Ascii7.Escape(m.ErrorMsg) : m.ErrorMsg);
                if (v >= ServerVersions.AdvancedOrderReject) w.WriteString(m.AdvancedOrderRejectJson);
                if (v >= ServerVersions.ErrorTime) w.WriteLongOrUnset(m.HasErrorTime, m.ErrorTime);
            });

    private static void RegisterCurrentTime(CodecRegistry r)
    {
        // reqCurrentTime (out 49): [49][v=1]
        r.Add<CurrentTimeRequest>(OutgoingIds.ReqCurrentTime, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new CurrentTimeRequest();
            },
            (CurrentTimeRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // currentTime (in 49): [49][v=1][epochSeconds]
        r.Add<CurrentTime>(IncomingIds.CurrentTime, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new CurrentTime();
                if (f.ReadLongOrUnset("currentTime") is { } t) m.CurrentTime_ = t;
                return m;
            },
            (CurrentTime m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteLongOrUnset(m.HasCurrentTime_, m.CurrentTime_);
            });

        // reqCurrentTimeInMillis (out 105, from 197): [105] and nothing else.
        r.Add<CurrentTimeInMillisRequest>(OutgoingIds.ReqCurrentTimeInMillis, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) => new CurrentTimeInMillisRequest(),
            (CurrentTimeInMillisRequest m, ref TextFieldWriter w, int v) => { },
            minVersion: ServerVersions.CurrentTimeInMillis);

        // currentTimeInMillis (in 109, from 197): [109][epochMillis]
        r.Add<CurrentTimeInMillis>(IncomingIds.CurrentTimeInMillis, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                var m = new CurrentTimeInMillis();
                if (f.ReadLongOrUnset("currentTimeInMillis") is { } t) m.CurrentTimeInMillis_ = t;
                return m;
            },
            (CurrentTimeInMillis m, ref TextFieldWriter w, int v) => w.WriteLongOrUnset(m.HasCurrentTimeInMillis_, m.CurrentTimeInMillis_),
            minVersion: ServerVersions.CurrentTimeInMillis);
    }
}
