using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Tests.Support;

namespace TradingDesk.Protocol.Tests.Contracts;

/// <summary>
/// Builds a generator of a protobuf message one optional field at a time, so a test's <c>Build(version, …)</c>
/// can list exactly the fields the text form carries at that version (and nothing else). Every optional field is
/// either left unset or given a value the text form keeps exactly (see <see cref="Gens"/>).
/// </summary>
internal sealed class FieldGen<T> where T : new()
{
    private readonly List<Gen<Action<T>>> _parts = [];

    public FieldGen<T> Text(Action<T, string> set) => Ref(Gens.Text, set);
    public FieldGen<T> Decimal(Action<T, string> set) => Ref(Gens.Decimal, set);
    public FieldGen<T> Int(Action<T, int> set) => Value(Gens.Int, set);
    public FieldGen<T> Long(Action<T, long> set) => Value(Gens.Long, set);
    public FieldGen<T> Double(Action<T, double> set) => Value(Gens.Double, set);
    public FieldGen<T> Bool(Action<T, bool> set) => Value(Gens.Bool, set);

    /// <summary>A field the text form always carries (IB always writes it, e.g. a request's 0/1 flag).</summary>
    public FieldGen<T> Always<TValue>(Gen<TValue> value, Action<T, TValue> set)
    {
        _parts.Add(value.Select(v => (Action<T>)(m => set(m, v))));
        return this;
    }

    /// <summary>Any other part: a sub-message, a repeated field, a map.</summary>
    public FieldGen<T> With(Gen<Action<T>> part)
    {
        _parts.Add(part);
        return this;
    }

    public FieldGen<T> Ref<TValue>(Gen<TValue> value, Action<T, TValue> set) where TValue : class =>
        With(Gens.Optional(value).Select(v => v is null ? (Action<T>)(_ => { }) : m => set(m, v)));

    public FieldGen<T> Value<TValue>(Gen<TValue> value, Action<T, TValue> set) where TValue : struct =>
        With(Gens.OptionalValue(value).Select(v => v is { } x ? (Action<T>)(m => set(m, x)) : _ => { }));

    public Gen<T> Gen() => FsCheck.Fluent.Gen.CollectToArray(_parts).Select(actions =>
    {
        var message = new T();
        foreach (var action in actions) action(message);
        return message;
    });
}

/// <summary>Generators of the contract blocks the text layouts of this family carry.</summary>
internal static class ContractGens
{
    /// <summary>A contract with the fields of <see cref="ContractText"/> for <paramref name="block"/>.</summary>
    public static Gen<Contract> Block(ContractFields block)
    {
        var g = new FieldGen<Contract>()
            .Int((c, v) => c.ConId = v)
            .Text((c, v) => c.Symbol = v)
            .Text((c, v) => c.SecType = v)
            .Text((c, v) => c.LastTradeDateOrContractMonth = v)
            .Double((c, v) => c.Strike = v)
            .Text((c, v) => c.Right = v)
            .Text((c, v) => c.Currency = v)
            .Text((c, v) => c.LocalSymbol = v);
        if (block.HasFlag(ContractFields.Multiplier)) g.Double((c, v) => c.Multiplier = v);
        if (block.HasFlag(ContractFields.Exchange)) g.Text((c, v) => c.Exchange = v);
        if (block.HasFlag(ContractFields.PrimaryExch)) g.Text((c, v) => c.PrimaryExch = v);
        if (block.HasFlag(ContractFields.TradingClass)) g.Text((c, v) => c.TradingClass = v);
        return g.Gen();
    }

    /// <summary>Whole numbers only: IB's contract decoders read evMultiplier as an int.</summary>
    public static Gen<double> WholeDouble => Gens.SmallInt.Select(i => (double)i);

    public static Gen<string> SecType(params string[] types) => Gen.Elements(types);
}

/// <summary>Server versions this family's round trips run at: the shared set plus the gates of its own layouts.</summary>
internal static class FamilyVersions
{
    public static readonly int[] Text = [100, 110, 121, 127, 135, 136, 150, 163, 164, 178, 179, 181, 182, 186, 188, 198];

    public static Xunit.TheoryData<int> All()
    {
        var data = new Xunit.TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat(Text).Distinct().Order()) data.Add(v);
        return data;
    }
}
