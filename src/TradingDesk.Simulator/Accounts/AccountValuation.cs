using System.Globalization;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Orders;

namespace TradingDesk.Simulator.Accounts;

/// <summary>One portfolio line (updatePortfolio): amounts in the contract's currency, averageCost IB-style.</summary>
public sealed record PortfolioEntry(
    AccountId Account, ContractDefinition Contract, decimal Position, decimal MarketPrice, decimal MarketValue,
    decimal AverageCost, decimal UnrealizedPnl, decimal RealizedPnl);

/// <summary>reqPnLSingle's answer for one position.</summary>
public sealed record PositionPnl(AccountId Account, ConId ConId, decimal Position, decimal DailyPnl, decimal UnrealizedPnl, decimal RealizedPnl, decimal Value);

/// <summary>reqPnL's answer for an account (USD).</summary>
public sealed record AccountPnl(AccountId Account, decimal DailyPnl, decimal UnrealizedPnl, decimal RealizedPnl);

/// <summary>
/// An account's values at an instant (USD), the numbers behind reqAccountUpdates / reqAccountSummary.
/// Equity with loan value is taken as net liquidation; buying power is four times available funds (Reg T intraday).
/// </summary>
public sealed record AccountSnapshot(
    AccountId Account, DateTimeOffset Time, decimal TotalCashValue, decimal NetLiquidation, decimal GrossPositionValue,
    decimal InitMarginReq, decimal MaintMarginReq, decimal UnrealizedPnl, decimal RealizedPnl, decimal DailyPnl)
{
    public decimal EquityWithLoanValue => NetLiquidation;
    public decimal AvailableFunds => EquityWithLoanValue - InitMarginReq;
    public decimal ExcessLiquidity => EquityWithLoanValue - MaintMarginReq;
    public decimal BuyingPower => AvailableFunds * 4m;
    public decimal Cushion => NetLiquidation == 0 ? 0 : ExcessLiquidity / NetLiquidation;

    /// <summary>(key, value, currency) triples as IB's accountValue messages carry them.</summary>
    public IReadOnlyList<(string Key, string Value, string Currency)> ToAccountValues()
    {
        static string F(decimal d) => Math.Round(d, 2).ToString("0.00", CultureInfo.InvariantCulture);
        return
        [
            ("AccountCode", Account.Value, ""), ("AccountType", "INDIVIDUAL", ""), ("AccountReady", "true", ""),
            ("Currency", "USD", "USD"),
            ("NetLiquidation", F(NetLiquidation), "USD"), ("TotalCashValue", F(TotalCashValue), "USD"),
            ("CashBalance", F(TotalCashValue), "USD"), ("EquityWithLoanValue", F(EquityWithLoanValue), "USD"),
            ("GrossPositionValue", F(GrossPositionValue), "USD"), ("BuyingPower", F(BuyingPower), "USD"),
            ("AvailableFunds", F(AvailableFunds), "USD"), ("ExcessLiquidity", F(ExcessLiquidity), "USD"),
            ("InitMarginReq", F(InitMarginReq), "USD"), ("MaintMarginReq", F(MaintMarginReq), "USD"),
            ("FullInitMarginReq", F(InitMarginReq), "USD"), ("FullMaintMarginReq", F(MaintMarginReq), "USD"),
            ("Cushion", Math.Round(Cushion, 6).ToString(CultureInfo.InvariantCulture), ""),
            ("UnrealizedPnL", F(UnrealizedPnl), "USD"), ("RealizedPnL", F(RealizedPnl), "USD"),
        ];
    }
}

/// <summary>Marks accounts to the price engine's market. Pure: same state and time, same numbers.</summary>
public sealed class AccountValuation(PriceEngine prices)
{
    /// <summary>USD per unit of <paramref name="currency"/>, from the IDEALPRO pairs' last prices.</summary>
    public decimal FxToUsd(string currency, DateTimeOffset t)
    {
        if (currency == "USD") return 1m;
        foreach (var c in prices.Catalogue.All)
        {
            if (c.SecType != SecType.Cash) continue;
            if (c.Symbol == currency && c.Currency == "USD") return prices.LastPrice(c.ConId, t);
            if (c.Symbol == "USD" && c.Currency == currency) return 1m / prices.LastPrice(c.ConId, t);
        }
        throw new InvalidOperationException($"no USD rate for {currency}");
    }

