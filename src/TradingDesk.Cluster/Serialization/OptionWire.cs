using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using O = TradingDesk.Desk.Messages.OptionMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Options: parameters, chains, option computations, calculators, exercise.</summary>
internal static class OptionWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetOptionParameters, W.GetOptionParameters.Parser,
            (O.GetOptionParameters m) => new W.GetOptionParameters { Underlying = m.Underlying.ToWire(), FutFopExchange = m.FutFopExchange },
            w => new O.GetOptionParameters(w.Underlying.FromWire("underlying"), w.FutFopExchange));
        t.Add(Manifests.OptionParameterSet, W.OptionParameterSet.Parser, (O.OptionParameterSet m) => ToWire(m), FromWire);
        t.Add(Manifests.OptionParameters, W.OptionParameters.Parser,
            (O.OptionParameters m) => new W.OptionParameters { Underlying = m.Underlying.ToWire(), Sets = { m.Sets.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new O.OptionParameters(w.Underlying.FromWire("underlying"), w.Sets.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OptionChainFilter, W.OptionChainFilter.Parser, (O.OptionChainFilter m) => ToWire(m), w => FromWire(w));
        t.Add(Manifests.GetOptionChain, W.GetOptionChain.Parser,
            (O.GetOptionChain m) => new W.GetOptionChain { Underlying = m.Underlying.ToWire(), Filter = ToWire(m.Filter) },
            w => new O.GetOptionChain(w.Underlying.FromWire("underlying"), FromWire(Required(w.Filter, "filter"))));
        t.Add(Manifests.ChainOption, W.ChainOption.Parser, (O.ChainOption m) => ToWire(m), FromWire);
        t.Add(Manifests.OptionChain, W.OptionChain.Parser,
            (O.OptionChain m) => new W.OptionChain { Underlying = m.Underlying.ToWire(), Options = { m.Options.Select(ToWire) }, RequestsUsed = m.RequestsUsed, LocalTime = Time(m.LocalTime) },
            w => new O.OptionChain(w.Underlying.FromWire("underlying"), w.Options.Select(FromWire).ToList(), w.RequestsUsed, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OptionGreeks, W.OptionGreeks.Parser, (O.OptionGreeks m) => ToWire(m), w => FromWire(w));
        t.Add(Manifests.OptionComputation, W.OptionComputation.Parser,
            (O.OptionComputation m) => new W.OptionComputation { Subscription = m.Subscription.Value, Type = (int)m.Type, PriceBased = m.PriceBased, Greeks = ToWire(m.Greeks), LocalTime = Time(m.LocalTime) },
            w => new O.OptionComputation(new SubscriptionId(w.Subscription), DomainWire.Tick(w.Type), w.PriceBased, FromWire(Required(w.Greeks, "greeks")), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.CalculateImpliedVolatility, W.CalculateImpliedVolatility.Parser,
            (O.CalculateImpliedVolatility m) => new W.CalculateImpliedVolatility { Contract = m.Contract.ToWire(), OptionPrice = Dec(m.OptionPrice), UnderlyingPrice = Dec(m.UnderlyingPrice) },
            w => new O.CalculateImpliedVolatility(w.Contract.FromWire("contract"), Dec(w.OptionPrice, "option_price"), Dec(w.UnderlyingPrice, "underlying_price")));
        t.Add(Manifests.CalculateOptionPrice, W.CalculateOptionPrice.Parser,
            (O.CalculateOptionPrice m) => new W.CalculateOptionPrice { Contract = m.Contract.ToWire(), Volatility = Dec(m.Volatility), UnderlyingPrice = Dec(m.UnderlyingPrice) },
            w => new O.CalculateOptionPrice(w.Contract.FromWire("contract"), Dec(w.Volatility, "volatility"), Dec(w.UnderlyingPrice, "underlying_price")));
        t.Add(Manifests.OptionCalculation, W.OptionCalculation.Parser,
            (O.OptionCalculation m) => new W.OptionCalculation { Contract = m.Contract.ToWire(), Greeks = ToWire(m.Greeks), LocalTime = Time(m.LocalTime) },
            w => new O.OptionCalculation(w.Contract.FromWire("contract"), FromWire(Required(w.Greeks, "greeks")), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ExerciseOptions, W.ExerciseOptions.Parser,
            (O.ExerciseOptions m) => new W.ExerciseOptions { Contract = m.Contract.ToWire(), Action = ToWire(m.Action), Quantity = m.Quantity, Account = m.Account.Value, Override = m.Override },
            w => new O.ExerciseOptions(w.Contract.FromWire("contract"), FromWire(w.Action, "action"), w.Quantity, new AccountId(w.Account), w.Override));
        t.Add(Manifests.ExerciseSent, W.ExerciseSent.Parser,
            (O.ExerciseSent m) => new W.ExerciseSent
            {
                Contract = m.Contract.ToWire(), Action = ToWire(m.Action), Quantity = m.Quantity, Account = m.Account.Value, QuietFor = Span(m.QuietFor), LocalTime = Time(m.LocalTime),
            },
            w => new O.ExerciseSent(w.Contract.FromWire("contract"), FromWire(w.Action, "action"), w.Quantity, new AccountId(w.Account), Span(w.QuietFor), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OptionChainTimedOut, W.OptionChainTimedOut.Parser, (OptionChainTimedOut m) => ToWire(m), FromWire);
    }

    public static W.OptionChainTimedOut ToWire(OptionChainTimedOut m) => new() { AfterTicks = Span(m.After), Answered = m.Answered, Parts = m.Parts };
    public static OptionChainTimedOut FromWire(W.OptionChainTimedOut w) => new(Span(w.AfterTicks), w.Answered, w.Parts);

    // The contract's enum mirrors IB's numbers (1 exercise, 2 lapse), so the C# value is the wire number.
    public static W.ExerciseAction ToWire(ExerciseAction a) => (W.ExerciseAction)(int)a;
    public static ExerciseAction FromWire(W.ExerciseAction a, string field) => Enum<ExerciseAction>((int)a, 0, field);

    public static W.OptionParameterSet ToWire(O.OptionParameterSet m) => new()
    {
        Exchange = m.Exchange, UnderlyingConId = m.UnderlyingConId.Value, TradingClass = m.TradingClass, Multiplier = m.Multiplier,
        Expirations = { m.Expirations }, Strikes = { m.Strikes.Select(Dec) },
    };

    public static O.OptionParameterSet FromWire(W.OptionParameterSet w) => new(
        w.Exchange, new ConId(w.UnderlyingConId), w.TradingClass, w.Multiplier, w.Expirations.ToList(), w.Strikes.Select(s => Dec(s, "strikes")).ToList());

    public static W.OptionChainFilter ToWire(O.OptionChainFilter m)
    {
        var w = new W.OptionChainFilter { Exchange = m.Exchange, MaxExpirations = m.MaxExpirations, MaxContracts = m.MaxContracts };
        if (m.TradingClass is { } tc) w.TradingClass = tc;
        if (m.FromExpiry is { } from) w.FromExpiry = from;
        if (m.ToExpiry is { } to) w.ToExpiry = to;
        if (m.MinStrike is { } lo) w.MinStrike = Dec(lo);
        if (m.MaxStrike is { } hi) w.MaxStrike = Dec(hi);
        if (m.Right is { } r) w.Right = r.ToWire();
        return w;
    }

    public static O.OptionChainFilter FromWire(W.OptionChainFilter w) => new()
    {
        Exchange = w.Exchange, TradingClass = w.HasTradingClass ? w.TradingClass : null, FromExpiry = w.HasFromExpiry ? w.FromExpiry : null,
        ToExpiry = w.HasToExpiry ? w.ToExpiry : null, MinStrike = DecOrNull(w.HasMinStrike, w.MinStrike, "min_strike"),
        MaxStrike = DecOrNull(w.HasMaxStrike, w.MaxStrike, "max_strike"), Right = w.HasRight ? w.Right.FromWire("right") : null,
        MaxExpirations = w.MaxExpirations, MaxContracts = w.MaxContracts,
    };

    public static W.ChainOption ToWire(O.ChainOption m) => new()
    {
        Contract = m.Contract.ToWire(), ConId = m.ConId.Value, Expiry = m.Expiry, Strike = Dec(m.Strike), Right = m.Right.ToWire(),
        TradingClass = m.TradingClass, Multiplier = m.Multiplier,
    };

    public static O.ChainOption FromWire(W.ChainOption w) => new(
        w.Contract.FromWire("contract"), new ConId(w.ConId), w.Expiry, Dec(w.Strike, "strike"), w.Right.FromWire("right"), w.TradingClass, w.Multiplier);

    public static W.OptionGreeks ToWire(O.OptionGreeks m)
    {
        var w = new W.OptionGreeks();
        if (m.ImpliedVolatility is { } iv) w.ImpliedVolatility = Dec(iv);
        if (m.Delta is { } delta) w.Delta = Dec(delta);
        if (m.OptionPrice is { } price) w.OptionPrice = Dec(price);
        if (m.PvDividend is { } dividend) w.PvDividend = Dec(dividend);
        if (m.Gamma is { } gamma) w.Gamma = Dec(gamma);
        if (m.Vega is { } vega) w.Vega = Dec(vega);
        if (m.Theta is { } theta) w.Theta = Dec(theta);
        if (m.UnderlyingPrice is { } under) w.UnderlyingPrice = Dec(under);
        return w;
    }

    public static O.OptionGreeks FromWire(W.OptionGreeks w) => new(
        DecOrNull(w.HasImpliedVolatility, w.ImpliedVolatility, "implied_volatility"), DecOrNull(w.HasDelta, w.Delta, "delta"),
        DecOrNull(w.HasOptionPrice, w.OptionPrice, "option_price"), DecOrNull(w.HasPvDividend, w.PvDividend, "pv_dividend"),
        DecOrNull(w.HasGamma, w.Gamma, "gamma"), DecOrNull(w.HasVega, w.Vega, "vega"), DecOrNull(w.HasTheta, w.Theta, "theta"),
        DecOrNull(w.HasUnderlyingPrice, w.UnderlyingPrice, "underlying_price"));
}
