using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>reqMktData (streaming) / cancelMktData. Items: Tick, MarketDataTypeChanged, LineParameters.</summary>
internal sealed class MarketDataStream(SubscribeMarketData command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new MarketDataRequest { ReqId = id, Contract = command.Contract.ToProto(), GenericTickList = command.GenericTicks ?? "", Snapshot = false };
    public override IMessage Cancel(int id) => new CancelMarketData { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message switch
    {
        IBApi.protobuf.MarketDataType t => new MarketDataTypeChanged(sub, (Domain.MarketDataType)t.MarketDataType_, at),
        RerouteMarketDataRequest r => new LineNotices.LineRerouted(sub, new ConId(r.ConId), r.Exchange, Depth: false, at), // reroute notice
        TickReqParams p => new LineParameters(sub, Mapping.Number(p.HasMinTick ? p.MinTick : null),
            p.HasBboExchange && p.BboExchange.Length > 0 ? p.BboExchange : null, p.HasSnapshotPermissions ? p.SnapshotPermissions : null, at),
        TickNews n => NewsMapping.ToNewsTick(n, sub, at), // News: generic tick 292
        TickOptionComputation c => OptionMapping.Computation(c, sub, at),
        _ => StreamMapping.ToTick(message, sub, at),
    };
    public override bool DescribesLine(object item) => item is MarketDataTypeChanged or LineParameters;
}

/// <summary>reqTickByTickData / cancelTickByTickData.</summary>
internal sealed class TickByTickStream(SubscribeTickByTick command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new TickByTickRequest { ReqId = id, Contract = command.Contract.ToProto(), TickType = WireNames.Of(command.Type), NumberOfTicks = command.NumberOfTicks, IgnoreSize = command.IgnoreSize };
    public override IMessage Cancel(int id) => new CancelTickByTick { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) =>
        message is TickByTickData d ? StreamMapping.ToTickByTick(d, sub, at) : null;
}

/// <summary>reqMktDepth / cancelMktDepth.</summary>
internal sealed class DepthStream(SubscribeDepth command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new MarketDepthRequest { ReqId = id, Contract = command.Contract.ToProto(), NumRows = command.Rows, IsSmartDepth = command.SmartDepth };
    public override IMessage Cancel(int id) => new CancelMarketDepth { ReqId = id, IsSmartDepth = command.SmartDepth };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message switch
    {
        MarketDepth d => StreamMapping.ToDepth(d.MarketDepthData, sub, at),
        MarketDepthL2 d => StreamMapping.ToDepth(d.MarketDepthData, sub, at),
        RerouteMarketDepthRequest r => new LineNotices.LineRerouted(sub, new ConId(r.ConId), r.Exchange, Depth: true, at), // reroute notice
        _ => null,
    };
}

/// <summary>reqRealTimeBars (5 s) / cancelRealTimeBars.</summary>
internal sealed class RealTimeBarsStream(SubscribeRealTimeBars command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new RealTimeBarsRequest { ReqId = id, Contract = command.Contract.ToProto(), BarSize = 5, WhatToShow = WireNames.Of(command.WhatToShow), UseRTH = command.UseRth };
    public override IMessage Cancel(int id) => new CancelRealTimeBars { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message is RealTimeBarTick b
        ? new RealTimeBar(sub, Mapping.FromUnixSeconds(b.Time), Mapping.Price(b.Open), Mapping.Price(b.High), Mapping.Price(b.Low), Mapping.Price(b.Close),
            Mapping.Size(b.Volume) ?? 0m, Mapping.Size(b.WAP), b.Count, at)
        : null;
}

/// <summary>reqHistoricalData keepUpToDate=1 / cancelHistoricalData. Historical pacing applies to the request.</summary>
internal sealed class HistoricalKeepUpStream(SubscribeHistoricalBars command) : StreamPlan
{
    private readonly List<Bar> _initial = [];
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override IMessage Build(int id)
    {
        _initial.Clear();
        return new HistoricalDataRequest
        {
            ReqId = id, Contract = command.Contract.ToProto(), EndDateTime = "", BarSizeSetting = command.BarSize, Duration = command.Duration,
            UseRTH = command.UseRth, WhatToShow = WireNames.Of(command.WhatToShow), FormatDate = 1, KeepUpToDate = true,
        };
    }
    public override IMessage Cancel(int id) => new CancelHistoricalData { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at)
    {
        switch (message)
        {
            case HistoricalData d: _initial.AddRange(d.HistoricalDataBars.Select(Mapping.ToBar)); return null;
            case HistoricalDataEnd e: return new HistoricalBars(sub, _initial.ToList(), e.StartDateStr, e.EndDateStr, at);
            case HistoricalDataUpdate u: return new BarUpdate(sub, Mapping.ToBar(u.HistoricalDataBar), at);
            default: return null;
        }
    }
}

/// <summary>reqAccountUpdates(subscribe, account) / reqAccountUpdates(false). No request id: routed by type.</summary>
internal sealed class AccountUpdatesStream(SubscribeAccountUpdates command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new AccountDataRequest { Subscribe = true, AcctCode = command.Account.Value };
    public override IMessage Cancel(int id) => new AccountDataRequest { Subscribe = false, AcctCode = command.Account.Value };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message switch
    {
        AccountValue v => new AccountValueItem(sub, new AccountId(v.AccountName), v.Key, v.Value, Mapping.Amount(v.Value), v.Currency, at),
        PortfolioValue p => new PortfolioItem(sub, new AccountId(p.AccountName), (p.Contract ?? new IBApi.protobuf.Contract()).ToSpec(), Mapping.Size(p.Position) ?? 0m,
            Mapping.Price(p.MarketPrice), Mapping.Price(p.MarketValue), Mapping.Price(p.AverageCost), Mapping.Price(p.UnrealizedPNL), Mapping.Price(p.RealizedPNL), at),
        AccountUpdateTime t => new AccountTime(sub, t.TimeStamp, at),
        AccountDataEnd e => new AccountDownloadEnd(sub, new AccountId(e.AccountName), at),
        _ => null,
    };
}

/// <summary>reqPnL / cancelPnL.</summary>
internal sealed class PnLStream(SubscribePnL command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new PnLRequest { ReqId = id, Account = command.Account.Value, ModelCode = command.ModelCode };
    public override IMessage Cancel(int id) => new CancelPnL { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message is PnL p
        ? new PnLItem(sub, Mapping.Price(p.DailyPnL), Mapping.Price(p.UnrealizedPnL), Mapping.Price(p.RealizedPnL), at)
        : null;
}

/// <summary>reqPnLSingle / cancelPnLSingle.</summary>
internal sealed class PnLSingleStream(SubscribePnLSingle command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new PnLSingleRequest { ReqId = id, Account = command.Account.Value, ModelCode = command.ModelCode, ConId = command.ConId.Value };
    public override IMessage Cancel(int id) => new CancelPnLSingle { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message is PnLSingle p
        ? new PnLSingleItem(sub, Mapping.Size(p.Position) ?? 0m, Mapping.Price(p.DailyPnL), Mapping.Price(p.UnrealizedPnL), Mapping.Price(p.RealizedPnL), Mapping.Price(p.Value), at)
        : null;
}
