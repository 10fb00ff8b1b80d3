using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.GatewayConfig;

/// <summary>setServerLogLevel (text, then protobuf from 213) and the protobuf-only config messages (108–111).</summary>
public sealed class GatewayConfigTests
{
    private const string SetServerLogLevel = @"14\01\05\0";

    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat([100, 212, 218, 219, 220, 221]).Distinct().Order()) data.Add(v);
        return data;
    }

    [Fact]
    public void SetServerLogLevel_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<SetServerLogLevelRequest>(SetServerLogLevel, 176, ClientToServer);
        Assert.Equal(5, m.LogLevel);
        CodecAssert.ReencodesTo(m, SetServerLogLevel, 176);
    }

    [Fact]
    public void SetServerLogLevel_is_text_with_a_binary_id_until_212_then_protobuf()
    {
        var m = new SetServerLogLevelRequest { LogLevel = 5 };
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(SetServerLogLevel)), TwsCodec.Default.EncodeToArray(m, 212, ClientToServer));
        // 14 + 200 = 214 = 0xD6; logLevel 5 = 08 05.
        Assert.Equal(Wire.Hex("00 00 00 06 | 00 00 00 D6 | 08 05"), TwsCodec.Default.EncodeToArray(m, 213, ClientToServer));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Round_trips(int version)
    {
        Property.ForAll(new FieldGen<SetServerLogLevelRequest>().Int((m, x) => m.LogLevel = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<ConfigRequest>().Int((m, x) => m.ReqId = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<UpdateConfigResponse>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Status = x)
                .Text((m, x) => m.Message = x)
                .Text((m, x) => m.ChangedFields.Add(x))
                .Text((m, x) => m.Errors.Add(x))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        CodecAssert.RoundTripAllEncodings(SampleUpdate(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(SampleResponse(), version, ServerToClient);
    }

    [Fact]
    public void Protobuf_req_config_is_id_308()
    {
        // 108 + 200 = 308 = 0x134; reqId 1 = 08 01.
        Assert.Equal(Wire.Hex("00 00 00 06 | 00 00 01 34 | 08 01"), TwsCodec.Default.EncodeToArray(new ConfigRequest { ReqId = 1 }, 219, ClientToServer));
    }

    [Fact]
    public void Protobuf_update_config_is_id_309_and_decodes_back()
    {
        // 109 + 200 = 309 = 0x135; reqId 2 = 08 02; resetAPIOrderSequence true = 38 01.
        var bytes = Wire.Hex("00 00 00 08 | 00 00 01 35 | 08 02 38 01");
        var m = new UpdateConfigRequest { ReqId = 2, ResetAPIOrderSequence = true };
        Assert.Equal(bytes, TwsCodec.Default.EncodeToArray(m, 221, ClientToServer));
        var decoded = Assert.IsType<UpdateConfigRequest>(TwsCodec.Default.Decode(bytes.AsSpan(4), 221, ClientToServer).Message);
        Assert.Equal(2, decoded.ReqId);
        Assert.True(decoded.ResetAPIOrderSequence);
        Assert.Null(decoded.Api);
    }

    [Fact]
    public void Protobuf_update_config_response_decodes_under_id_311()
    {
        // 111 + 200 = 311 = 0x137; reqId 2; status "OK"; changedFields ["socketPort"].
        var decoded = TwsCodec.Default.Decode(Wire.Hex("00 00 01 37 | 08 02 12 02 4F 4B 22 0A 73 6F 63 6B 65 74 50 6F 72 74"), 221, ServerToClient);
        var m = Assert.IsType<UpdateConfigResponse>(decoded.Message);
        Assert.Equal((2, "OK"), (m.ReqId, m.Status));
        Assert.Equal(["socketPort"], m.ChangedFields);
    }

    [Fact]
    public void Config_response_decodes_its_nested_settings()
    {
        var frame = TwsCodec.Default.EncodeToArray(SampleResponse(), 219, ServerToClient);
        Assert.Equal(Wire.Hex("00 00 01 36"), frame[4..8]); // 110 + 200
        var m = Assert.IsType<ConfigResponse>(TwsCodec.Default.Decode(frame.AsSpan(4), 219, ServerToClient).Message);
        Assert.Equal(7497, m.Api.Settings.SocketPort);
        Assert.Equal(["127.0.0.1"], m.Api.Settings.TrustedIPs);
        Assert.True(m.Orders.SmartRouting.SeekPriceImprovement);
        Assert.Equal("Restart", m.LockAndExit.AutoLogoffType);
        Assert.Equal(131, Assert.Single(m.Messages).Id);
    }

    [Theory]
    [InlineData(typeof(ConfigRequest), ClientToServer, 219)]
    [InlineData(typeof(ConfigResponse), ServerToClient, 219)]
    [InlineData(typeof(UpdateConfigRequest), ClientToServer, 221)]
    [InlineData(typeof(UpdateConfigResponse), ServerToClient, 221)]
    public void Config_messages_exist_only_as_protobuf_from_their_gate(Type type, Direction direction, int gate)
    {
        var message = (Google.Protobuf.IMessage)Activator.CreateInstance(type)!;
        var early = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(message, gate - 1, direction));
        Assert.Contains(gate.ToString(System.Globalization.CultureInfo.InvariantCulture), early.Message);
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(message, gate, direction));
        var text = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(message, 225, direction, WireEncoding.Text));
        Assert.Contains("no text form", text.Message);
    }

    [Fact]
    public void A_text_frame_under_a_protobuf_only_id_is_an_unknown_message_not_a_crash()
    {
        var decoded = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(@"110\01\0x\0"), 225, ServerToClient);
        Assert.True(decoded.IsUnknown);
        Assert.Equal(IncomingIds.ConfigResponse, decoded.Unknown!.Id);
    }

    [Fact]
    public void A_truncated_config_response_names_the_message()
    {
        var frame = TwsCodec.Default.EncodeToArray(SampleResponse(), 219, ServerToClient);
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(frame.AsSpan(4, frame.Length - 6), 219, ServerToClient));
        Assert.Equal(IncomingIds.ConfigResponse, ex.MessageId);
    }

    [Fact]
    public void Non_number_log_level_is_rejected()
    {
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(@"14\01\0detail\0"), 176, ClientToServer));
        Assert.Equal("logLevel", ex.Field);
    }

    private static UpdateConfigRequest SampleUpdate() => new()
    {
        ReqId = 2,
        Api = new ApiConfig { Settings = new ApiSettingsConfig { SocketPort = 7497, ReadOnlyApi = false } },
        AcceptedWarnings = { new UpdateConfigWarning { MessageId = 131, Title = "Port", Message = "Restart needed" } },
        ResetAPIOrderSequence = true,
    };

    private static ConfigResponse SampleResponse() => new()
    {
        ReqId = 1,
        LockAndExit = new LockAndExitConfig { AutoLogoffTime = "23:45", AutoLogoffType = "Restart" },
        Messages = { new MessageConfig { Id = 131, Title = "Port", Enabled = true } },
        Api = new ApiConfig
        {
            Precautions = new ApiPrecautionsConfig { BypassOrderPrecautions = true },
            Settings = new ApiSettingsConfig { SocketPort = 7497, MasterClientId = 0, TrustedIPs = { "127.0.0.1" } },
        },
        Orders = new OrdersConfig { SmartRouting = new OrdersSmartRoutingConfig { SeekPriceImprovement = true, DefaultAlgorithm = "Adaptive" } },
    };
}
