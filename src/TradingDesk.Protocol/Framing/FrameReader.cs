using System.Buffers;
using System.Buffers.Binary;

namespace TradingDesk.Protocol.Framing;

/// <summary>
/// Splits a byte stream into IB frames: a 4-byte big-endian length N, then N bytes of payload.
/// The length is checked against <see cref="MaxPayloadLength"/> before anything is sized from it,
/// so a hostile length costs nothing but this check.
/// </summary>
public static class FrameReader
{
    /// <summary>IB's MAX_MSG_LEN: 0xFFFFFF (16 MiB − 1). IB's clients raise BAD_LENGTH (507) above it.</summary>
    public const int MaxPayloadLength = 0xFFFFFF;

    /// <summary>Bytes taken by the length prefix.</summary>
    public const int HeaderLength = 4;

    /// <summary>
    /// Takes one whole frame from the front of <paramref name="buffer"/>, if there is one.
    /// Returns false (and leaves the buffer alone) while the frame is incomplete.
    /// The payload is a slice of the caller's buffer: no copy.
    /// </summary>
    /// <param name="streamOffset">Offset of the buffer's start in the stream, for error messages.</param>
    /// <exception cref="ProtocolException">The length is negative (top bit set) or over the cap.</exception>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload, long streamOffset = 0)
    {
        payload = default;
        if (buffer.Length < HeaderLength) return false;

        var length = PeekLength(buffer, streamOffset);
        if (buffer.Length - HeaderLength < length) return false;

        payload = buffer.Slice(HeaderLength, length);
        buffer = buffer.Slice(HeaderLength + length);
        return true;
    }

    /// <summary>Reads and validates the length prefix at the start of <paramref name="buffer"/> (which holds at least 4 bytes).</summary>
    public static int PeekLength(in ReadOnlySequence<byte> buffer, long streamOffset = 0)
    {
        uint raw;
        if (buffer.FirstSpan.Length >= HeaderLength)
        {
            raw = BinaryPrimitives.ReadUInt32BigEndian(buffer.FirstSpan);
        }
        else
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            buffer.Slice(0, HeaderLength).CopyTo(header);
            raw = BinaryPrimitives.ReadUInt32BigEndian(header);
        }
        return Validate(raw, streamOffset);
    }

    /// <summary>Checks a raw length prefix: not negative as a signed int, not over the cap.</summary>
    public static int Validate(uint raw, long streamOffset)
    {
        if (raw > int.MaxValue)
            throw new ProtocolException($"negative frame length {(int)raw}", field: "length", offset: streamOffset);
        if (raw > MaxPayloadLength)
            throw new ProtocolException($"frame length {raw} is over the cap of {MaxPayloadLength}", field: "length", offset: streamOffset);
        return (int)raw;
    }
}
