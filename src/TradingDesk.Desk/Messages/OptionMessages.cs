using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Option reference data, calculators and exercise. Sent by strategies to the desk (DeskActor, which hands them to the
/// router); each reply goes to the sender, or <see cref="RequestFailed"/> with a typed <see cref="DeskFailure"/>.
/// Bad input is refused with <see cref="InvalidRequest"/> before anything reaches the gateway.
/// </summary>
public static class OptionMessages
{
    /// <summary>
    /// The option parameters of an underlying (reqSecDefOptParams): per exchange and trading class, its expirations,
    /// strikes and multiplier. IB needs the underlying's conId: resolve it with GetContractDetails first, or use
    /// <see cref="GetOptionChain"/>, which does. <paramref name="FutFopExchange"/> is for futures options only (empty
    /// for stock options). Reply: <see cref="OptionParameters"/>. A read: safe to retry after a reconnect.
    /// </summary>
    public sealed record GetOptionParameters(ContractSpec Underlying, string FutFopExchange = "") : IDeskCommand;

    /// <summary>Reply to <see cref="GetOptionParameters"/>: one set per exchange and trading class, in gateway order.</summary>
    public sealed record OptionParameters(ContractSpec Underlying, IReadOnlyList<OptionParameterSet> Sets, DateTimeOffset LocalTime);

    /// <summary>One securityDefinitionOptionalParameter row: expirations as YYYYMMDD, strikes ascending.</summary>
    public sealed record OptionParameterSet(string Exchange, ConId UnderlyingConId, string TradingClass, string Multiplier,
        IReadOnlyList<string> Expirations, IReadOnlyList<decimal> Strikes);

    /// <summary>
    /// Which part of an option chain to qualify. Expiries are YYYYMMDD, inclusive; null bounds are open. Only the
    /// parameter sets of <see cref="Exchange"/> (and of <see cref="TradingClass"/> when given) are used.
    /// <see cref="MaxExpirations"/> caps the contract-details requests the chain costs (one per expiration and trading
    /// class), <see cref="MaxContracts"/> the options it may return.
    /// </summary>
    public sealed record OptionChainFilter
    {
        public string Exchange { get; init; } = "SMART";
        public string? TradingClass { get; init; }
        public string? FromExpiry { get; init; }
        public string? ToExpiry { get; init; }
        public decimal? MinStrike { get; init; }
        public decimal? MaxStrike { get; init; }
        public OptionRight? Right { get; init; }
        public int MaxExpirations { get; init; } = 12;
        public int MaxContracts { get; init; } = 500;
    }

    /// <summary>
    /// A qualified option chain: the desk resolves the underlying's conId (when the spec has none), asks for its option
    /// parameters, picks the expirations and strikes the filter keeps, and asks for the contract details of each
    /// expiration (all through the pacer, like any other request). Reply: <see cref="OptionChain"/>. A chain that would
    /// need more than <see cref="OptionChainFilter.MaxExpirations"/> requests or return more than
    /// <see cref="OptionChainFilter.MaxContracts"/> options is refused with InvalidRequest saying how to narrow it.
    /// </summary>
    public sealed record GetOptionChain(ContractSpec Underlying, OptionChainFilter Filter) : IDeskCommand;

    /// <summary>Reply to <see cref="GetOptionChain"/>: options sorted by expiry, strike, right (calls first).</summary>
    public sealed record OptionChain(ContractSpec Underlying, IReadOnlyList<ChainOption> Options, int RequestsUsed, DateTimeOffset LocalTime);

    /// <summary>One qualified option of a chain: its full contract (with conId) as the gateway describes it.</summary>
    public sealed record ChainOption(ContractSpec Contract, ConId ConId, string Expiry, decimal Strike, OptionRight Right, string TradingClass, string Multiplier);

    /// <summary>
    /// One tickOptionComputation's values. Each is null when IB sent its "not computed" value (-1 for prices and
    /// implied volatility, -2 for greeks) or nothing at all, so a consumer never reads a sentinel as a number.
    /// </summary>
    public sealed record OptionGreeks(decimal? ImpliedVolatility, decimal? Delta, decimal? OptionPrice, decimal? PvDividend,
        decimal? Gamma, decimal? Vega, decimal? Theta, decimal? UnderlyingPrice);

    /// <summary>
    /// An option computation on a market data line (bid/ask/last/model option computation, ticks 10 to 13, and their
    /// delayed forms 80 to 83). <paramref name="PriceBased"/>: IB's tickAttrib 1, the volatility came from the
    /// option's price (0: from the return of the underlying).
    /// </summary>
    public sealed record OptionComputation(SubscriptionId Subscription, TickType Type, bool PriceBased, OptionGreeks Greeks, DateTimeOffset LocalTime);

    /// <summary>
    /// The implied volatility of <paramref name="Contract"/> (an option with a conId or a full spec) at the given option
    /// and underlying prices (calculateImpliedVolatility). Reply: <see cref="OptionCalculation"/>. Cancelled at the
    /// gateway on timeout or when the asker stops.
    /// </summary>
    public sealed record CalculateImpliedVolatility(ContractSpec Contract, decimal OptionPrice, decimal UnderlyingPrice) : IDeskCommand;

    /// <summary>
    /// The theoretical price and greeks of <paramref name="Contract"/> at a volatility (0.25 for 25 %) and underlying
    /// price (calculateOptionPrice). Reply: <see cref="OptionCalculation"/>. Cancelled like the implied-volatility one.
    /// </summary>
    public sealed record CalculateOptionPrice(ContractSpec Contract, decimal Volatility, decimal UnderlyingPrice) : IDeskCommand;

    /// <summary>Reply to both calculators: the tickOptionComputation the gateway answered the request with.</summary>
    public sealed record OptionCalculation(ContractSpec Contract, OptionGreeks Greeks, DateTimeOffset LocalTime);

    /// <summary>
    /// Exercise or lapse <paramref name="Quantity"/> contracts of a long option position in <paramref name="Account"/>
    /// (exerciseOptions). <paramref name="Override"/> asks IB to act against its natural action (exercise out of the
    /// money, lapse in the money). A trading command: a read-only gRPC client may not send it, and never retried.
    /// Reply: <see cref="ExerciseSent"/>, or RequestFailed with the gateway's error.
    /// </summary>
    public sealed record ExerciseOptions(ContractSpec Contract, ExerciseAction Action, int Quantity, AccountId Account, bool Override = false) : IDeskCommand;

    /// <summary>
    /// Reply to <see cref="ExerciseOptions"/>. IB acknowledges an exercise with nothing: it answers with an error or
    /// not at all. So this says only that the request went to the gateway and no error came back within
    /// <paramref name="QuietFor"/>; the exercise itself shows later as position changes (and, at IB, as an
    /// exercise-or-lapse execution).
    /// </summary>
    public sealed record ExerciseSent(ContractSpec Contract, ExerciseAction Action, int Quantity, AccountId Account, TimeSpan QuietFor, DateTimeOffset LocalTime);
}

/// <summary>
/// A <see cref="OptionMessages.GetOptionChain"/> was not complete within its overall deadline
/// (<c>DeskOptions.Timeouts.OptionChain</c>): <paramref name="Answered"/> of the <paramref name="Parts"/> requests it
/// had sent were answered; the others were cancelled (withdrawn from the pacer if still queued, their answers dropped).
/// </summary>
public sealed record OptionChainTimedOut(TimeSpan After, int Answered, int Parts)
    : DeskFailure($"the option chain was not complete within {After.TotalSeconds:0.###} s: {Answered} of its {Parts} requests had answered; the {Parts - Answered} outstanding were cancelled");
