using System.Globalization;
using System.Text;

namespace TradingDesk.Protocol.Text;

/// <summary>
/// Reads the NUL-terminated ASCII fields of one text-protocol message, in order, straight from the frame's bytes.
/// Every read names the field it expects, so an error says message id, field name and byte offset.
/// Text-mode sentinels map to "not set": the empty string, 2147483647 (UNSET_INTEGER) and
/// 1.7976931348623157E308 (UNSET_DOUBLE), which TWS often writes literally.
/// Numbers take <see cref="PlainNumbers"/>' exact fast paths first and the sentinels are matched as bytes: a real
/// openOrder is mostly short integers, plain decimals and a dozen UNSET_DOUBLEs, which the BCL parsers are slow at.
/// </summary>
public ref struct TextFieldReader
{
    private const int UnsetInteger = int.MaxValue;
    private const long UnsetLong = long.MaxValue;
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles FloatStyle = NumberStyles.Float;

    private static ReadOnlySpan<byte> UnsetDoubleText => "1.7976931348623157E308"u8;

    private readonly ReadOnlySpan<byte> _payload;
    private readonly long _baseOffset;
    private int _position;

    /// <param name="payload">The frame payload (without the length prefix).</param>
    /// <param name="start">Where the fields start: after the ASCII id (text era) or the 4-byte binary id.</param>
    /// <param name="messageId">The message id, for error messages.</param>
    /// <param name="baseOffset">Stream offset of <paramref name="payload"/>[0], for error messages.</param>
    public TextFieldReader(ReadOnlySpan<byte> payload, int start, int messageId, long baseOffset)
    {
        _payload = payload;
        _position = start;
        MessageId = messageId;
        _baseOffset = baseOffset;
    }

    public int MessageId { get; }

    /// <summary>Offset of the next field inside the payload.</summary>
    public readonly int Position => _position;

    /// <summary>True while at least one more field is left.</summary>
    public readonly bool HasMore => _position < _payload.Length;

    /// <summary>
    /// A second message carried by the same text frame, set by the few decoders that need it
    /// (historicalData before server 196 carries its own end marker).
    /// </summary>
    public Google.Protobuf.IMessage? Companion { get; set; }

    /// <summary>The raw bytes of the next field, without its NUL.</summary>
    public ReadOnlySpan<byte> ReadRaw(string field)
    {
        if (_position >= _payload.Length)
            throw Error("missing field", field);
        var rest = _payload[_position..];
        var nul = rest.IndexOf((byte)0);
        if (nul < 0)
            throw Error("field is not NUL-terminated (truncated message)", field);
        _position += nul + 1;
        return rest[..nul];
    }

    public void Skip(string field) => ReadRaw(field);

    public string ReadString(string field)
    {
        var raw = ReadRaw(field);
        return raw.IsEmpty ? string.Empty : Encoding.UTF8.GetString(raw);
    }

    /// <summary>An empty field reads as null (not set).</summary>
    public string? ReadStringOrUnset(string field)
    {
        var raw = ReadRaw(field);
        return raw.IsEmpty ? null : Encoding.UTF8.GetString(raw);
    }

    public int ReadInt(string field)
    {
        var start = _position;
        var raw = ReadRaw(field);
        if (raw.IsEmpty) return 0; // IB's decoders read an empty int as 0.
        if (PlainNumbers.TryParseInt(raw, out var plain)) return plain;
        if (int.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value)) return value;
        throw Error($"'{Show(raw)}' is not an integer", field, start);
    }

    /// <summary>Empty or 2147483647 reads as null.</summary>
    public int? ReadIntOrUnset(string field)
    {
        var start = _position;
        var raw = ReadRaw(field);
        if (raw.IsEmpty) return null;
        if (PlainNumbers.TryParseInt(raw, out var plain)) return plain;
        if (int.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value))
            return value == UnsetInteger ? null : value;
        throw Error($"'{Show(raw)}' is not an integer", field, start);
    }

    public long ReadLong(string field) => ReadLongOrUnset(field) ?? 0;

    /// <summary>Empty or 9223372036854775807 reads as null.</summary>
    public long? ReadLongOrUnset(string field)
    {
        var start = _position;
        var raw = ReadRaw(field);
        if (raw.IsEmpty) return null;
        if (long.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value))
            return value == UnsetLong ? null : value;
        throw Error($"'{Show(raw)}' is not an integer", field, start);
    }

    public double ReadDouble(string field) => ReadDoubleOrUnset(field) ?? 0d;

    /// <summary>Empty or 1.7976931348623157E308 reads as null; "Infinity" and "-Infinity" are accepted.</summary>
    public double? ReadDoubleOrUnset(string field)
    {
        var start = _position;
        var raw = ReadRaw(field);
        if (raw.IsEmpty || raw.SequenceEqual(UnsetDoubleText)) return null;
        if (PlainNumbers.TryParseDouble(raw, out var plain)) return plain;
        if (double.TryParse(raw, FloatStyle, CultureInfo.InvariantCulture, out var value))
            return value == double.MaxValue ? null : value;
        throw Error($"'{Show(raw)}' is not a number", field, start);
    }

    /// <summary>"1"/"0" (also "true"/"false"); an empty field reads as false.</summary>
    public bool ReadBool(string field) => ReadBoolOrUnset(field) ?? false;

    public bool? ReadBoolOrUnset(string field)
    {
        var start = _position;
        var raw = ReadRaw(field);
        if (raw.IsEmpty) return null;
        if (raw.SequenceEqual("1"u8) || raw.SequenceEqual("true"u8) || raw.SequenceEqual("True"u8)) return true;
        if (raw.SequenceEqual("0"u8) || raw.SequenceEqual("false"u8) || raw.SequenceEqual("False"u8)) return false;
        if (int.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var number)) return number != 0;
        throw Error($"'{Show(raw)}' is not a boolean", field, start);
    }

    /// <summary>
    /// Ends the message: every field must have been consumed. Trailing <em>empty</em> fields are tolerated,
    /// because captured TWS sessions show stray empty fields after the last one IB's decoders read
    /// (orderStatus, contractDataEnd, commissionReport); a trailing field with content is an error.
    /// </summary>
    public void EnsureEnd()
    {
        while (_position < _payload.Length)
        {
            var start = _position;
            var raw = ReadRaw("(trailing)");
            if (!raw.IsEmpty)
                throw Error($"unexpected trailing field '{Show(raw)}'", "(trailing)", start);
        }
    }

    public readonly ProtocolException Error(string reason, string field, int? position = null) =>
        new(reason, MessageId, field, _baseOffset + (position ?? _position));

    private static string Show(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 40)]);
        return raw.Length > 40 ? text + "…" : text;
    }
}
