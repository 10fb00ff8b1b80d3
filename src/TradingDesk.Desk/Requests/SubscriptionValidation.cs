using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What is wrong with a market data, account or keep-up-to-date bars subscription before anything is sent, in words the
/// caller can act on; null when it may be sent. Pure. The account, model code, duration and bar size go into TWS text
/// fields, so a control character could split one into fields of the caller's choosing. reqAccountUpdates carries no
/// request id, so the gateway's refusal of it could not reach the subscriber: what the desk can see is refused here.
/// </summary>
internal static class SubscriptionValidation
{
    private const int MaxText = 64;

    public static string? Problem(object command) => command switch
    {
        SubscribeAccountUpdates c => TextChecks.Problem("account", c.Account.Value, MaxText),
        SubscribePnL c => Account(c.Account) ?? TextChecks.Problem("model code", c.ModelCode, MaxText),
        SubscribePnLSingle c => Account(c.Account) ?? TextChecks.Problem("model code", c.ModelCode, MaxText)
            ?? (c.ConId.Value > 0 ? null : $"conId {c.ConId.Value} is not a contract id: GetContractDetails gives the position's"),
        SubscribeHistoricalBars c => ContractChecks.Problem(c.Contract)
            ?? Required("duration", c.Duration, "\"1800 S\", \"1 D\"") ?? Required("bar size", c.BarSize, "\"5 secs\", \"1 min\""),
        // The market data family: the contract goes into the request as it is.
        SubscribeMarketData c => ContractChecks.Problem(c.Contract) ?? TextChecks.Problem("generic tick list", c.GenericTicks, MaxText),
        SubscribeTickByTick c => ContractChecks.Problem(c.Contract),
        SubscribeDepth c => ContractChecks.Problem(c.Contract),
        SubscribeRealTimeBars c => ContractChecks.Problem(c.Contract),
        _ => null,
    };

    // IB answers P&L for a named account only (an empty one is its 321).
    private static string? Account(AccountId account) =>
        string.IsNullOrWhiteSpace(account.Value) ? "give the account (GetManagedAccounts lists them)" : TextChecks.Problem("account", account.Value, MaxText);

    private static string? Required(string what, string? text, string examples) =>
        string.IsNullOrWhiteSpace(text) ? $"the {what} is empty: IB's form, e.g. {examples}" : TextChecks.Problem(what, text, MaxText);
}
