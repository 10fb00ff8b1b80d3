using System.Buffers.Binary;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>
/// Protobuf frames of the option, scanner, news and fundamentals families, constructed byte by byte from the
/// schemas (binary id = text id + 200, then the serialized message), and random bodies behind every id of these
/// families.
/// </summary>
public sealed class ProtobufFrameTests
{
    [Fact]
    public void CancelCalculateImpliedVolatility_at_211_is_id_256()
    {
        // length 6 | id 56 + 200 = 0x100 | field 1 varint 5
        var expected = Wire.Hex("00000006 00000100 0805");
        var frame = TwsCodec.Default.EncodeToArray(new CancelCalculateImpliedVolatility { ReqId = 5 }, 211, ClientToServer);
        Assert.Equal(expected, frame);
        Assert.Equal(5, Assert.IsType<CancelCalculateImpliedVolatility>(TwsCodec.Default.Decode(frame.AsSpan(4), 211, ClientToServer).Message).ReqId);
    }

    [Fact]
    public void NewsBulletinsRequest_at_209_is_id_212()
    {
        var frame = TwsCodec.Default.EncodeToArray(new NewsBulletinsRequest { AllMessages = true }, 209, ClientToServer);
        Assert.Equal(Wire.Hex("00000006 000000D4 0801"), frame);
    }

    [Fact]
    public void SecDefOptParameter_from_a_constructed_protobuf_frame()
    {
        // id 75 + 200 = 0x113 | reqId 1 | exchange "SMART" | underlyingConId 8 | expirations "20261218" | strikes [100.0] (packed)
        var payload = Wire.Hex("00000113 0801 1205534D415254 1808 3208" + "3230323631323138" + "3A08" + "0000000000005940");
        var decoded = TwsCodec.Default.Decode(payload, 212, ServerToClient);
        Assert.Equal(WireEncoding.Protobuf, decoded.Encoding);
        var m = Assert.IsType<SecDefOptParameter>(decoded.Message);
        Assert.Equal(1, m.ReqId);
        Assert.Equal("SMART", m.Exchange);
        Assert.Equal(8, m.UnderlyingConId);
        Assert.Equal(["20261218"], m.Expirations);
        Assert.Equal([100.0], m.Strikes);
    }

    [Fact]
    public void TickOptionComputation_protobuf_keeps_a_minus_two_delta()
    {
        // id 21 + 200 = 0xDD | reqId 3 | tickType 13 | delta (field 5, double) -2.0
        var payload = Wire.Hex("000000DD 0803 100D 29 00000000000000C0");
        var m = Assert.IsType<TickOptionComputation>(TwsCodec.Default.Decode(payload, 213, ServerToClient).Message);
        Assert.Equal(13, m.TickType);
        Assert.Equal(-2.0, m.Delta);
        Assert.False(m.HasImpliedVol);
    }

    private static readonly int[] ClientIds = [12, 13, 21, 22, 23, 24, 52, 53, 54, 55, 56, 57, 78, 84, 85, 86];
    private static readonly int[] ServerIds = [14, 19, 20, 21, 47, 51, 56, 75, 76, 83, 84, 85, 86, 87];

    [Fact]
    public void Random_bodies_behind_these_ids_yield_messages_or_protocol_exceptions() => Property.ForAll(
        from version in Gen.Elements(150, 176, 200, 205, 213, 225)
        from toServer in Gen.Elements(true, false)
        from id in Gen.Elements(toServer ? ClientIds : ServerIds)
        from protobuf in Gen.Elements(true, false)
        from body in Gen.ArrayOf(Gen.Frequency((4, Gen.Choose(0x30, 0x39)), (2, Gen.Constant(0)), (1, Gen.Constant(0x2D)), (1, Gen.Choose(0, 255))).Select(i => (byte)i))
        select (version, direction: toServer ? ClientToServer : ServerToClient, id, protobuf, body),
        x =>
        {
            byte[] head;
            if (x.version >= ServerVersions.Protobuf)
            {
                head = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(head, x.protobuf ? x.id + 200 : x.id);
            }
            else head = System.Text.Encoding.ASCII.GetBytes($"{x.id}\0");
            try
            {
                var decoded = TwsCodec.Default.Decode([.. head, .. x.body], x.version, x.direction);
                Assert.False(decoded.IsUnknown, $"id {x.id} is registered");
            }
            catch (ProtocolException)
            {
            }
        }, maxTest: 3000);

    [Fact]
    public void Text_only_messages_decode_from_protobuf_too_for_a_peer_that_sends_it()
    {
        var frame = TwsCodec.Default.EncodeToArray(new TickEFP { ReqId = 4, TickType = 38 }, 213, ServerToClient, WireEncoding.Protobuf);
        Assert.Equal(47 + 200, BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4)));
        Assert.Equal(38, Assert.IsType<TickEFP>(TwsCodec.Default.Decode(frame.AsSpan(4), 213, ServerToClient).Message).TickType);
    }
}
