using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using HistoricalSchedule = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalSchedule;
using HistoricalTick = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalTick;
using HistoricalTicks = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalTicks;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// reqHistoricalTicks → historicalTicks / historicalTicksBidAsk / historicalTicksLast, in parts until one says done.
/// Historical pacing applies. IB defines no cancel for it (a cancelHistoricalTicks message exists only in the protobuf
/// set, and the gateway answers the request whole anyway), so an abandoned request is simply forgotten.
/// </summary>
internal sealed class HistoricalTicksPlan(GetHistoricalTicks command) : RequestPlan
{
    private readonly List<HistoricalTick> _ticks = [];
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HistoricalTicksRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), StartDateTime = TickTime(command.Start), EndDateTime = TickTime(command.End),
        NumberOfTicks = command.Count, WhatToShow = ResearchWireNames.Of(command.What), UseRTH = command.UseRth, IgnoreSize = command.IgnoreSize,
    };
    public override void Reset() => _ticks.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        bool done;
        switch (message)
        {
            case IBApi.protobuf.HistoricalTicks m: _ticks.AddRange(m.HistoricalTicks_.Select(ToTick)); done = m.IsDone; break;
            case HistoricalTicksBidAsk m: _ticks.AddRange(m.HistoricalTicksBidAsk_.Select(ToTick)); done = m.IsDone; break;
            case HistoricalTicksLast m: _ticks.AddRange(m.HistoricalTicksLast_.Select(ToTick)); done = m.IsDone; break;
            default: return Step.Continue.Instance;
        }
        return done ? new Step.Complete(new HistoricalTicks(command.What, _ticks.ToList(), at)) : Step.Continue.Instance;
    }

    /// <summary>IB reads "yyyyMMdd-HH:mm:ss" as UTC; empty is "not this bound".</summary>
    internal static string TickTime(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static HistoricalTick ToTick(IBApi.protobuf.HistoricalTick t) =>
        new(Mapping.FromUnixSeconds(t.Time), Mapping.Price(t.Price), Mapping.Size(t.Size), null, null, false, false, null, null, null, null, false, false);

    private static HistoricalTick ToTick(HistoricalTickBidAsk t) =>
        new(Mapping.FromUnixSeconds(t.Time), null, null, null, null, false, false, Mapping.Price(t.PriceBid), Mapping.Price(t.PriceAsk),
            Mapping.Size(t.SizeBid), Mapping.Size(t.SizeAsk), t.TickAttribBidAsk?.BidPastLow ?? false, t.TickAttribBidAsk?.AskPastHigh ?? false);

    private static HistoricalTick ToTick(HistoricalTickLast t) =>
        new(Mapping.FromUnixSeconds(t.Time), Mapping.Price(t.Price), Mapping.Size(t.Size), t.Exchange, t.SpecialConditions,
            t.TickAttribLast?.PastLimit ?? false, t.TickAttribLast?.Unreported ?? false, null, null, null, null, false, false);
}

/// <summary>reqHistogramData → histogramData; cancelHistogramData when abandoned. Historical pacing applies.</summary>
internal sealed class HistogramPlan(GetHistogram command) : RequestPlan
{
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HistogramDataRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), UseRTH = command.UseRth, TimePeriod = command.Period.Trim().ToLowerInvariant(),
    };
    public override IMessage? Cancel(int requestId) => new CancelHistogramData { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is HistogramData h
        ? new Step.Complete(new Histogram(h.HistogramDataEntries.Select(e => new HistogramEntry(Mapping.Price(e.Price) ?? 0m, Mapping.Size(e.Size) ?? 0m)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>
/// reqHistoricalData whatToShow SCHEDULE (daily bars, as IB requires for it) → historicalSchedule. Historical pacing
/// applies: it is a historical data request to IB.
/// </summary>
internal sealed class HistoricalSchedulePlan(GetHistoricalSchedule command) : RequestPlan
{
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Historical;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HistoricalDataRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), EndDateTime = command.EndDateTime, BarSizeSetting = "1 day",
        Duration = command.Duration, UseRTH = command.UseRth, WhatToShow = "SCHEDULE", FormatDate = 1, KeepUpToDate = false,
    };
    public override IMessage? Cancel(int requestId) => new CancelHistoricalData { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.HistoricalSchedule s
        ? new Step.Complete(new HistoricalSchedule(s.StartDateTime, s.EndDateTime, s.TimeZone,
            s.HistoricalSessions.Select(x => new Session(x.StartDateTime, x.EndDateTime, x.RefDate)).ToList(), at))
        : Step.Continue.Instance;
}
