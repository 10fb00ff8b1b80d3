using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>A contract matching a symbol search, with the security types derived from it (OPT, FUT, WAR …).</summary>
public sealed record SymbolMatch(ContractSpec Contract, ConId ConId, IReadOnlyList<string> DerivativeSecTypes);

/// <summary>One step of a market rule: from <see cref="LowEdge"/> up, prices are multiples of <see cref="Increment"/>.</summary>
public sealed record PriceIncrement(decimal LowEdge, decimal Increment);

/// <summary>An exchange behind a SMART BBO code.</summary>
public sealed record SmartComponent(int BitNumber, string Exchange, string ExchangeLetter);

/// <summary>An exchange that offers market depth; <see cref="AggregationGroup"/> is null when the gateway sent none.</summary>
public sealed record DepthExchange(string Exchange, string SecType, string ListingExchange, string ServiceDataType, int? AggregationGroup);

/// <summary>A soft-dollar tier of the login.</summary>
public sealed record SoftDollarTier(string Name, string Value, string DisplayName);

/// <summary>The family code of a managed account.</summary>
public sealed record FamilyCode(AccountId Account, string Code);

/// <summary>One item of <see cref="DeskClient.PositionsMulti"/>: a <see cref="PositionMultiUpdate"/>, the <see cref="PositionsMultiEnd"/> of the initial set, or a <see cref="PositionsMultiNote"/>.</summary>
public abstract record PositionsMultiItem;

public sealed record PositionMultiUpdate(AccountId Account, string ModelCode, ContractSpec Contract, decimal Quantity, decimal? AverageCost, DateTimeOffset LocalTime) : PositionsMultiItem;

public sealed record PositionsMultiEnd(DateTimeOffset LocalTime) : PositionsMultiItem;

public sealed record PositionsMultiNote(StreamNote Note) : PositionsMultiItem;

/// <summary>One item of <see cref="DeskClient.AccountUpdatesMulti"/>: an <see cref="AccountUpdateMulti"/>, the <see cref="AccountUpdatesMultiEnd"/> of the initial set, or an <see cref="AccountUpdatesMultiNote"/>.</summary>
public abstract record AccountUpdatesMultiItem;

public sealed record AccountUpdateMulti(AccountId Account, string ModelCode, string Key, string Value, decimal? Amount, string Currency, DateTimeOffset LocalTime) : AccountUpdatesMultiItem;

public sealed record AccountUpdatesMultiEnd(DateTimeOffset LocalTime) : AccountUpdatesMultiItem;

public sealed record AccountUpdatesMultiNote(StreamNote Note) : AccountUpdatesMultiItem;
