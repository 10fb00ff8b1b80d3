using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Account and portfolio data. Requests of one kind without a request id on the wire (positions, account updates,
/// managed accounts) are serialised by the desk so concurrent askers each get a complete answer.
/// </summary>
public static class AccountMessages
{
    /// <summary>All positions of all accounts (reqPositions … positionEnd, then cancelPositions). Reply: <see cref="PositionsList"/>.</summary>
    public sealed record GetPositions : IDeskCommand;

    /// <summary>One position.</summary>
    public sealed record PositionItem(AccountId Account, ContractSpec Contract, decimal Quantity, decimal? AverageCost);

    /// <summary>Reply to <see cref="GetPositions"/>.</summary>
    public sealed record PositionsList(IReadOnlyList<PositionItem> Positions, DateTimeOffset LocalTime);

    /// <summary>
    /// Account summary (reqAccountSummary … accountSummaryEnd, then cancelled). Reply: <see cref="AccountSummaryList"/>.
    /// <paramref name="Tags"/> e.g. "NetLiquidation,BuyingPower"; <paramref name="Group"/> "All" for every account.
    /// </summary>
    public sealed record GetAccountSummary(string Tags = "NetLiquidation,TotalCashValue,BuyingPower", string Group = "All") : IDeskCommand;

    /// <summary>One account summary value; <paramref name="Value"/> is the text, <paramref name="Amount"/> its decimal when numeric.</summary>
    public sealed record AccountSummaryItem(AccountId Account, string Tag, string Value, decimal? Amount, string Currency);

    /// <summary>Reply to <see cref="GetAccountSummary"/>.</summary>
    public sealed record AccountSummaryList(IReadOnlyList<AccountSummaryItem> Items, DateTimeOffset LocalTime);

    /// <summary>
    /// Account and portfolio updates for one account (reqAccountUpdates): a subscription. IB streams one account at a
    /// time per connection: subscribers of the same account share the stream; asking for another account while one
    /// is subscribed fails with InvalidRequest. Items: <see cref="AccountValueItem"/>, <see cref="PortfolioItem"/>,
    /// <see cref="AccountTime"/>, <see cref="AccountDownloadEnd"/>.
    /// </summary>
    public sealed record SubscribeAccountUpdates(AccountId Account) : IDeskCommand;

    public sealed record AccountValueItem(SubscriptionId Subscription, AccountId Account, string Key, string Value, decimal? Amount, string Currency, DateTimeOffset LocalTime);

    public sealed record PortfolioItem(SubscriptionId Subscription, AccountId Account, ContractSpec Contract, decimal Position, decimal? MarketPrice,
        decimal? MarketValue, decimal? AverageCost, decimal? UnrealizedPnL, decimal? RealizedPnL, DateTimeOffset LocalTime);

    /// <summary>The gateway's account update time ("HH:mm").</summary>
    public sealed record AccountTime(SubscriptionId Subscription, string GatewayTime, DateTimeOffset LocalTime);

    /// <summary>The first full download of the account is complete.</summary>
    public sealed record AccountDownloadEnd(SubscriptionId Subscription, AccountId Account, DateTimeOffset LocalTime);

    /// <summary>Daily / unrealized / realized P&amp;L of an account (reqPnL): a subscription. Items: <see cref="PnLItem"/>.</summary>
    public sealed record SubscribePnL(AccountId Account, string ModelCode = "") : IDeskCommand;

    public sealed record PnLItem(SubscriptionId Subscription, decimal? Daily, decimal? Unrealized, decimal? Realized, DateTimeOffset LocalTime);

    /// <summary>P&amp;L of one position (reqPnLSingle): a subscription. Items: <see cref="PnLSingleItem"/>.</summary>
    public sealed record SubscribePnLSingle(AccountId Account, ConId ConId, string ModelCode = "") : IDeskCommand;

    public sealed record PnLSingleItem(SubscriptionId Subscription, decimal Position, decimal? Daily, decimal? Unrealized, decimal? Realized, decimal? Value, DateTimeOffset LocalTime);
}
