using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// reqCurrentTime → currentTime (whole seconds), or from server version 197 reqCurrentTimeInMillis →
/// currentTimeInMillis (milliseconds). No request id: the router's current-time owner serialises askers. Either reply
/// completes it, so a request queued across a reconnect to a gateway of the other kind is still answered.
/// </summary>
internal sealed class CurrentTimePlan(GetCurrentTime command, bool inMillis) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => inMillis ? new CurrentTimeInMillisRequest() : new CurrentTimeRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message switch
    {
        CurrentTime t => new Step.Complete(new CurrentTimeReply(Mapping.FromUnixSeconds(t.CurrentTime_), at)),
        CurrentTimeInMillis m => new Step.Complete(new CurrentTimeReply(DateTimeOffset.FromUnixTimeMilliseconds(m.CurrentTimeInMillis_), at)),
        _ => Step.Continue.Instance,
    };
}

/// <summary>reqManagedAccts → managedAccounts (no request id; serialised by the router).</summary>
internal sealed class ManagedAccountsPlan(GetManagedAccounts command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new ManagedAccountsRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message is ManagedAccounts m
        ? new Step.Complete(new ManagedAccountsList(m.AccountsList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new AccountId(a)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>
/// reqContractDetails → contractData* → contractDataEnd. Front month: asks for every expiry (no month) and keeps the
/// nearest whose expiry is today or later (local date). Safe to retry: a read. From server version 215 an abandoned
/// request (its deadline, or an option chain that gave up on it) is cancelled at the gateway with cancelContractData;
/// below it IB has no cancel, and the gateway's late answer is dropped with its id.
/// </summary>
internal sealed class ContractDetailsPlan(GetContractDetails command, DateOnly today, bool cancellable) : RequestPlan
{
    private readonly List<ContractDetail> _details = [];
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.ContractDetails;
    public override IMessage Build(int requestId)
    {
        var spec = command.Contract.FrontMonth ? command.Contract with { FrontMonth = false, LastTradeDateOrContractMonth = null } : command.Contract;
        return new ContractDataRequest { ReqId = requestId, Contract = spec.ToProto() };
    }
    public override IMessage? Cancel(int requestId) => cancellable ? new CancelContractData { ReqId = requestId } : null;
    public override void Reset() => _details.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case ContractData data: _details.Add(Mapping.ToDetail(data)); return Step.Continue.Instance;
            case ContractDataEnd when !command.Contract.FrontMonth: return new Step.Complete(new ContractDetailsList(_details.ToList(), at));
            case ContractDataEnd:
                var front = _details
                    .Select(d => (Detail: d, Expiry: ExpiryOf(d)))
                    .Where(x => x.Expiry is { } e && e >= today)
                    .OrderBy(x => x.Expiry)
                    .Select(x => x.Detail)
                    .FirstOrDefault();
                return front is null
                    ? new Step.Fail(new InvalidRequest($"no unexpired future found for {command.Contract}"))
                    : new Step.Complete(new ContractDetailsList([front], at));
            default: return Step.Continue.Instance;
        }
    }

    private static DateOnly? ExpiryOf(ContractDetail d)
    {
        var text = d.RealExpirationDate ?? d.Contract.LastTradeDateOrContractMonth ?? d.ContractMonth;
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.AddMonths(1).AddDays(-1); // a bare month counts as its last day
        return null;
    }
}

/// <summary>reqHistoricalData (keepUpToDate=0) → historicalData → historicalDataEnd (the text companion before 196).</summary>
internal sealed class HistoricalBarsPlan(GetHistoricalBars command) : RequestPlan
{
    private readonly List<Bar> _bars = [];
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HistoricalDataRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), EndDateTime = command.EndDateTime, BarSizeSetting = command.BarSize,
        Duration = command.Duration, UseRTH = command.UseRth, WhatToShow = WireNames.Of(command.WhatToShow), FormatDate = 1, KeepUpToDate = false,
    };
    public override IMessage? Cancel(int requestId) => new CancelHistoricalData { ReqId = requestId };
    public override void Reset() => _bars.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case HistoricalData data: _bars.AddRange(data.HistoricalDataBars.Select(Mapping.ToBar)); return Step.Continue.Instance;
            case HistoricalDataEnd end: return new Step.Complete(new HistoricalBars(null, _bars.ToList(), end.StartDateStr, end.EndDateStr, at));
            default: return Step.Continue.Instance;
        }
    }
}

