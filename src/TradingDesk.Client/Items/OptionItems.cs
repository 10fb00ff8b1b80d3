using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Client;

/// <summary>An option computation's values; each null when IB did not compute it (its -1 / -2 sentinels).</summary>
public sealed record OptionValues(decimal? ImpliedVolatility, decimal? Delta, decimal? OptionPrice, decimal? PvDividend,
    decimal? Gamma, decimal? Vega, decimal? Theta, decimal? UnderlyingPrice);

/// <summary>An option computation tick (types 10 to 13, 80 to 83) on an option's market data line.</summary>
public sealed record OptionComputationTick(TickType Type, bool PriceBased, OptionValues Values, DateTimeOffset LocalTime) : MarketDataItem;

/// <summary>One exchange's option parameters for an underlying: expirations (YYYYMMDD) and strikes, ascending.</summary>
public sealed record OptionParameterSet(string Exchange, ConId UnderlyingConId, string TradingClass, string Multiplier,
    IReadOnlyList<string> Expirations, IReadOnlyList<decimal> Strikes);

/// <summary>A qualified option of a chain, with the contract the gateway described (conId set).</summary>
public sealed record ChainOption(ContractSpec Contract, ConId ConId, string Expiry, decimal Strike, OptionRight Right, string TradingClass, string Multiplier);

/// <summary>A qualified option chain and the requests it cost at the gateway.</summary>
public sealed record OptionChain(ContractSpec Underlying, IReadOnlyList<ChainOption> Options, int RequestsUsed);

/// <summary>
/// The desk sent an exercise and the gateway raised no error within <see cref="QuietFor"/>: IB acknowledges
/// nothing else; the result shows later as position changes.
/// </summary>
public sealed record ExerciseSent(ExerciseAction Action, int Quantity, AccountId Account, TimeSpan QuietFor);

/// <summary>An item of a scanner stream: a whole ranked result set, or a note about the stream.</summary>
public abstract record ScannerItem;

/// <summary>One ranked row of a scan.</summary>
public sealed record ScannerRow(int Rank, ContractSpec Contract, ConId ConId, string MarketName, string Distance, string Benchmark, string Projection, string Legs);

/// <summary>The scan's whole result set; it replaces the previous one.</summary>
public sealed record ScannerResults(IReadOnlyList<ScannerRow> Rows, DateTimeOffset LocalTime) : ScannerItem;

/// <summary>A note about the scanner stream (resubscribed, a gateway notice).</summary>
public sealed record ScannerNote(StreamNote Note) : ScannerItem;
