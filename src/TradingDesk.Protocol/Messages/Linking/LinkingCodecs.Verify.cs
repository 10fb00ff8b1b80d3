using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using TradingDesk.Protocol.TextOnly;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class LinkingCodecs
{
    // The verification handshakes carry no request id: one owner runs them, one at a time.
    private static void RegisterVerify(CodecRegistry r)
    {
        // verifyRequest (out 65), IBPY client.verifyRequest: [65][v=1][apiName][apiVersion]
        r.Add<VerifyRequest>(OutgoingIds.VerifyRequest, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyRequest();
                if (f.ReadStringOrUnset("apiName") is { } name) m.ApiName = name;
                if (f.ReadStringOrUnset("apiVersion") is { } version) m.ApiVersion = version;
                return m;
            },
            (VerifyRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiName);
                w.WriteString(m.ApiVersion);
            });

        // verifyMessage (out 66), IBPY client.verifyMessage: [66][v=1][apiData]
        r.Add<VerifyMessageRequest>(OutgoingIds.VerifyMessage, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyMessageRequest();
                if (f.ReadStringOrUnset("apiData") is { } data) m.ApiData = data;
                return m;
            },
            (VerifyMessageRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiData);
            });

        // verifyMessageApi (in 65), IBJ processVerifyMessageApiMsg: [65][v=1][apiData]
        r.Add<VerifyMessageApi>(IncomingIds.VerifyMessageApi, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyMessageApi();
                if (f.ReadStringOrUnset("apiData") is { } data) m.ApiData = data;
                return m;
            },
            (VerifyMessageApi m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiData);
            });

        // verifyCompleted (in 66), IBJ processVerifyCompletedMsg: [66][v=1][isSuccessful][errorText]
        r.Add<VerifyCompleted>(IncomingIds.VerifyCompleted, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyCompleted();
                if (f.ReadBoolOrUnset("isSuccessful") is { } ok) m.IsSuccessful = ok;
                if (f.ReadStringOrUnset("errorText") is { } text) m.ErrorText = text;
                return m;
            },
            (VerifyCompleted m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                WriteTrueFalse(ref w, m.HasIsSuccessful, m.IsSuccessful);
                w.WriteString(m.ErrorText);
            });
    }

    private static void RegisterVerifyAndAuth(CodecRegistry r)
    {
        // verifyAndAuthRequest (out 72), IBPY client.verifyAndAuthRequest: [72][v=1][apiName][apiVersion][opaqueIsvKey]
        r.Add<VerifyAndAuthRequest>(OutgoingIds.VerifyAndAuthRequest, ClientToServer, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyAndAuthRequest();
                if (f.ReadStringOrUnset("apiName") is { } name) m.ApiName = name;
                if (f.ReadStringOrUnset("apiVersion") is { } version) m.ApiVersion = version;
                if (f.ReadStringOrUnset("opaqueIsvKey") is { } key) m.OpaqueIsvKey = key;
                return m;
            },
            (VerifyAndAuthRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiName);
                w.WriteString(m.ApiVersion);
                w.WriteString(m.OpaqueIsvKey);
            });

        // verifyAndAuthMessage (out 73), IBPY client.verifyAndAuthMessage: [73][v=1][apiData][xyzResponse]
        r.Add<VerifyAndAuthMessage>(OutgoingIds.VerifyAndAuthMessage, ClientToServer, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyAndAuthMessage();
                if (f.ReadStringOrUnset("apiData") is { } data) m.ApiData = data;
                if (f.ReadStringOrUnset("xyzResponse") is { } response) m.XyzResponse = response;
                return m;
            },
            (VerifyAndAuthMessage m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiData);
                w.WriteString(m.XyzResponse);
            });

        // verifyAndAuthMessageApi (in 69), IBJ processVerifyAndAuthMessageMsg: [69][v=1][apiData][xyzChallenge]
        r.Add<VerifyAndAuthMessageApi>(IncomingIds.VerifyAndAuthMessageApi, ServerToClient, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyAndAuthMessageApi();
                if (f.ReadStringOrUnset("apiData") is { } data) m.ApiData = data;
                if (f.ReadStringOrUnset("xyzChallenge") is { } challenge) m.XyzChallenge = challenge;
                return m;
            },
            (VerifyAndAuthMessageApi m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ApiData);
                w.WriteString(m.XyzChallenge);
            });

        // verifyAndAuthCompleted (in 70), IBJ processVerifyAndAuthCompletedMsg: [70][v=1][isSuccessful][errorText]
        r.Add<VerifyAndAuthCompleted>(IncomingIds.VerifyAndAuthCompleted, ServerToClient, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new VerifyAndAuthCompleted();
                if (f.ReadBoolOrUnset("isSuccessful") is { } ok) m.IsSuccessful = ok;
                if (f.ReadStringOrUnset("errorText") is { } text) m.ErrorText = text;
                return m;
            },
            (VerifyAndAuthCompleted m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                WriteTrueFalse(ref w, m.HasIsSuccessful, m.IsSuccessful);
                w.WriteString(m.ErrorText);
            });
    }

    /// <summary>
    /// isSuccessful travels as the word "true" or "false", not 1/0: IB's decoders compare the field with "true"
    /// (IBJ processVerifyCompletedMsg and processVerifyAndAuthCompletedMsg), so a 1 would read as a failure there.
    /// Reading accepts either form (<see cref="TextFieldReader.ReadBoolOrUnset"/>); other text is refused, where IB's
    /// clients would take it silently as false.
    /// </summary>
    private static void WriteTrueFalse(ref TextFieldWriter w, bool has, bool value)
    {
        if (!has) w.WriteEmpty();
        else w.WriteRaw(value ? "true"u8 : "false"u8);
    }
}
