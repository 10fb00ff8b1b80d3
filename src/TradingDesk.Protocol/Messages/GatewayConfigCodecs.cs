using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// The gateway's own configuration: setServerLogLevel (out 14), and the API settings read (reqConfig out 108,
/// configResponse in 110) and written (updateConfig out 109, updateConfigResponse in 111).
/// reqConfig / updateConfig exist only as protobuf (IBPY client.reqConfigProtoBuf / updateConfigProtoBuf, from 219
/// CONFIG and 221 UPDATE_CONFIG), and IBPY decodes their replies only as protobuf, so none of the four has a text
/// form. Both replies carry the request's reqId in tag 1.
/// </summary>
internal static class GatewayConfigCodecs
{
    public static void Register(CodecRegistry r)
    {
        // setServerLogLevel (out 14), IBPY client.setServerLogLevel: [14][v=1][logLevel].
        // Protobuf from 213 (PROTOBUF_REST_MESSAGES_3) per IBPY PROTOBUF_MSG_IDS. No reply.
        r.Add<SetServerLogLevelRequest>(OutgoingIds.SetServerLogLevel, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new SetServerLogLevelRequest();
                if (f.ReadIntOrUnset("logLevel") is { } level) m.LogLevel = level;
                return m;
            },
            (SetServerLogLevelRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasLogLevel, m.LogLevel);
            });

        // Protobuf only; the gate is also the minimum version (IBPY refuses to send below it).
        r.Add<ConfigRequest>(OutgoingIds.ReqConfig, ClientToServer, ServerVersions.Config, null, null, minVersion: ServerVersions.Config);
        r.Add<UpdateConfigRequest>(OutgoingIds.UpdateConfig, ClientToServer, ServerVersions.UpdateConfig, null, null, minVersion: ServerVersions.UpdateConfig);

        // The replies follow their requests: IBPY has only protobuf handlers for them (processConfigResponseProtoBuf,
        // processUpdateConfigResponseProtoBuf).
        r.Add<ConfigResponse>(IncomingIds.ConfigResponse, ServerToClient, ServerVersions.Config, null, null, minVersion: ServerVersions.Config);
        r.Add<UpdateConfigResponse>(IncomingIds.UpdateConfigResponse, ServerToClient, ServerVersions.UpdateConfig, null, null, minVersion: ServerVersions.UpdateConfig);
    }
}
