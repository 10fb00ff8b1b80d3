using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Positions and account values per account and model (reqPositionsMulti, reqAccountUpdatesMulti): subscriptions.
/// Sent by strategies to the desk; the reply is <see cref="SubscriptionMessages.Subscribed"/>, then items carrying
/// the line's <see cref="SubscriptionId"/>: the initial set, an End item, then updates. Identical subscriptions
/// (same account, model and, for account updates, ledger flag) share one gateway request, reference-counted.
/// </summary>
public static class MultiAccountMessages
{
    /// <summary>
    /// Positions of one account and model (reqPositionsMulti). An empty <paramref name="Account"/> with a model code
    /// asks for the model across accounts. Items: <see cref="PositionMultiItem"/>, then <see cref="PositionsMultiEnd"/>.
    /// </summary>
    public sealed record SubscribePositionsMulti(AccountId Account, string ModelCode = "") : IDeskCommand;

    /// <summary>One position of the subscribed account and model.</summary>
    public sealed record PositionMultiItem(SubscriptionId Subscription, AccountId Account, string ModelCode, ContractSpec Contract, decimal Quantity,
        decimal? AverageCost, DateTimeOffset LocalTime);

    /// <summary>The initial set of positions is complete; later items are updates.</summary>
    public sealed record PositionsMultiEnd(SubscriptionId Subscription, DateTimeOffset LocalTime);

    /// <summary>
    /// Account values of one account and model (reqAccountUpdatesMulti). <paramref name="LedgerAndNlv"/>: only the
    /// ledger and net liquidation values. Items: <see cref="AccountUpdateMultiItem"/>, then <see cref="AccountUpdatesMultiEnd"/>.
    /// </summary>
    public sealed record SubscribeAccountUpdatesMulti(AccountId Account, string ModelCode = "", bool LedgerAndNlv = false) : IDeskCommand;

    /// <summary>One account value; <paramref name="Value"/> is the text, <paramref name="Amount"/> its decimal when numeric.</summary>
    public sealed record AccountUpdateMultiItem(SubscriptionId Subscription, AccountId Account, string ModelCode, string Key, string Value, decimal? Amount,
        string Currency, DateTimeOffset LocalTime);

    /// <summary>The initial set of account values is complete; later items are updates.</summary>
    public sealed record AccountUpdatesMultiEnd(SubscriptionId Subscription, DateTimeOffset LocalTime);
}
