using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// Options and scanners. The desk checks every request before it sends anything; a refusal arrives as the typed
// exception of an INVALID_ARGUMENT call, with the desk's words.
public sealed partial class DeskClient
{
    /// <summary>The option parameters of <paramref name="underlying"/> per exchange (the spec needs its conId).</summary>
    public Task<IReadOnlyList<OptionParameterSet>> GetOptionParametersAsync(ContractSpec underlying, string futFopExchange = "", CancellationToken cancellationToken = default) =>
        Call("GetOptionParameters", _desk.GetOptionParametersAsync(new W.GetOptionParameters { Underlying = Check(underlying).ToWire(), FutFopExchange = futFopExchange }, Unary(cancellationToken)),
            r => (IReadOnlyList<OptionParameterSet>)r.Sets.Select((s, i) => OptionMapping.Set(s, $"sets[{i}]")).ToList());

    /// <summary>
    /// A qualified option chain of <paramref name="underlying"/>: expiries YYYYMMDD inclusive, strikes inclusive, one
    /// right or both, one trading class or all (an underlying's weeklies and monthlies are classes of their own). The
    /// desk refuses a chain that would cost more than <paramref name="maxExpirations"/> requests or hold more than
    /// <paramref name="maxContracts"/> options, saying how to narrow it.
    /// </summary>
    public Task<OptionChain> GetOptionChainAsync(
        ContractSpec underlying, string? fromExpiry = null, string? toExpiry = null, decimal? minStrike = null, decimal? maxStrike = null,
        OptionRight? right = null, string exchange = "SMART", int maxExpirations = 12, int maxContracts = 500, string? tradingClass = null,
        CancellationToken cancellationToken = default)
    {
        var filter = new W.OptionChainFilter { Exchange = exchange, MaxExpirations = maxExpirations, MaxContracts = maxContracts };
        if (tradingClass is not null) filter.TradingClass = tradingClass;
        if (fromExpiry is not null) filter.FromExpiry = fromExpiry;
        if (toExpiry is not null) filter.ToExpiry = toExpiry;
        if (minStrike is { } lo) filter.MinStrike = Dec(lo);
        if (maxStrike is { } hi) filter.MaxStrike = Dec(hi);
        if (right is { } r) filter.Right = r.ToWire();
        var request = new W.GetOptionChain { Underlying = Check(underlying).ToWire(), Filter = filter };
        return Call("GetOptionChain", _desk.GetOptionChainAsync(request, Unary(cancellationToken)), c => new OptionChain(
            c.Underlying.FromWire("underlying"), c.Options.Select((o, i) => OptionMapping.Option(o, $"options[{i}]")).ToList(), c.RequestsUsed));
    }

    /// <summary>The implied volatility (and greeks) of <paramref name="option"/> at the given prices.</summary>
    public Task<OptionValues> CalculateImpliedVolatilityAsync(ContractSpec option, decimal optionPrice, decimal underlyingPrice, CancellationToken cancellationToken = default) =>
        Call("CalculateImpliedVolatility", _desk.CalculateImpliedVolatilityAsync(
            new W.CalculateImpliedVolatility { Contract = Check(option).ToWire(), OptionPrice = Dec(optionPrice), UnderlyingPrice = Dec(underlyingPrice) }, Unary(cancellationToken)),
            r => OptionMapping.Values(r.Greeks, "greeks"));

    /// <summary>The model price (and greeks) of <paramref name="option"/> at a volatility (0.25 for 25 %) and underlying price.</summary>
    public Task<OptionValues> CalculateOptionPriceAsync(ContractSpec option, decimal volatility, decimal underlyingPrice, CancellationToken cancellationToken = default) =>
        Call("CalculateOptionPrice", _desk.CalculateOptionPriceAsync(
            new W.CalculateOptionPrice { Contract = Check(option).ToWire(), Volatility = Dec(volatility), UnderlyingPrice = Dec(underlyingPrice) }, Unary(cancellationToken)),
            r => OptionMapping.Values(r.Greeks, "greeks"));

    /// <summary>Exercises or lapses long options (a trading call: a read-only token is refused). See <see cref="ExerciseSent"/>.</summary>
    public Task<ExerciseSent> ExerciseOptionsAsync(ContractSpec option, ExerciseAction action, int quantity, AccountId account, bool overrideNatural = false, CancellationToken cancellationToken = default)
    {
        var request = new W.ExerciseOptions
        {
            Contract = Check(option).ToWire(), Action = (W.ExerciseAction)(int)action, Quantity = quantity,
            Account = account.Value ?? throw new ArgumentNullException(nameof(account)), Override = overrideNatural,
        };
        return Call("ExerciseOptions", _desk.ExerciseOptionsAsync(request, Unary(cancellationToken)),
            r => new ExerciseSent(Enum<ExerciseAction>((int)r.Action, 0, "action"), r.Quantity, new AccountId(r.Account), Span(r.QuietFor)));
    }

    /// <summary>The gateway's scanner parameters XML (instruments, locations, scan codes, filters).</summary>
    public Task<string> GetScannerParametersAsync(CancellationToken cancellationToken = default) =>
        Call("GetScannerParameters", _desk.GetScannerParametersAsync(new W.GetScannerParameters(), Unary(cancellationToken)), r => r.Xml);

    /// <summary>
    /// A scanner's ranked result sets for <paramref name="scanCode"/> with IB's filter tags (priceAbove=5 …), shared with
    /// identical subscriptions on the desk. Ending the enumeration ends the call and the client's share of the scanner.
    /// </summary>
    public IAsyncEnumerable<ScannerItem> Scanner(string scanCode, IReadOnlyDictionary<string, string>? filters = null, int rows = 50,
        string instrument = "STK", string locationCode = "STK.US.MAJOR", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeScanner
        {
            Subscription = new W.ScannerSpec { ScanCode = scanCode ?? throw new ArgumentNullException(nameof(scanCode)), Instrument = instrument, LocationCode = locationCode, Rows = rows },
        };
        foreach (var (tag, value) in filters ?? new Dictionary<string, string>()) request.Filters.Add(new W.ScannerFilter { Tag = tag, Value = value });
        return Stream("StreamScanner", o => _desk.StreamScanner(request, o), OptionMapping.Scanner, cancellationToken);
    }
}
