using FsCheck;
using FsCheck.Fluent;

namespace TradingDesk.Protocol.Tests.Support;

/// <summary>
/// Generators of field values the text form can carry. Text cannot tell an empty string from an unset one,
/// nor 2147483647 / 1.7976931348623157E308 from unset (they are IB's sentinels), so these never produce them:
/// an optional field is either unset (null) or a value the text form keeps exactly.
/// </summary>
public static class Gens
{
    private static readonly char[] Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;-_/+=()&%$#@!?".ToCharArray();

    public static Gen<int> Int => Gen.Choose(int.MinValue + 1, int.MaxValue - 1);
    public static Gen<int> SmallInt => Gen.Choose(-1, 100_000);
    public static Gen<long> Long => from hi in Gen.Choose(-100_000, 100_000) from lo in Gen.Choose(0, int.MaxValue) select (long)hi * int.MaxValue + lo;
    public static Gen<bool> Bool => Gen.Elements(true, false);

    /// <summary>Finite doubles, including negatives, zero, tiny and huge magnitudes; never the UNSET_DOUBLE sentinel.</summary>
    public static Gen<double> Double => Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0),
        Gen.Elements(0.0, -0.5, 1e-9, 123456.789, 1.5e300, -2.25e-300),
        from a in Gen.Choose(int.MinValue, int.MaxValue) from b in Gen.Choose(1, int.MaxValue) select (double)a / b);

    /// <summary>A non-empty string without NUL (text fields are NUL-terminated).</summary>
    public static Gen<string> Text =>
        from length in Gen.Choose(1, 24)
        from chars in Gen.ArrayOf(Gen.Elements(Alphabet), length)
        select new string(chars).Trim() is { Length: > 0 } s ? s : "x";

    /// <summary>A decimal quantity as IB writes it: "100", "0.5", "-12.25".</summary>
    public static Gen<string> Decimal =>
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Choose(0, 4)
        select (units / (decimal)Math.Pow(10, scale)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Gen<T?> Optional<T>(Gen<T> value) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, value.Select(v => (T?)v)));

    public static Gen<T?> OptionalValue<T>(Gen<T> value) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, value.Select(v => (T?)v)));

    public static Gen<int> Version => Gen.Elements(CodecAssert.Versions);
}
