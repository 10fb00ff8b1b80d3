using System.Buffers;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Tests.Support;
using Xunit;

namespace TradingDesk.Protocol.Tests.Core;

public sealed class FramingTests
{
    private static readonly byte[][] Frames =
    [
        Wire.Frame(Wire.Payload("49\\01\\01752606307\\0")),
        Wire.Frame(Wire.Payload("15\\01\\0DU1234567\\0")),
        Wire.Frame(Wire.Payload("9\\01\\05\\0")),
        Wire.Frame(Wire.Payload("4\\02\\0-1\\02104\\0Market data farm connection is OK:usfarm\\0\\0")),
    ];

    private static readonly byte[] Stream = Wire.Concat(Frames);

    [Fact]
    public void Many_frames_in_one_read_come_out_in_order()
    {
        var buffer = new ReadOnlySequence<byte>(Stream);
        var payloads = new List<byte[]>();
        while (FrameReader.TryReadFrame(ref buffer, out var payload)) payloads.Add(payload.ToArray());
        Assert.True(buffer.IsEmpty);
        Assert.Equal(Frames.Select(f => f[4..]), payloads);
    }

    [Fact]
    public void Fed_one_byte_at_a_time_every_frame_arrives_once_and_whole()
    {
        var payloads = FeedInChunks(Stream, Enumerable.Repeat(1, Stream.Length));
        Assert.Equal(Frames.Select(f => f[4..]), payloads);
    }

    [Fact]
    public void Random_splits_give_the_same_frames() => Property.ForAll(
        Gen.ListOf(Gen.Choose(1, 17), 64),
        sizes => Assert.Equal(Frames.Select(f => f[4..]), FeedInChunks(Stream, sizes.Concat(Enumerable.Repeat(1, Stream.Length)))));

    [Fact]
    public void A_frame_split_across_segments_decodes()
    {
        var frame = Frames[3];
        var sequence = Segments.Build(frame[..7], frame[7..20], frame[20..]);
        Assert.True(FrameReader.TryReadFrame(ref sequence, out var payload));
        Assert.False(payload.IsSingleSegment);
        var decoded = TwsCodec.Default.Decode(payload, 173, Direction.ServerToClient);
        Assert.Equal(2104, Assert.IsType<ErrorMessage>(decoded.Message).ErrorCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00 }, "over the cap")]   // 16 MiB: one past the cap
    [InlineData(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF }, "over the cap")]
    [InlineData(new byte[] { 0x80, 0x00, 0x00, 0x00 }, "negative")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, "negative")]
    public void Hostile_lengths_are_refused_before_any_buffer_is_sized(byte[] header, string reason)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var buffer = new ReadOnlySequence<byte>(header);
        var ex = Assert.Throws<ProtocolException>(() => FrameReader.TryReadFrame(ref buffer, out _, 1000));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(reason, ex.Message);
        Assert.Equal(1000, ex.Offset);
        Assert.Equal("length", ex.Field);
        // The exception and its message cost a few hundred bytes; nothing near the claimed 16 MiB to 4 GiB.
        Assert.True(allocated < 16_384, $"allocated {allocated} bytes for a refused length");
    }

    [Fact]
    public void The_cap_itself_is_allowed_and_just_waits_for_more_bytes()
    {
        var buffer = new ReadOnlySequence<byte>([0x00, 0xFF, 0xFF, 0xFF, 1, 2, 3]);
        Assert.False(FrameReader.TryReadFrame(ref buffer, out _));
        Assert.Equal(7, buffer.Length); // nothing consumed
    }

    private static List<byte[]> FeedInChunks(byte[] stream, IEnumerable<int> sizes)
    {
        // A pipe-like accumulator: append a chunk, take every whole frame, keep the rest.
        var pending = Array.Empty<byte>();
        var payloads = new List<byte[]>();
        var position = 0;
        using var size = sizes.GetEnumerator();
        while (position < stream.Length && size.MoveNext())
        {
            var take = Math.Min(size.Current, stream.Length - position);
            pending = [.. pending, .. stream.AsSpan(position, take)];
            position += take;
            var buffer = new ReadOnlySequence<byte>(pending);
            while (FrameReader.TryReadFrame(ref buffer, out var payload)) payloads.Add(payload.ToArray());
            pending = buffer.ToArray();
        }
        Assert.Empty(pending);
        return payloads;
    }
}
