using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.Collections;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>
/// Generators for the market-data and historical families: request contracts as the text form carries them
/// (C12, BAG legs, delta-neutral block, TagValue option lists) and the small value types of the replies.
/// </summary>
public static class MarketDataGens
{
    private static readonly char[] TagAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.".ToCharArray();

    public static Gen<string?> OptText => Gens.Optional(Gens.Text);
    public static Gen<int?> OptInt => Gens.OptionalValue(Gens.Int);
    public static Gen<long?> OptLong => Gens.OptionalValue(Gens.Long);
    public static Gen<double?> OptDouble => Gens.OptionalValue(Gens.Double);
    public static Gen<string?> OptDecimal => Gens.Optional(Gens.Decimal);

    /// <summary>The C12 contract fields; primaryExchange only where the request carries it.</summary>
    public static Gen<Contract> C12(bool withPrimaryExchange = true) =>
        from conId in OptInt
        from symbol in OptText
        from secType in Gens.Optional(Gen.Elements("STK", "OPT", "FUT", "CASH", "IND"))
        from ltd in OptText
        from strike in OptDouble
        from right in Gens.Optional(Gen.Elements("C", "P"))
        from multiplier in OptDouble
        from exchange in OptText
        from primary in OptText
        from currency in OptText
        from local in OptText
        from tradingClass in OptText
        select BuildContract(conId, symbol, secType, ltd, strike, right, multiplier, exchange,
            withPrimaryExchange ? primary : null, currency, local, tradingClass);

    private static Contract BuildContract(int? conId, string? symbol, string? secType, string? ltd, double? strike,
        string? right, double? multiplier, string? exchange, string? primary, string? currency, string? local, string? tradingClass)
    {
        var c = new Contract();
        if (conId is { } id) c.ConId = id;
        if (symbol is not null) c.Symbol = symbol;
        if (secType is not null) c.SecType = secType;
        if (ltd is not null) c.LastTradeDateOrContractMonth = ltd;
        if (strike is { } s) c.Strike = s;
        if (right is not null) c.Right = right;
        if (multiplier is { } m) c.Multiplier = m;
        if (exchange is not null) c.Exchange = exchange;
        if (primary is not null) c.PrimaryExch = primary;
        if (currency is not null) c.Currency = currency;
        if (local is not null) c.LocalSymbol = local;
        if (tradingClass is not null) c.TradingClass = tradingClass;
        return c;
    }

    public static Gen<ComboLeg> Leg =>
        from conId in OptInt
        from ratio in OptInt
        from action in Gens.Optional(Gen.Elements("BUY", "SELL"))
        from exchange in OptText
        select BuildLeg(conId, ratio, action, exchange);

    private static ComboLeg BuildLeg(int? conId, int? ratio, string? action, string? exchange)
    {
        var leg = new ComboLeg();
        if (conId is { } id) leg.ConId = id;
        if (ratio is { } r) leg.Ratio = r;
        if (action is not null) leg.Action = action;
        if (exchange is not null) leg.Exchange = exchange;
        return leg;
    }

    /// <summary>A C12 contract that is sometimes a BAG with 0–3 legs (legs only ever on BAGs: text drops them otherwise).</summary>
    public static Gen<Contract> WithOptionalBag(Gen<Contract> contract) =>
        from c in contract
        from bag in Gens.Bool
        from n in Gen.Choose(0, 3)
        from legs in Gen.ArrayOf(Leg, n)
        select ApplyBag(c, bag, legs);

    private static Contract ApplyBag(Contract c, bool bag, IEnumerable<ComboLeg> legs)
    {
        if (!bag) return c;
        c.SecType = "BAG";
        c.ComboLegs.AddRange(legs);
        return c;
    }

    public static Gen<DeltaNeutralContract?> DeltaNeutral =>
        Gens.Optional(
            from conId in OptInt
            from delta in OptDouble
            from price in OptDouble
            select BuildDeltaNeutral(conId, delta, price));

    private static DeltaNeutralContract BuildDeltaNeutral(int? conId, double? delta, double? price)
    {
        var d = new DeltaNeutralContract();
        if (conId is { } id) d.ConId = id;
        if (delta is { } dl) d.Delta = dl;
        if (price is { } p) d.Price = p;
        return d;
    }

    /// <summary>TagValue options whose tags and values survive the text "tag=value;" form.</summary>
    public static Gen<KeyValuePair<string, string>[]> Options =>
        from n in Gen.Choose(0, 3)
        from options in Gen.ArrayOf(Option, n)
        select options;

    private static Gen<KeyValuePair<string, string>> Option =>
            from tagLength in Gen.Choose(1, 8)
            from tag in Gen.ArrayOf(Gen.Elements(TagAlphabet), tagLength)
            from valueLength in Gen.Choose(0, 8)
            from value in Gen.ArrayOf(Gen.Elements(TagAlphabet), valueLength)
            select new KeyValuePair<string, string>(new string(tag), new string(value));

    public static void Fill(MapField<string, string> map, IEnumerable<KeyValuePair<string, string>> options)
    {
        foreach (var (tag, value) in options) map[tag] = value;
    }
}
