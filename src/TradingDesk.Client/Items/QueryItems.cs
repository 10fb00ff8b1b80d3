using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>A position of the account.</summary>
public sealed record Position(AccountId Account, ContractSpec Contract, decimal Quantity, decimal? AverageCost);

/// <summary>One account summary value: <see cref="Amount"/> is the value as a decimal when it is numeric.</summary>
public sealed record AccountValue(AccountId Account, string Tag, string Value, decimal? Amount, string Currency);

/// <summary>A contract the gateway found, with its trading details.</summary>
public sealed record ContractDetails(
    ContractSpec Contract, ConId ConId, string LongName, decimal? MinTick, string TimeZoneId, string TradingHours, string LiquidHours,
    string ValidExchanges, string OrderTypes, string MarketRuleIds, string ContractMonth, string? RealExpirationDate, decimal MinSize,
    decimal SizeIncrement, string Industry, string Category);

/// <summary>A historical bar; <see cref="Time"/> is the gateway's text (a date or a date and time, per bar size).</summary>
public sealed record HistoricalBar(string Time, decimal? Open, decimal? High, decimal? Low, decimal? Close, decimal Volume, decimal? Wap, int Count);

/// <summary>The earliest data the gateway has: its text, and the time when the text parsed.</summary>
public sealed record HeadTimestamp(string GatewayText, DateTimeOffset? GatewayTime);
