using FsCheck;
using FsCheck.Fluent;
using TradingDesk.Protocol.Tests.Support;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// A bag of random field values that the order builders pull from in order, so one generated sample can fill the
/// ~150 optional fields of an order without a 150-clause query. Values are those the text form keeps exactly
/// (see <see cref="Gens"/>): optional strings are never empty, ints and doubles never the sentinels.
/// </summary>
public sealed class OrderSample
{
    private readonly string?[] _strings;
    private readonly int?[] _ints;
    private readonly double?[] _doubles;
    private readonly bool[] _bools;
    private readonly int[] _choices;
    private readonly string?[] _decimals;
    private readonly long?[] _longs;
    private int _s, _i, _d, _b, _c, _m, _l;

    private OrderSample(string?[] strings, int?[] ints, double?[] doubles, bool[] bools, int[] choices, string?[] decimals, long?[] longs)
    {
        _strings = strings;
        _ints = ints;
        _doubles = doubles;
        _bools = bools;
        _choices = choices;
        _decimals = decimals;
        _longs = longs;
    }

    public static Gen<OrderSample> Gen =>
        from s in FsCheck.Fluent.Gen.ArrayOf(Gens.Optional(Gens.Text), 97)
        from i in FsCheck.Fluent.Gen.ArrayOf(Gens.OptionalValue(Gens.Int), 61)
        from d in FsCheck.Fluent.Gen.ArrayOf(Gens.OptionalValue(Gens.Double), 83)
        from b in FsCheck.Fluent.Gen.ArrayOf(Gens.Bool, 67)
        from c in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, 9_999), 41)
        from m in FsCheck.Fluent.Gen.ArrayOf(Gens.Optional(Gens.Decimal), 13)
        from l in FsCheck.Fluent.Gen.ArrayOf(Gens.OptionalValue(Gens.Long), 7)
        select new OrderSample(s, i, d, b, c, m, l);

    /// <summary>An optional non-empty string.</summary>
    public string? S() => _strings[_s++ % _strings.Length];

    /// <summary>A non-empty string (for a field that must be present).</summary>
    public string Text() => S() ?? "X" + Pick(1000);

    /// <summary>A string without the separators of IB's "tag=value;" list.</summary>
    public string Token() => Text().Replace(";", "").Replace("=", "") is { Length: > 0 } t ? t : "t";

    public int? I() => _ints[_i++ % _ints.Length];
    public double? D() => _doubles[_d++ % _doubles.Length];
    public bool B() => _bools[_b++ % _bools.Length];
    public string? Dec() => _decimals[_m++ % _decimals.Length];
    public long? L() => _longs[_l++ % _longs.Length];

    /// <summary>A choice in 0..n-1.</summary>
    public int Pick(int n) => _choices[_c++ % _choices.Length] % n;

    public T Pick<T>(params T[] items) => items[Pick(items.Length)];

    /// <summary>Sets a field when the sample has a value for it.</summary>
    public void Set<T>(T? value, Action<T> set) where T : class
    {
        if (value is not null) set(value);
    }

    public void Set<T>(T? value, Action<T> set) where T : struct
    {
        if (value is { } v) set(v);
    }

    public override string ToString() => $"OrderSample(strings[0]={_strings[0]}, ints[0]={_ints[0]})";
}
