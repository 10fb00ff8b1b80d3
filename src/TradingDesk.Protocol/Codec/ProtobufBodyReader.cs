using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace TradingDesk.Protocol.Codec;

/// <summary>
/// Reads protobuf's wire format from one contiguous message body, for the parsers the codec has of its own
/// (<see cref="TradingDesk.Protocol.Messages.Orders.OrderBodies"/>). It follows Google.Protobuf's reading rules, so the
/// two parsers agree on every body: a tag's field number is never 0, 32-bit values are the low bits of a varint of
/// up to 10 bytes, a length is non-negative and fits what is left, a string must be valid UTF-8, and an end-group
/// tag outside a group is malformed. Fields it does not know are skipped, not kept.
/// </summary>
internal ref struct ProtobufBodyReader(ReadOnlySpan<byte> body)
{
    // Google.Protobuf's default recursion limit, for the unknown groups skipped inside each other.
    private const int GroupDepthLimit = 100;

    // Strict, as Google.Protobuf's reading is: a string that is not UTF-8 refuses the body.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Short strings repeat on IB's wire (symbols, exchanges, currencies, actions, order types, statuses, accounts):
    // the last one seen in each slot is handed out again instead of a new copy. Slots are written without a lock;
    // a reader compares the whole value before using one, so a race costs at most an allocation.
    private const int ShortString = 24;
    private const int SlotBits = 10;
    private static readonly string?[] Recent = new string?[1 << SlotBits];

    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    /// <summary>The end of the whole body: the limit of the outermost message.</summary>
    public readonly int End => _body.Length;

    /// <summary>The next tag before <paramref name="limit"/>, or 0 once the message ends there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadTag(int limit)
    {
        if (_position >= limit)
        {
            if (_position > limit) throw Malformed("a field runs past the end of its message");
            return 0;
        }
        var tag = (uint)ReadVarint();
        // Field 0 here, since a tag of 0 would read as the message's end. An end-group tag is checked where it is
        // skipped: no read method has a case for one, so it always gets there.
        if (tag >> 3 == 0) throw Malformed("a tag with field number 0");
        return tag;
    }

    public int ReadInt32() => (int)ReadVarint();

    public long ReadInt64() => (long)ReadVarint();

    public bool ReadBool() => ReadVarint() != 0;

    public double ReadDouble()
    {
        if (_body.Length - _position < 8) throw Truncated();
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_body[_position..]);
        _position += 8;
        return value;
    }

    public string ReadString()
    {
        var length = ReadLength();
        var bytes = _body.Slice(_position, length);
        var value = length == 0 ? "" : (length <= ShortString ? Shared(bytes) : null) ?? Decode(bytes);
        _position += length;
        return value;
    }

    // Null for a string that is not ASCII. The slot comes from the length and the first and last bytes, not from every
    // byte: a collision only costs an allocation. A hit needs no check of its own, since the bytes equal an ASCII string.
    private static string? Shared(ReadOnlySpan<byte> bytes)
    {
        var ends = bytes.Length >= 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) * 0x9E3779B1u ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..])
            : bytes[0] | (uint)bytes[^1] << 8 | (uint)bytes[bytes.Length / 2] << 16;
        var hash = (ends ^ (uint)bytes.Length << 27) * 0x85EBCA77u;
        ref var slot = ref Recent[hash >> (32 - SlotBits)];
        var seen = slot;
        if (seen is not null && SameAscii(bytes, seen)) return seen;
        if (!Ascii.IsValid(bytes)) return null;
        var value = Encoding.ASCII.GetString(bytes);
        slot = value;
        return value;
    }

    private static bool SameAscii(ReadOnlySpan<byte> bytes, string seen)
    {
        if (seen.Length != bytes.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] != seen[i]) return false;
        return true;
    }

    private readonly string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Utf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("a string that is not UTF-8");
        }
    }

    /// <summary>Enters a length-delimited message: returns where it ends, the limit for its fields.</summary>
    public int ReadMessageLimit()
    {
        var length = ReadLength();
        return _position + length;
    }

    /// <summary>Passes over a field this parser does not read (unknown, or a known number with another wire type).</summary>
    public void Skip(uint tag)
    {
        if (tag >> 3 == 0) throw Malformed("a tag with field number 0");
        if ((tag & 7) == 4) throw Malformed("an end-group tag outside a group");
        Skip(tag, depth: 0);
    }

    private void Skip(uint tag, int depth)
    {
        switch (tag & 7)
        {
            case 0: ReadVarint(); break;
            case 1: Advance(8); break;
            case 2: Advance(ReadLength()); break;
            case 3: SkipGroup(tag >> 3, depth + 1); break;
            case 5: Advance(4); break;
            default: throw Malformed($"wire type {tag & 7}");
        }
    }

    private void SkipGroup(uint field, int depth)
    {
        if (depth > GroupDepthLimit) throw Malformed($"groups nested deeper than {GroupDepthLimit}");
        while (true)
        {
            if (_position >= _body.Length) throw Truncated();
            var tag = (uint)ReadVarint();
            if (tag >> 3 == 0) throw Malformed("a tag with field number 0");
            if ((tag & 7) == 4)
            {
                if (tag >> 3 != field) throw Malformed($"group {field} ended by the end tag of {tag >> 3}");
                return;
            }
            Skip(tag, depth);
        }
    }

    private void Advance(int count)
    {
        if (_body.Length - _position < count) throw Truncated();
        _position += count;
    }

    private int ReadLength()
    {
        var length = (int)ReadVarint();
        if (length < 0) throw Malformed($"a negative length ({length})");
        if (_body.Length - _position < length) throw Truncated();
        return length;
    }

    // Most varints on IB's wire are one byte (small ids, booleans, lengths) or two (the tags of fields 16 to 2047,
    // which are most of Order's): those two cases are inlined, longer ones take the loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadVarint()
    {
        var at = _position;
        if (_body.Length - at >= 2)
        {
            uint first = _body[at];
            if (first < 0x80)
            {
                _position = at + 1;
                return first;
            }
            uint second = _body[at + 1];
            if (second < 0x80)
            {
                _position = at + 2;
                return (first & 0x7F) | second << 7;
            }
        }
        return ReadLongVarint();
    }

    private ulong ReadLongVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _body.Length) throw Truncated();
            var b = _body[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Malformed("a varint longer than 10 bytes");
    }

    private readonly MalformedProtobufException Truncated() =>
        new($"the body ends inside a field (at byte {_position} of {_body.Length})");

    private readonly MalformedProtobufException Malformed(string what) =>
        new($"{what} (at byte {_position} of {_body.Length})");
}

/// <summary>A body the codec's own protobuf parsers refuse; the codec reports it as it reports Google.Protobuf's refusals.</summary>
internal sealed class MalformedProtobufException(string message) : Exception(message);
