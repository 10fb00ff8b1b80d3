using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>One item of <see cref="DeskClient.AccountUpdates"/>: an <see cref="AccountUpdateValue"/>, a
/// <see cref="PortfolioUpdate"/>, an <see cref="AccountUpdateTime"/>, the <see cref="AccountDownloadEnd"/> of the first
/// download, or an <see cref="AccountUpdatesNote"/>.</summary>
public abstract record AccountUpdatesItem;

/// <summary>One account value (IB's key, its text, and <see cref="Amount"/> when the text is a number).</summary>
public sealed record AccountUpdateValue(AccountId Account, string Key, string Value, decimal? Amount, string Currency, DateTimeOffset LocalTime) : AccountUpdatesItem;

/// <summary>One position of the account with its market value and P&amp;L (null where the gateway sent none).</summary>
public sealed record PortfolioUpdate(
    AccountId Account, ContractSpec Contract, decimal Position, decimal? MarketPrice, decimal? MarketValue, decimal? AverageCost,
    decimal? UnrealizedPnL, decimal? RealizedPnL, DateTimeOffset LocalTime) : AccountUpdatesItem;

/// <summary>The gateway's time of the account's last update, as it sent it ("HH:mm").</summary>
public sealed record AccountUpdateTime(string GatewayTime, DateTimeOffset LocalTime) : AccountUpdatesItem;

/// <summary>The first full download of the account is complete; updates follow.</summary>
public sealed record AccountDownloadEnd(AccountId Account, DateTimeOffset LocalTime) : AccountUpdatesItem;

/// <summary>A note about the stream.</summary>
public sealed record AccountUpdatesNote(StreamNote Note) : AccountUpdatesItem;

/// <summary>One item of <see cref="DeskClient.PnLSingle"/>: a <see cref="PnLSingleUpdate"/> or a <see cref="PnLSingleNote"/>.</summary>
public abstract record PnLSingleItem;

/// <summary>The profit and loss of one position (null where the gateway sent none); <see cref="Value"/> is its market value.</summary>
public sealed record PnLSingleUpdate(decimal Position, decimal? Daily, decimal? Unrealized, decimal? Realized, decimal? Value, DateTimeOffset LocalTime) : PnLSingleItem;

/// <summary>A note about the stream.</summary>
public sealed record PnLSingleNote(StreamNote Note) : PnLSingleItem;
