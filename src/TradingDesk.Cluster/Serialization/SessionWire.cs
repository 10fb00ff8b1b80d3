using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using D = TradingDesk.Desk.Messages.DisplayGroupMessages;
using F = TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using M = TradingDesk.Desk.Messages.MultiAccountMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// Session and reference reads, multi-account streams, display groups and FA configuration. The enums mirror IB's
/// own numbers (offset 0): a number this schema does not know fails the read instead of becoming a request.
/// </summary>
internal static class SessionWire
{
    public static void Register(WireTable t)
    {
        RegisterReference(t);
        RegisterMultiAccount(t);
        RegisterDisplayGroups(t);
        RegisterAdvisor(t);
        t.Add(Manifests.LineRerouted, W.LineRerouted.Parser,
            (LineNotices.LineRerouted m) => new W.LineRerouted { Subscription = m.Subscription.Value, ConId = m.ConId.Value, Exchange = m.Exchange, Depth = m.Depth, LocalTime = Time(m.LocalTime) },
            w => new LineNotices.LineRerouted(new SubscriptionId(w.Subscription), new ConId(w.ConId), w.Exchange, w.Depth, Time(w.LocalTime, "local_time")));
    }

    private static void RegisterReference(WireTable t)
    {
        t.Add(Manifests.GetMatchingSymbols, W.GetMatchingSymbols.Parser, (S.GetMatchingSymbols m) => new W.GetMatchingSymbols { Pattern = m.Pattern }, w => new S.GetMatchingSymbols(w.Pattern));
        t.Add(Manifests.SymbolMatch, W.SymbolMatch.Parser, (S.SymbolMatch m) => ToWire(m), FromWire);
        t.Add(Manifests.MatchingSymbols, W.MatchingSymbols.Parser,
            (S.MatchingSymbols m) => new W.MatchingSymbols { Matches = { m.Matches.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.MatchingSymbols(w.Matches.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetMarketRule, W.GetMarketRule.Parser, (S.GetMarketRule m) => new W.GetMarketRule { RuleId = m.RuleId }, w => new S.GetMarketRule(w.RuleId));
        t.Add(Manifests.PriceIncrement, W.PriceIncrement.Parser, (S.PriceIncrement m) => ToWire(m), FromWire);
        t.Add(Manifests.MarketRule, W.MarketRule.Parser,
            (S.MarketRule m) => new W.MarketRule { RuleId = m.RuleId, Increments = { m.Increments.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.MarketRule(w.RuleId, w.Increments.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetSmartComponents, W.GetSmartComponents.Parser, (S.GetSmartComponents m) => new W.GetSmartComponents { BboExchange = m.BboExchange }, w => new S.GetSmartComponents(w.BboExchange));
        t.Add(Manifests.SmartComponent, W.SmartComponent.Parser, (S.SmartComponent m) => ToWire(m), FromWire);
        t.Add(Manifests.SmartComponents, W.SmartComponents.Parser,
            (S.SmartComponents m) => new W.SmartComponents { Components = { m.Components.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.SmartComponents(w.Components.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetDepthExchanges, W.GetDepthExchanges.Parser, (S.GetDepthExchanges _) => new W.GetDepthExchanges(), _ => new S.GetDepthExchanges());
        t.Add(Manifests.DepthExchange, W.DepthExchange.Parser, (S.DepthExchange m) => ToWire(m), FromWire);
        t.Add(Manifests.DepthExchanges, W.DepthExchanges.Parser,
            (S.DepthExchanges m) => new W.DepthExchanges { Exchanges = { m.Exchanges.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.DepthExchanges(w.Exchanges.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetSoftDollarTiers, W.GetSoftDollarTiers.Parser, (S.GetSoftDollarTiers _) => new W.GetSoftDollarTiers(), _ => new S.GetSoftDollarTiers());
        t.Add(Manifests.SoftDollarTier, W.SoftDollarTier.Parser, (S.SoftDollarTier m) => ToWire(m), FromWire);
        t.Add(Manifests.SoftDollarTiers, W.SoftDollarTiers.Parser,
            (S.SoftDollarTiers m) => new W.SoftDollarTiers { Tiers = { m.Tiers.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.SoftDollarTiers(w.Tiers.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetUserInfo, W.GetUserInfo.Parser, (S.GetUserInfo _) => new W.GetUserInfo(), _ => new S.GetUserInfo());
        t.Add(Manifests.UserInfo, W.UserInfo.Parser,
            (S.UserInfo m) => new W.UserInfo { WhiteBrandingId = m.WhiteBrandingId, LocalTime = Time(m.LocalTime) },
            w => new S.UserInfo(w.WhiteBrandingId, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetFamilyCodes, W.GetFamilyCodes.Parser, (S.GetFamilyCodes _) => new W.GetFamilyCodes(), _ => new S.GetFamilyCodes());
        t.Add(Manifests.FamilyCode, W.FamilyCode.Parser, (S.FamilyCode m) => ToWire(m), FromWire);
        t.Add(Manifests.FamilyCodes, W.FamilyCodes.Parser,
            (S.FamilyCodes m) => new W.FamilyCodes { Codes = { m.Codes.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new S.FamilyCodes(w.Codes.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SetServerLogLevel, W.SetServerLogLevel.Parser,
            (S.SetServerLogLevel m) => new W.SetServerLogLevel { Level = (W.ServerLogLevel)(int)m.Level }, w => new S.SetServerLogLevel(Enum<ServerLogLevel>((int)w.Level, 0, "level")));
        t.Add(Manifests.ServerLogLevelSet, W.ServerLogLevelSet.Parser,
            (S.ServerLogLevelSet m) => new W.ServerLogLevelSet { Level = (W.ServerLogLevel)(int)m.Level }, w => new S.ServerLogLevelSet(Enum<ServerLogLevel>((int)w.Level, 0, "level")));
    }

    private static void RegisterMultiAccount(WireTable t)
    {
        t.Add(Manifests.SubscribePositionsMulti, W.SubscribePositionsMulti.Parser,
            (M.SubscribePositionsMulti m) => new W.SubscribePositionsMulti { Account = m.Account.Value ?? "", ModelCode = m.ModelCode },
            w => new M.SubscribePositionsMulti(new AccountId(w.Account), w.ModelCode));
        t.Add(Manifests.PositionMultiItem, W.PositionMultiItem.Parser, (M.PositionMultiItem m) =>
        {
            var w = new W.PositionMultiItem
            {
                Subscription = m.Subscription.Value, Account = m.Account.Value ?? "", ModelCode = m.ModelCode, Contract = m.Contract.ToWire(),
                Quantity = Dec(m.Quantity), LocalTime = Time(m.LocalTime),
            };
            if (m.AverageCost is { } cost) w.AverageCost = Dec(cost);
            return w;
        }, w => new M.PositionMultiItem(new SubscriptionId(w.Subscription), new AccountId(w.Account), w.ModelCode, w.Contract.FromWire("contract"),
            Dec(w.Quantity, "quantity"), DecOrNull(w.HasAverageCost, w.AverageCost, "average_cost"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.PositionsMultiEnd, W.PositionsMultiEnd.Parser,
            (M.PositionsMultiEnd m) => new W.PositionsMultiEnd { Subscription = m.Subscription.Value, LocalTime = Time(m.LocalTime) },
            w => new M.PositionsMultiEnd(new SubscriptionId(w.Subscription), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribeAccountUpdatesMulti, W.SubscribeAccountUpdatesMulti.Parser,
            (M.SubscribeAccountUpdatesMulti m) => new W.SubscribeAccountUpdatesMulti { Account = m.Account.Value ?? "", ModelCode = m.ModelCode, LedgerAndNlv = m.LedgerAndNlv },
            w => new M.SubscribeAccountUpdatesMulti(new AccountId(w.Account), w.ModelCode, w.LedgerAndNlv));
        t.Add(Manifests.AccountUpdateMultiItem, W.AccountUpdateMultiItem.Parser, (M.AccountUpdateMultiItem m) =>
        {
            var w = new W.AccountUpdateMultiItem
            {
                Subscription = m.Subscription.Value, Account = m.Account.Value ?? "", ModelCode = m.ModelCode, Key = m.Key, Value = m.Value,
                Currency = m.Currency, LocalTime = Time(m.LocalTime),
            };
            if (m.Amount is { } amount) w.Amount = Dec(amount);
            return w;
        }, w => new M.AccountUpdateMultiItem(new SubscriptionId(w.Subscription), new AccountId(w.Account), w.ModelCode, w.Key, w.Value,
            DecOrNull(w.HasAmount, w.Amount, "amount"), w.Currency, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.AccountUpdatesMultiEnd, W.AccountUpdatesMultiEnd.Parser,
            (M.AccountUpdatesMultiEnd m) => new W.AccountUpdatesMultiEnd { Subscription = m.Subscription.Value, LocalTime = Time(m.LocalTime) },
            w => new M.AccountUpdatesMultiEnd(new SubscriptionId(w.Subscription), Time(w.LocalTime, "local_time")));
    }

    private static void RegisterDisplayGroups(WireTable t)
    {
        t.Add(Manifests.QueryDisplayGroups, W.QueryDisplayGroups.Parser, (D.QueryDisplayGroups _) => new W.QueryDisplayGroups(), _ => new D.QueryDisplayGroups());
        t.Add(Manifests.DisplayGroups, W.DisplayGroups.Parser,
            (D.DisplayGroups m) => new W.DisplayGroups { GroupIds = { m.GroupIds }, LocalTime = Time(m.LocalTime) },
            w => new D.DisplayGroups(w.GroupIds.ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribeDisplayGroup, W.SubscribeDisplayGroup.Parser, (D.SubscribeDisplayGroup m) => new W.SubscribeDisplayGroup { GroupId = m.GroupId }, w => new D.SubscribeDisplayGroup(w.GroupId));
        t.Add(Manifests.DisplayGroupChanged, W.DisplayGroupChanged.Parser,
            (D.DisplayGroupChanged m) => new W.DisplayGroupChanged { Subscription = m.Subscription.Value, ContractInfo = m.ContractInfo, LocalTime = Time(m.LocalTime) },
            w => new D.DisplayGroupChanged(new SubscriptionId(w.Subscription), w.ContractInfo, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.UpdateDisplayGroup, W.UpdateDisplayGroup.Parser,
            (D.UpdateDisplayGroup m) => new W.UpdateDisplayGroup { Subscription = m.Subscription.Value, ContractInfo = m.ContractInfo },
            w => new D.UpdateDisplayGroup(new SubscriptionId(w.Subscription), w.ContractInfo));
        t.Add(Manifests.DisplayGroupUpdateSent, W.DisplayGroupUpdateSent.Parser,
            (D.DisplayGroupUpdateSent m) => new W.DisplayGroupUpdateSent { Subscription = m.Subscription.Value, ContractInfo = m.ContractInfo },
            w => new D.DisplayGroupUpdateSent(new SubscriptionId(w.Subscription), w.ContractInfo));
    }

    private static void RegisterAdvisor(WireTable t)
    {
        t.Add(Manifests.GetFaConfiguration, W.GetFaConfiguration.Parser, (F.GetFaConfiguration m) => new W.GetFaConfiguration { Kind = Kind(m.Kind) }, w => new F.GetFaConfiguration(Kind(w.Kind)));
        t.Add(Manifests.FaConfiguration, W.FaConfiguration.Parser,
            (F.FaConfiguration m) => new W.FaConfiguration { Kind = Kind(m.Kind), Xml = m.Xml, LocalTime = Time(m.LocalTime) },
            w => new F.FaConfiguration(Kind(w.Kind), w.Xml, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ReplaceFaConfiguration, W.ReplaceFaConfiguration.Parser,
            (F.ReplaceFaConfiguration m) => new W.ReplaceFaConfiguration { Kind = Kind(m.Kind), Xml = m.Xml }, w => new F.ReplaceFaConfiguration(Kind(w.Kind), w.Xml));
        t.Add(Manifests.FaConfigurationReplaced, W.FaConfigurationReplaced.Parser,
            (F.FaConfigurationReplaced m) => new W.FaConfigurationReplaced { Kind = Kind(m.Kind), Text = m.Text, LocalTime = Time(m.LocalTime) },
            w => new F.FaConfigurationReplaced(Kind(w.Kind), w.Text, Time(w.LocalTime, "local_time")));
    }

    private static W.FaDataKind Kind(FaDataKind kind) => (W.FaDataKind)(int)kind;
    private static FaDataKind Kind(W.FaDataKind kind) => Enum<FaDataKind>((int)kind, 0, "kind");

    private static W.SymbolMatch ToWire(S.SymbolMatch m) => new() { Contract = m.Contract.ToWire(), ConId = m.ConId.Value, DerivativeSecTypes = { m.DerivativeSecTypes } };
    private static S.SymbolMatch FromWire(W.SymbolMatch w) => new(w.Contract.FromWire("contract"), new ConId(w.ConId), w.DerivativeSecTypes.ToList());
    private static W.PriceIncrement ToWire(S.PriceIncrement m) => new() { LowEdge = Dec(m.LowEdge), Increment = Dec(m.Increment) };
    private static S.PriceIncrement FromWire(W.PriceIncrement w) => new(Dec(w.LowEdge, "low_edge"), Dec(w.Increment, "increment"));
    private static W.SmartComponent ToWire(S.SmartComponent m) => new() { BitNumber = m.BitNumber, Exchange = m.Exchange, ExchangeLetter = m.ExchangeLetter };
    private static S.SmartComponent FromWire(W.SmartComponent w) => new(w.BitNumber, w.Exchange, w.ExchangeLetter);
    private static W.SoftDollarTier ToWire(S.SoftDollarTier m) => new() { Name = m.Name, Value = m.Value, DisplayName = m.DisplayName };
    private static S.SoftDollarTier FromWire(W.SoftDollarTier w) => new(w.Name, w.Value, w.DisplayName);
    private static W.FamilyCode ToWire(S.FamilyCode m) => new() { Account = m.Account.Value ?? "", Code = m.Code };
    private static S.FamilyCode FromWire(W.FamilyCode w) => new(new AccountId(w.Account), w.Code);

    private static W.DepthExchange ToWire(S.DepthExchange m)
    {
        var w = new W.DepthExchange { Exchange = m.Exchange, SecType = m.SecType, ListingExchange = m.ListingExchange, ServiceDataType = m.ServiceDataType };
        if (m.AggregationGroup is { } group) w.AggregationGroup = group;
        return w;
    }

    private static S.DepthExchange FromWire(W.DepthExchange w) =>
        new(w.Exchange, w.SecType, w.ListingExchange, w.ServiceDataType, w.HasAggregationGroup ? w.AggregationGroup : null);
}