    public IReadOnlyList<PortfolioEntry> Portfolio(AccountState a, DateTimeOffset t) =>
        a.Positions.Values.OrderBy(p => p.ConId.Value).Select(p =>
        {
            var c = prices.Catalogue.Get(p.ConId);
            var price = prices.LastPrice(p.ConId, t);
            return new PortfolioEntry(a.Id, c, p.Quantity, price, p.Quantity * price * p.Multiplier, p.AverageCost,
                p.Quantity == 0 ? 0 : (price - p.AveragePrice) * p.Quantity * p.Multiplier, p.RealizedPnl);
        }).ToList();

    public AccountSnapshot Value(AccountState a, IEnumerable<Execution> executions, DateTimeOffset t)
    {
        decimal netLiq = a.Cash, gross = 0, init = 0, maint = 0, unrealized = 0;
        foreach (var entry in Portfolio(a, t))
        {
            var fx = FxToUsd(entry.Contract.Currency, t);
            var u = entry.UnrealizedPnl * fx;
            var value = entry.MarketValue * fx;
            unrealized += u;
            if (entry.Contract.SecType == SecType.Future) netLiq += u;
            else
            {
                netLiq += value;
                gross += Math.Abs(value);
            }
            var (i, m) = MarginRates.For(entry.Contract.SecType, entry.Position < 0);
            init += Math.Abs(value) * i;
            maint += Math.Abs(value) * m;
        }
        var daily = Daily(a, executions, t).Sum(d => d.Pnl * FxToUsd(prices.Catalogue.Get(d.ConId).Currency, t));
        return new AccountSnapshot(a.Id, t, a.Cash, netLiq, gross, init, maint, unrealized, a.RealizedPnl, daily);
    }

    public AccountPnl Pnl(AccountState a, IEnumerable<Execution> executions, DateTimeOffset t)
    {
        var s = Value(a, executions, t);
        return new AccountPnl(a.Id, s.DailyPnl, s.UnrealizedPnl, s.RealizedPnl);
    }

    public PositionPnl PnlSingle(AccountState a, IEnumerable<Execution> executions, ConId conId, DateTimeOffset t)
    {
        var entry = Portfolio(a, t).FirstOrDefault(p => p.Contract.ConId == conId);
        var daily = Daily(a, executions, t).Where(d => d.ConId == conId).Sum(d => d.Pnl);
        return entry is null
            ? new PositionPnl(a.Id, conId, 0, daily, 0, 0, 0)
            : new PositionPnl(a.Id, conId, entry.Position, daily, entry.UnrealizedPnl, entry.RealizedPnl, entry.MarketValue);
    }

    /// <summary>
    /// Today's mark-to-market PnL per contract (contract currency), "today" starting at midnight US/Eastern:
    /// quantity held at the day's start × (price now − price at day start) + each of today's fills × (price now −
    /// fill price), less today's commissions.
    /// </summary>
    private IEnumerable<(ConId ConId, decimal Pnl)> Daily(AccountState a, IEnumerable<Execution> executions, DateTimeOffset t)
    {
        var dayStart = ExchangeTimeZone.Eastern.ToInstant(ExchangeTimeZone.Eastern.LocalDate(t), TimeOnly.MinValue);
        var today = executions.Where(e => e.Account == a.Id && e.Time >= dayStart && e.Time <= t).ToList();
        foreach (var p in a.Positions.Values)
        {
            var now = prices.LastPrice(p.ConId, t);
            var fills = today.Where(e => e.ConId == p.ConId).ToList();
            var traded = fills.Sum(e => e.Side == OrderAction.Buy ? e.Shares : -e.Shares);
            var startQty = p.Quantity - traded;
            var pnl = startQty == 0 ? 0m : startQty * (now - prices.LastPrice(p.ConId, dayStart)) * p.Multiplier;
            foreach (var e in fills)
            {
                pnl += (e.Side == OrderAction.Buy ? e.Shares : -e.Shares) * (now - e.Price) * p.Multiplier
                       - e.Commission / FxToUsd(prices.Catalogue.Get(p.ConId).Currency, e.Time);
            }
            yield return (p.ConId, pnl);
        }
    }
}