/// <summary>reqHeadTimestamp → headTimestamp. Historical pacing applies.</summary>
internal sealed class HeadTimestampPlan(GetHeadTimestamp command) : RequestPlan
{
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HeadTimestampRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), UseRTH = command.UseRth, WhatToShow = WireNames.Of(command.WhatToShow), FormatDate = 1,
    };
    public override IMessage? Cancel(int requestId) => new CancelHeadTimestamp { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is HeadTimestamp h
        ? new Step.Complete(new HeadTimestampReply(h.HeadTimestamp_, Mapping.ParseGatewayTime(h.HeadTimestamp_), at))
        : Step.Continue.Instance;
}

/// <summary>reqAccountSummary → accountSummary* → accountSummaryEnd, then cancelAccountSummary (IB keeps it open otherwise).</summary>
internal sealed class AccountSummaryPlan(GetAccountSummary command) : RequestPlan
{
    private readonly List<AccountSummaryItem> _items = [];
    private int _requestId;
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Account;
    public override IMessage Build(int requestId) { _requestId = requestId; return new AccountSummaryRequest { ReqId = requestId, Group = command.Group, Tags = command.Tags }; }
    public override IMessage? Cancel(int requestId) => new CancelAccountSummary { ReqId = requestId };
    public override void Reset() => _items.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case AccountSummary s: _items.Add(new AccountSummaryItem(new AccountId(s.Account), s.Tag, s.Value, Mapping.Amount(s.Value), s.Currency)); return Step.Continue.Instance;
            case AccountSummaryEnd: return new Step.Complete(new AccountSummaryList(_items.ToList(), at));
            default: return Step.Continue.Instance;
        }
    }
    // The summary subscription stays open at IB after its End: cancel it once complete.
    public override bool CancelAfterComplete => true;
}

/// <summary>reqPositions → position* → positionEnd, then cancelPositions. No request id: serialised by the router.</summary>
internal sealed class PositionsPlan(GetPositions command) : RequestPlan
{
    private readonly List<PositionItem> _positions = [];
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Account;
    public override IMessage Build(int requestId) => new PositionsRequest();
    public override IMessage? Cancel(int requestId) => new CancelPositions();
    // reqPositions keeps streaming after positionEnd: cancel it once complete.
    public override bool CancelAfterComplete => true;
    public override void Reset() => _positions.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case Position p:
                _positions.Add(new PositionItem(new AccountId(p.Account), (p.Contract ?? new IBApi.protobuf.Contract()).ToSpec(), Mapping.Size(p.Position_) ?? 0m, Mapping.Price(p.AvgCost)));
                return Step.Continue.Instance;
            case PositionEnd: return new Step.Complete(new PositionsList(_positions.ToList(), at));
            default: return Step.Continue.Instance;
        }
    }
}

/// <summary>reqMktData snapshot=1 → ticks → tickSnapshotEnd.</summary>
internal sealed class SnapshotPlan(GetMarketDataSnapshot command) : RequestPlan
{
    private readonly List<Tick> _ticks = [];
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Snapshot;
    public override IMessage Build(int requestId) => new MarketDataRequest { ReqId = requestId, Contract = command.Contract.ToProto(), GenericTickList = "", Snapshot = true };
    public override void Reset() => _ticks.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        if (message is TickSnapshotEnd) return new Step.Complete(new MarketDataSnapshot(command.Contract, _ticks.ToList(), at));
        if (StreamMapping.ToTick(message, default, at) is { } tick) _ticks.Add(tick);
        return Step.Continue.Instance;
    }
}
