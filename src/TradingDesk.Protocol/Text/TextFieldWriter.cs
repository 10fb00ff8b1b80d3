using System.Globalization;
using System.Text;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Protocol.Text;

/// <summary>
/// Writes NUL-terminated ASCII fields into a frame being built. Unset values are written the way IB's clients
/// write them: empty fields (IB's make_field_handle_empty), never the numeric sentinels.
/// Doubles use the shortest text that parses back to the same value, in the invariant culture.
/// </summary>
public readonly ref struct TextFieldWriter
{
    private readonly FrameBuffer _buffer;

    public TextFieldWriter(FrameBuffer buffer, Google.Protobuf.IMessage? companion = null)
    {
        _buffer = buffer;
        Companion = companion;
    }

    /// <summary>A second message the frame must carry (see <see cref="TextFieldReader.Companion"/>).</summary>
    public Google.Protobuf.IMessage? Companion { get; }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
            throw new ProtocolException("a text field cannot contain a NUL byte");
        _buffer.Write(bytes);
        _buffer.Write(0);
    }

    public void WriteEmpty() => _buffer.Write(0);

    public void WriteString(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            _buffer.Write(0);
            return;
        }
        if (value.Contains('\0'))
            throw new ProtocolException("a text field cannot contain a NUL character");
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        var written = Encoding.UTF8.GetBytes(value, span);
        span[written] = 0;
        _buffer.Advance(written + 1);
    }

    public void WriteInt(int value)
    {
        var span = _buffer.GetSpan(12);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        span[written] = 0;
        _buffer.Advance(written + 1);
    }

    public void WriteIntOrUnset(int? value)
    {
        if (value is { } v) WriteInt(v);
        else WriteEmpty();
    }

    public void WriteLong(long value)
    {
        var span = _buffer.GetSpan(21);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        span[written] = 0;
        _buffer.Advance(written + 1);
    }

    public void WriteLongOrUnset(long? value)
    {
        if (value is { } v) WriteLong(v);
        else WriteEmpty();
    }

    public void WriteDouble(double value)
    {
        var span = _buffer.GetSpan(33);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        span[written] = 0;
        _buffer.Advance(written + 1);
    }

    public void WriteDoubleOrUnset(double? value)
    {
        if (value is { } v) WriteDouble(v);
        else WriteEmpty();
    }

    /// <summary>Writes <paramref name="value"/> when the proto field is set (<paramref name="has"/>), else an empty field.</summary>
    public void WriteIntOrUnset(bool has, int value)
    {
        if (has) WriteInt(value);
        else WriteEmpty();
    }

    public void WriteLongOrUnset(bool has, long value)
    {
        if (has) WriteLong(value);
        else WriteEmpty();
    }

    public void WriteDoubleOrUnset(bool has, double value)
    {
        if (has) WriteDouble(value);
        else WriteEmpty();
    }

    public void WriteBoolOrUnset(bool has, bool value)
    {
        if (has) WriteBool(value);
        else WriteEmpty();
    }

    public void WriteBool(bool value) => WriteRaw(value ? "1"u8 : "0"u8);

    public void WriteBoolOrUnset(bool? value)
    {
        if (value is { } v) WriteBool(v);
        else WriteEmpty();
    }
}
