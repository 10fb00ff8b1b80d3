using System.Globalization;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages.MarketData;

/// <summary>
/// A fast path for the plain decimal prices ticks carry ("187.25", "-0.5", "4210"), for the tickPrice hot path.
/// Up to 15 significant digits fit a double's 53-bit mantissa exactly and 10^k is exact for k ≤ 22, so one IEEE
/// division gives the correctly rounded value: the same double <see cref="double.Parse(string)"/> returns
/// (Clinger's fast path). Anything else (exponents, "Infinity", the UNSET_DOUBLE sentinel, long mantissas)
/// falls back to <see cref="TextFieldReader.ReadDoubleOrUnset"/>'s rules.
/// </summary>
internal static class FastPrice
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Reads a double field like <see cref="TextFieldReader.ReadDoubleOrUnset"/>, faster for plain decimals.</summary>
    public static double? Read(ref TextFieldReader f, string field)
    {
        var start = f.Position;
        var raw = f.ReadRaw(field);
        if (raw.IsEmpty) return null;
        if (TryParsePlain(raw, out var value)) return value;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return value == double.MaxValue ? null : value;
        throw f.Error($"'{System.Text.Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 40)])}' is not a number", field, start);
    }

    /// <summary>[-]digits[.digits] with at most 15 digits in all; false for anything else.</summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> raw, out double value)
    {
        value = 0;
        if (raw.IsEmpty) return false;
        var i = 0;
        var negative = raw[0] == (byte)'-';
        if (negative) i = 1;
        long mantissa = 0;
        int digits = 0, fraction = 0;
        var seenPoint = false;
        for (; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'.')
            {
                if (seenPoint) return false;
                seenPoint = true;
                continue;
            }
            var d = (uint)(b - '0');
            if (d > 9 || ++digits > 15) return false;
            mantissa = mantissa * 10 + d;
            if (seenPoint) fraction++;
        }
        // Need a digit on both sides of a point, as the wire always has ("187.25", not ".5" or "1.").
        if (digits == 0 || (seenPoint && (fraction == 0 || fraction == digits))) return false;
        var result = mantissa / PowersOf10[fraction];
        value = negative ? -result : result;
        return true;
    }
}
