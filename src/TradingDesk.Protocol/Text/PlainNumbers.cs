namespace TradingDesk.Protocol.Text;

/// <summary>
/// Fast paths for the numbers the wire carries most: plain decimals ("187.25", "-0.5", "4210") and short integers
/// ("13", "-1", "0"). Each either gives exactly what the BCL parser would, or declines and leaves the field to it.
/// Doubles: up to 15 significant digits fit a double's 53-bit mantissa exactly and 10^k is exact for k ≤ 22, so one
/// IEEE division gives the correctly rounded value, the same double <see cref="double.Parse(string)"/> returns
/// (Clinger's fast path). Exponents, "Infinity", the UNSET_DOUBLE sentinel and long mantissas are declined.
/// </summary>
internal static class PlainNumbers
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>[-]digits[.digits] with at most 15 digits in all; false for anything else.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> raw, out double value)
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

    /// <summary>[-]digits with at most 9 digits (always inside int's range); false for anything else.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> raw, out int value)
    {
        value = 0;
        var i = raw.Length > 0 && raw[0] == (byte)'-' ? 1 : 0;
        var digits = raw.Length - i;
        if (digits is 0 or > 9) return false;
        var result = 0;
        for (; i < raw.Length; i++)
        {
            var d = (uint)(raw[i] - '0');
            if (d > 9) return false;
            result = result * 10 + (int)d;
        }
        value = raw[0] == (byte)'-' ? -result : result;
        return true;
    }
}
