using System.Buffers;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Tests.Orders;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Core;

/// <summary>
/// A protobuf frame that a pipe hands over in several segments is parsed where it lies, not copied first: it must
/// decode to the same message, fail with the same error, and hand out nothing that still points at the pipe's buffer.
/// </summary>
public sealed class SegmentedProtobufTests
{
    private const int Version = 225;

    // The captured openOrder (vector [1]) as a server at 225 sends it: binary id 205, then the protobuf body.
    private static readonly byte[] OpenOrderPayload = ProtobufPayload();

    private static byte[] ProtobufPayload()
    {
        var order = TwsCodec.Default.Decode(Wire.Payload(OrderVectorTests.TslaOpenOrder), 164, ServerToClient).Message!;
        return TwsCodec.Default.EncodeToArray(order, Version, ServerToClient, WireEncoding.Protobuf)[FrameReader.HeaderLength..];
    }

    [Fact]
    public void Every_two_way_split_decodes_to_the_contiguous_message()
    {
        var whole = TwsCodec.Default.Decode(OpenOrderPayload, Version, ServerToClient);
        Assert.Equal(13, Assert.IsType<OpenOrder>(whole.Message).OrderId);
        // Splits inside the 4-byte id, inside the nested messages' length prefixes and inside strings.
        for (var at = 1; at < OpenOrderPayload.Length; at++)
        {
            var split = Segments.Build(OpenOrderPayload[..at], OpenOrderPayload[at..]);
            var decoded = TwsCodec.Default.Decode(split, Version, ServerToClient);
            Assert.Equal(WireEncoding.Protobuf, decoded.Encoding);
            Assert.Equal(IncomingIds.OpenOrder, decoded.Id);
            Assert.Equal(whole.Message, decoded.Message);
        }
    }

    [Fact]
    public void A_frame_in_one_byte_segments_decodes()
    {
        var decoded = TwsCodec.Default.Decode(Segments.Build(OpenOrderPayload.Select(b => new[] { b }).ToArray()), Version, ServerToClient);
        Assert.Equal(TwsCodec.Default.Decode(OpenOrderPayload, Version, ServerToClient).Message, decoded.Message);
    }

    [Fact]
    public void The_message_does_not_reference_the_segments_it_was_parsed_from()
    {
        var first = OpenOrderPayload[..100];
        var rest = OpenOrderPayload[100..];
        var decoded = TwsCodec.Default.Decode(Segments.Build(first, rest), Version, ServerToClient);
        var expected = ((OpenOrder)decoded.Message!).Clone();
        // The pipe reuses its buffers once the frame is consumed.
        Array.Fill(first, (byte)0xEE);
        Array.Fill(rest, (byte)0xEE);
        Assert.Equal(expected, decoded.Message);
    }

    [Fact]
    public void A_truncated_body_fails_as_the_contiguous_one_does()
    {
        var truncated = OpenOrderPayload[..^7];
        var contiguous = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(truncated, Version, ServerToClient, 40));
        var segmented = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.Decode(Segments.Build(truncated[..50], truncated[50..]), Version, ServerToClient, 40));
        Assert.Equal(contiguous.Message, segmented.Message);
        Assert.Equal(44, segmented.Offset);
        Assert.IsType(contiguous.InnerException!.GetType(), segmented.InnerException);
    }

    [Fact]
    public void An_unknown_protobuf_id_keeps_a_copy_of_its_body()
    {
        // Binary id 450: message 250, which IB does not define.
        byte[] payload = [0, 0, 0x01, 0xC2, 0x08, 0x96, 0x01, 0x10, 0x01];
        var first = payload[..3];
        var rest = payload[3..];
        var decoded = TwsCodec.Default.Decode(Segments.Build(first, rest), Version, ServerToClient);
        Assert.True(decoded.IsUnknown);
        Array.Fill(rest, (byte)0);
        Assert.Equal(payload[4..], decoded.Unknown!.Payload);
        Assert.Equal(250, decoded.Unknown.Id);
        Assert.Equal(WireEncoding.Protobuf, decoded.Unknown.Encoding);
    }

    [Fact]
    public void A_segmented_text_frame_with_a_binary_id_still_decodes()
    {
        var error = new ErrorMessage { Id = -1, ErrorTime = 1752606307000, ErrorCode = 2104, ErrorMsg = "Market data farm connection is OK:usfarm" };
        var payload = TwsCodec.Default.EncodeToArray(error, Version, ServerToClient, WireEncoding.Text)[FrameReader.HeaderLength..];
        var decoded = TwsCodec.Default.Decode(Segments.Build(payload[..2], payload[2..9], payload[9..]), Version, ServerToClient);
        Assert.Equal(WireEncoding.Text, decoded.Encoding);
        Assert.Equal(error, decoded.Message);
    }

    [Fact]
    public void A_segmented_frame_shorter_than_the_id_is_refused()
    {
        var error = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.Decode(Segments.Build([0, 0], [205]), Version, ServerToClient));
        Assert.Contains("too short for a binary message id", error.Message);
    }
}
