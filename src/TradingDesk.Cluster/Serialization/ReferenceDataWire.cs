using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using R = TradingDesk.Desk.Messages.ReferenceDataMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Reference data and session queries.</summary>
internal static class ReferenceDataWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetContractDetails, W.GetContractDetails.Parser,
            (R.GetContractDetails m) => new W.GetContractDetails { Contract = m.Contract.ToWire() }, w => new R.GetContractDetails(w.Contract.FromWire("contract")));
        t.Add(Manifests.ContractDetailsList, W.ContractDetailsList.Parser,
            (R.ContractDetailsList m) => new W.ContractDetailsList { Details = { m.Details.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new R.ContractDetailsList(w.Details.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ContractDetail, W.ContractDetail.Parser, (R.ContractDetail m) => ToWire(m), FromWire);
        t.Add(Manifests.GetCurrentTime, W.GetCurrentTime.Parser, (R.GetCurrentTime _) => new W.GetCurrentTime(), _ => new R.GetCurrentTime());
        t.Add(Manifests.CurrentTimeReply, W.CurrentTimeReply.Parser,
            (R.CurrentTimeReply m) => new W.CurrentTimeReply { GatewayTime = Time(m.GatewayTime), LocalTime = Time(m.LocalTime) },
            w => new R.CurrentTimeReply(Time(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetManagedAccounts, W.GetManagedAccounts.Parser, (R.GetManagedAccounts _) => new W.GetManagedAccounts(), _ => new R.GetManagedAccounts());
        t.Add(Manifests.ManagedAccountsList, W.ManagedAccountsList.Parser,
            (R.ManagedAccountsList m) => new W.ManagedAccountsList { Accounts = { m.Accounts.Select(a => a.Value) }, LocalTime = Time(m.LocalTime) },
            w => new R.ManagedAccountsList(w.Accounts.Select(a => new AccountId(a)).ToList(), Time(w.LocalTime, "local_time")));
    }

    private static W.ContractDetail ToWire(R.ContractDetail m)
    {
        var w = new W.ContractDetail
        {
            Contract = m.Contract.ToWire(), ConId = m.ConId.Value, LongName = m.LongName, TimeZoneId = m.TimeZoneId, TradingHours = m.TradingHours,
            LiquidHours = m.LiquidHours, ValidExchanges = m.ValidExchanges, OrderTypes = m.OrderTypes, MarketRuleIds = m.MarketRuleIds,
            ContractMonth = m.ContractMonth, MinSize = Dec(m.MinSize), SizeIncrement = Dec(m.SizeIncrement), Industry = m.Industry, Category = m.Category,
        };
        if (m.MinTick is { } tick) w.MinTick = Dec(tick);
        if (m.RealExpirationDate is { } red) w.RealExpirationDate = red;
        return w;
    }

    private static R.ContractDetail FromWire(W.ContractDetail w) => new(
        w.Contract.FromWire("contract"), new ConId(w.ConId), w.LongName, DecOrNull(w.HasMinTick, w.MinTick, "min_tick"), w.TimeZoneId,
        w.TradingHours, w.LiquidHours, w.ValidExchanges, w.OrderTypes, w.MarketRuleIds, w.ContractMonth,
        w.HasRealExpirationDate ? w.RealExpirationDate : null, Dec(w.MinSize, "min_size"), Dec(w.SizeIncrement, "size_increment"),
        w.Industry, w.Category);
}
