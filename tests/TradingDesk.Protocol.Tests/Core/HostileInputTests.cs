using System.Buffers;
using FsCheck.Fluent;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Tests.Support;
using Xunit;

namespace TradingDesk.Protocol.Tests.Core;

/// <summary>Whatever bytes arrive, the codec answers with a message, an unknown message or a ProtocolException: nothing else.</summary>
public sealed class HostileInputTests
{
    private static readonly int[] Versions = CodecAssert.Versions;

    [Fact]
    public void Random_payloads_yield_only_protocol_exceptions() => Property.ForAll(
        from version in Gen.Elements(Versions)
        from direction in Gen.Elements(Direction.ClientToServer, Direction.ServerToClient)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))
        select (version, direction, bytes),
        x => DecodeOrProtocolError(x.bytes, x.version, x.direction), maxTest: 2000);

    [Fact]
    public void Random_payloads_behind_a_real_id_yield_only_protocol_exceptions() => Property.ForAll(
        from version in Gen.Elements(Versions)
        from direction in Gen.Elements(Direction.ClientToServer, Direction.ServerToClient)
        from id in Gen.Choose(1, 111)
        from protobuf in Gen.Elements(true, false)
        from body in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0x30, 0x39)), (1, Gen.Constant(0)), (1, Gen.Choose(0, 255))).Select(i => (byte)i))
        select (version, direction, id, protobuf, body),
        x =>
        {
            var head = IdBytes(x.version, x.id, x.protobuf);
            DecodeOrProtocolError([.. head, .. x.body], x.version, x.direction);
        }, maxTest: 3000);

    [Fact]
    public void Every_truncation_of_valid_frames_yields_only_protocol_exceptions()
    {
        foreach (var (payload, version, direction) in ValidPayloads())
            for (var cut = 0; cut < payload.Length; cut++)
                DecodeOrProtocolError(payload[..cut], version, direction);
    }

    [Fact]
    public void A_non_number_where_a_number_belongs_names_message_field_and_offset()
    {
        var ex = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.Decode(Wire.Payload("49\\01\\0soon\\0"), 173, Direction.ServerToClient, payloadOffset: 100));
        Assert.Equal(49, ex.MessageId);
        Assert.Equal("currentTime", ex.Field);
        Assert.Equal(100 + 5, ex.Offset); // "49\0" + "1\0" = 5 bytes before the bad field
    }

    [Fact]
    public void A_trailing_field_with_content_is_an_error()
    {
        var ex = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.Decode(Wire.Payload("9\\01\\05\\0extra\\0"), 173, Direction.ServerToClient));
        Assert.Contains("trailing", ex.Message);
    }

    [Fact]
    public void An_unknown_id_is_a_typed_unknown_message_with_a_copy_of_the_payload()
    {
        var payload = Wire.Payload("250\\0abc\\0");
        var decoded = TwsCodec.Default.Decode(payload, 176, Direction.ServerToClient);
        Assert.True(decoded.IsUnknown);
        Assert.Equal(250, decoded.Unknown!.Id);
        Assert.Equal("abc\0"u8.ToArray(), decoded.Unknown.Payload);
    }

    [Fact]
    public void A_truncated_protobuf_names_the_message()
    {
        var frame = TwsCodec.Default.EncodeToArray(new IBApi.protobuf.ErrorMessage { Id = 5, ErrorCode = 200, ErrorMsg = "No security definition" }, 213, Direction.ServerToClient);
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(frame.AsSpan(4, frame.Length - 8), 213, Direction.ServerToClient));
        Assert.Equal(IncomingIds.Error, ex.MessageId);
    }

    private static byte[] IdBytes(int serverVersion, int id, bool protobuf)
    {
        if (serverVersion < ServerVersions.Protobuf) return System.Text.Encoding.ASCII.GetBytes($"{id}\0");
        var head = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(head, protobuf ? id + 200 : id);
        return head;
    }

    private static IEnumerable<(byte[] Payload, int Version, Direction Direction)> ValidPayloads()
    {
        yield return (Wire.Payload("4\\02\\0-1\\02104\\0Market data farm connection is OK:usfarm\\0\\0"), 173, Direction.ServerToClient);
        yield return (Wire.Payload("71\\02\\028\\0\\0"), 173, Direction.ClientToServer);
        yield return (Wire.Payload("49\\01\\01752606307\\0"), 173, Direction.ServerToClient);
        foreach (var version in new[] { 201, 213 })
        {
            var frame = TwsCodec.Default.EncodeToArray(new IBApi.protobuf.ErrorMessage { Id = -1, ErrorCode = 2104, ErrorMsg = "ok", ErrorTime = 1 }, version, Direction.ServerToClient);
            yield return (frame[4..], version, Direction.ServerToClient);
        }
    }

    private static void DecodeOrProtocolError(byte[] payload, int version, Direction direction)
    {
        try
        {
            TwsCodec.Default.Decode(payload, version, direction);
        }
        catch (ProtocolException)
        {
        }
        // Anything else propagates and fails the property.
    }
}
