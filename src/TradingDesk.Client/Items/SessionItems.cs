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
