using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using A = TradingDesk.Desk.Messages.AccountMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Account and portfolio data.</summary>
internal static class AccountWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetPositions, W.GetPositions.Parser, (A.GetPositions _) => new W.GetPositions(), _ => new A.GetPositions());
        t.Add(Manifests.PositionItem, W.PositionItem.Parser, (A.PositionItem m) => ToWire(m), FromWire);
        t.Add(Manifests.PositionsList, W.PositionsList.Parser,
            (A.PositionsList m) => new W.PositionsList { Positions = { m.Positions.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new A.PositionsList(w.Positions.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetAccountSummary, W.GetAccountSummary.Parser,
            (A.GetAccountSummary m) => new W.GetAccountSummary { Tags = m.Tags, Group = m.Group }, w => new A.GetAccountSummary(w.Tags, w.Group));
        t.Add(Manifests.AccountSummaryItem, W.AccountSummaryItem.Parser, (A.AccountSummaryItem m) => ToWire(m), FromWire);
        t.Add(Manifests.AccountSummaryList, W.AccountSummaryList.Parser,
            (A.AccountSummaryList m) => new W.AccountSummaryList { Items = { m.Items.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new A.AccountSummaryList(w.Items.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribeAccountUpdates, W.SubscribeAccountUpdates.Parser,
            (A.SubscribeAccountUpdates m) => new W.SubscribeAccountUpdates { Account = m.Account.Value }, w => new A.SubscribeAccountUpdates(new AccountId(w.Account)));
        t.Add(Manifests.AccountValueItem, W.AccountValueItem.Parser, (A.AccountValueItem m) =>
        {
            var w = new W.AccountValueItem { Subscription = m.Subscription.Value, Account = m.Account.Value, Key = m.Key, Value = m.Value, Currency = m.Currency, LocalTime = Time(m.LocalTime) };
            if (m.Amount is { } a) w.Amount = Dec(a);
            return w;
        }, w => new A.AccountValueItem(new SubscriptionId(w.Subscription), new AccountId(w.Account), w.Key, w.Value,
            DecOrNull(w.HasAmount, w.Amount, "amount"), w.Currency, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.PortfolioItem, W.PortfolioItem.Parser, (A.PortfolioItem m) =>
        {
            var w = new W.PortfolioItem
            {
                Subscription = m.Subscription.Value, Account = m.Account.Value, Contract = m.Contract.ToWire(), Position = Dec(m.Position), LocalTime = Time(m.LocalTime),
            };
            if (m.MarketPrice is { } mp) w.MarketPrice = Dec(mp);
            if (m.MarketValue is { } mv) w.MarketValue = Dec(mv);
            if (m.AverageCost is { } ac) w.AverageCost = Dec(ac);
            if (m.UnrealizedPnL is { } u) w.UnrealizedPnl = Dec(u);
            if (m.RealizedPnL is { } r) w.RealizedPnl = Dec(r);
            return w;
        }, w => new A.PortfolioItem(new SubscriptionId(w.Subscription), new AccountId(w.Account), w.Contract.FromWire("contract"),
            Dec(w.Position, "position"), DecOrNull(w.HasMarketPrice, w.MarketPrice, "market_price"), DecOrNull(w.HasMarketValue, w.MarketValue, "market_value"),
            DecOrNull(w.HasAverageCost, w.AverageCost, "average_cost"), DecOrNull(w.HasUnrealizedPnl, w.UnrealizedPnl, "unrealized_pnl"),
            DecOrNull(w.HasRealizedPnl, w.RealizedPnl, "realized_pnl"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.AccountTime, W.AccountTime.Parser,
            (A.AccountTime m) => new W.AccountTime { Subscription = m.Subscription.Value, GatewayTime = m.GatewayTime, LocalTime = Time(m.LocalTime) },
            w => new A.AccountTime(new SubscriptionId(w.Subscription), w.GatewayTime, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.AccountDownloadEnd, W.AccountDownloadEnd.Parser,
            (A.AccountDownloadEnd m) => new W.AccountDownloadEnd { Subscription = m.Subscription.Value, Account = m.Account.Value, LocalTime = Time(m.LocalTime) },
            w => new A.AccountDownloadEnd(new SubscriptionId(w.Subscription), new AccountId(w.Account), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribePnL, W.SubscribePnL.Parser,
            (A.SubscribePnL m) => new W.SubscribePnL { Account = m.Account.Value, ModelCode = m.ModelCode }, w => new A.SubscribePnL(new AccountId(w.Account), w.ModelCode));
        t.Add(Manifests.PnLItem, W.PnLItem.Parser, (A.PnLItem m) =>
        {
            var w = new W.PnLItem { Subscription = m.Subscription.Value, LocalTime = Time(m.LocalTime) };
            if (m.Daily is { } d) w.Daily = Dec(d);
            if (m.Unrealized is { } u) w.Unrealized = Dec(u);
            if (m.Realized is { } r) w.Realized = Dec(r);
            return w;
        }, w => new A.PnLItem(new SubscriptionId(w.Subscription), DecOrNull(w.HasDaily, w.Daily, "daily"),
            DecOrNull(w.HasUnrealized, w.Unrealized, "unrealized"), DecOrNull(w.HasRealized, w.Realized, "realized"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribePnLSingle, W.SubscribePnLSingle.Parser,
            (A.SubscribePnLSingle m) => new W.SubscribePnLSingle { Account = m.Account.Value, ConId = m.ConId.Value, ModelCode = m.ModelCode },
            w => new A.SubscribePnLSingle(new AccountId(w.Account), new ConId(w.ConId), w.ModelCode));
        t.Add(Manifests.PnLSingleItem, W.PnLSingleItem.Parser, (A.PnLSingleItem m) =>
        {
            var w = new W.PnLSingleItem { Subscription = m.Subscription.Value, Position = Dec(m.Position), LocalTime = Time(m.LocalTime) };
            if (m.Daily is { } d) w.Daily = Dec(d);
            if (m.Unrealized is { } u) w.Unrealized = Dec(u);
            if (m.Realized is { } r) w.Realized = Dec(r);
            if (m.Value is { } v) w.Value = Dec(v);
            return w;
        }, w => new A.PnLSingleItem(new SubscriptionId(w.Subscription), Dec(w.Position, "position"), DecOrNull(w.HasDaily, w.Daily, "daily"),
            DecOrNull(w.HasUnrealized, w.Unrealized, "unrealized"), DecOrNull(w.HasRealized, w.Realized, "realized"),
            DecOrNull(w.HasValue, w.Value, "value"), Time(w.LocalTime, "local_time")));
    }

    private static W.PositionItem ToWire(A.PositionItem m)
    {
        var w = new W.PositionItem { Account = m.Account.Value, Contract = m.Contract.ToWire(), Quantity = Dec(m.Quantity) };
        if (m.AverageCost is { } c) w.AverageCost = Dec(c);
        return w;
    }

    private static A.PositionItem FromWire(W.PositionItem w) => new(
        new AccountId(w.Account), w.Contract.FromWire("contract"), Dec(w.Quantity, "quantity"), DecOrNull(w.HasAverageCost, w.AverageCost, "average_cost"));

    private static W.AccountSummaryItem ToWire(A.AccountSummaryItem m)
    {
        var w = new W.AccountSummaryItem { Account = m.Account.Value, Tag = m.Tag, Value = m.Value, Currency = m.Currency };
        if (m.Amount is { } a) w.Amount = Dec(a);
        return w;
    }

    private static A.AccountSummaryItem FromWire(W.AccountSummaryItem w) => new(
        new AccountId(w.Account), w.Tag, w.Value, DecOrNull(w.HasAmount, w.Amount, "amount"), w.Currency);
}
