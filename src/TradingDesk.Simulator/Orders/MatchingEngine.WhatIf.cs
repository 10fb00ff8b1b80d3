using System.Globalization;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

/// <summary>A what-if order's answer (openOrder with whatIf=true carries these in its OrderState).</summary>
public sealed record WhatIfResult(
    decimal InitMarginBefore, decimal InitMarginChange, decimal InitMarginAfter,
    decimal MaintMarginBefore, decimal MaintMarginChange, decimal MaintMarginAfter,
    decimal EquityWithLoanBefore, decimal EquityWithLoanChange, decimal EquityWithLoanAfter,
    decimal Commission, string CommissionCurrency, string? RejectReason);

public sealed partial class MatchingEngine
{
    private AccountValuation? _valuation;

    private AccountValuation Valuation => _valuation ??= new AccountValuation(Prices);

    /// <summary>
    /// Margin and commission as if the whole order filled now at the touch (or at its limit, if better),
    /// without trading or storing anything. <see cref="WhatIfResult.RejectReason"/> is set when the order
    /// would be rejected.
    /// </summary>
    public WhatIfResult WhatIf(EngineState state, OrderTicket ticket, DateTimeOffset now)
    {
        if (!Catalogue.TryGet(ticket.ConId, out var c))
            return new WhatIfResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "USD", "No security definition has been found for the request");
        var account = ticket.Account ?? DefaultAccount;
        if (!state.Accounts.TryGetValue(account, out var a))
            return new WhatIfResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "USD", $"Unknown account {account}");
        var reason = OrderValidation.Check(ticket, c, now);
        var (before, after, commission) = Hypothetical(state, a, ticket, c, now);
        reason ??= InsufficientFunds(before, after);
        return new WhatIfResult(before.InitMarginReq, after.InitMarginReq - before.InitMarginReq, after.InitMarginReq,
            before.MaintMarginReq, after.MaintMarginReq - before.MaintMarginReq, after.MaintMarginReq,
            before.EquityWithLoanValue, after.EquityWithLoanValue - before.EquityWithLoanValue, after.EquityWithLoanValue,
            commission, "USD", reason);
    }

    private string? MarginCheck(EngineState state, SimOrder order, ContractDefinition c, DateTimeOffset now)
    {
        var (before, after, _) = Hypothetical(state, state.Accounts[order.Account], order.Ticket, c, now);
        return InsufficientFunds(before, after);
    }

    private static string? InsufficientFunds(AccountSnapshot before, AccountSnapshot after) =>
        after.AvailableFunds < 0 && after.InitMarginReq > before.InitMarginReq
            ? string.Create(CultureInfo.InvariantCulture,
                $"Your order is not accepted because your Equity with Loan Value of [{after.EquityWithLoanValue:0.00} USD] is insufficient to cover the Initial Margin requirement of [{after.InitMarginReq:0.00} USD]")
            : null;

    private (AccountSnapshot Before, AccountSnapshot After, decimal Commission) Hypothetical(
        EngineState state, AccountState a, OrderTicket t, ContractDefinition c, DateTimeOffset now)
    {
        var q = Prices.GetQuote(c.ConId, now);
        var buy = t.Action == OrderAction.Buy;
        var price = buy ? q.Ask : q.Bid;
        if (t.LimitPrice is { } lmt && t.Type is OrderType.Limit or OrderType.LimitOnClose)
            price = buy ? Math.Min(price, lmt) : Math.Max(price, lmt);
        var quantity = Math.Max(t.Quantity, 0m);
        var fx = Valuation.FxToUsd(c.Currency, now);
        var commission = quantity == 0 ? 0m : Commissions.For(c, quantity, quantity * price * c.Multiplier * fx);
        var before = Valuation.Value(a, state.Executions, now);
        if (quantity == 0) return (before, before, 0m);
        var (afterState, _) = a.ApplyFill(c.ConId, c.SecType, c.Multiplier, buy ? quantity : -quantity, price, commission, fx);
        return (before, Valuation.Value(afterState, [], now), commission);
    }
}
