using System.Globalization;
using System.Text;

namespace TradingDesk.Protocol.Text;

/// <summary>
/// From server 153 (ENCODE_MSG_ASCII7) TWS sends some text (error messages, long names) with non-ASCII
/// characters written as \uXXXX escapes, and IB's decoders turn them back. Only well-formed \uXXXX
/// sequences are touched; a lone backslash passes through as it is.
/// </summary>
public static class Ascii7
{
    public static string Unescape(string text)
    {
        var index = text.IndexOf("\\u", StringComparison.Ordinal);
        if (index < 0) return text;
        var builder = new StringBuilder(text.Length);
        var last = 0;
        while (index >= 0)
        {
            if (index + 6 <= text.Length &&
                ushort.TryParse(text.AsSpan(index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append(text, last, index - last).Append((char)code);
                last = index + 6;
            }
            index = text.IndexOf("\\u", index + 1, StringComparison.Ordinal);
        }
        return builder.Append(text, last, text.Length - last).ToString();
    }

    public static string Escape(string text)
    {
        var firstNonAscii = -1;
        for (var i = 0; i < text.Length; i++)
            if (text[i] > 127) { firstNonAscii = i; break; }
        if (firstNonAscii < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, firstNonAscii);
        for (var i = firstNonAscii; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 127) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
