using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using T = TradingDesk.Desk.Messages.TickHistoryMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Historical ticks, histograms and trading schedules.</summary>
internal static class TickHistoryWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetHistoricalTicks, W.GetHistoricalTicks.Parser,
            (T.GetHistoricalTicks m) => new W.GetHistoricalTicks
            {
                Contract = m.Contract.ToWire(), What = ToWire(m.What), Start = TimeOrNull(m.Start), End = TimeOrNull(m.End), Count = m.Count,
                UseRth = m.UseRth, IgnoreSize = m.IgnoreSize,
            },
            w => new T.GetHistoricalTicks(w.Contract.FromWire("contract"), FromWire(w.What, "what"), TimeOrNull(w.Start, "start"), TimeOrNull(w.End, "end"),
                w.Count, w.UseRth, w.IgnoreSize));
        t.Add(Manifests.HistoricalTick, W.HistoricalTick.Parser, (T.HistoricalTick m) => ToWire(m), w => FromWire(w, "tick"));
        t.Add(Manifests.HistoricalTicks, W.HistoricalTicks.Parser,
            (T.HistoricalTicks m) => new W.HistoricalTicks { What = ToWire(m.What), Ticks = { m.Ticks.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new T.HistoricalTicks(FromWire(w.What, "what"), w.Ticks.Select(x => FromWire(x, "ticks")).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetHistogram, W.GetHistogram.Parser,
            (T.GetHistogram m) => new W.GetHistogram { Contract = m.Contract.ToWire(), Period = m.Period, UseRth = m.UseRth },
            w => new T.GetHistogram(w.Contract.FromWire("contract"), w.Period, w.UseRth));
        t.Add(Manifests.HistogramEntry, W.HistogramEntry.Parser, (T.HistogramEntry m) => ToWire(m), w => FromWire(w, "entry"));
        t.Add(Manifests.Histogram, W.Histogram.Parser,
            (T.Histogram m) => new W.Histogram { Entries = { m.Entries.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new T.Histogram(w.Entries.Select(e => FromWire(e, "entries")).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetHistoricalSchedule, W.GetHistoricalSchedule.Parser,
            (T.GetHistoricalSchedule m) => new W.GetHistoricalSchedule { Contract = m.Contract.ToWire(), Duration = m.Duration, EndDateTime = m.EndDateTime, UseRth = m.UseRth },
            w => new T.GetHistoricalSchedule(w.Contract.FromWire("contract"), w.Duration, w.EndDateTime, w.UseRth));
        t.Add(Manifests.ScheduleSession, W.ScheduleSession.Parser, (T.Session m) => ToWire(m), w => FromWire(w, "session"));
        t.Add(Manifests.HistoricalSchedule, W.HistoricalSchedule.Parser,
            (T.HistoricalSchedule m) => new W.HistoricalSchedule { Start = m.Start, End = m.End, TimeZone = m.TimeZone, Sessions = { m.Sessions.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new T.HistoricalSchedule(w.Start, w.End, w.TimeZone, w.Sessions.Select(s => FromWire(s, "sessions")).ToList(), Time(w.LocalTime, "local_time")));
    }

    public static W.HistoricalTicksKind ToWire(HistoricalTicksKind k) => (W.HistoricalTicksKind)((int)k + 1);
    public static HistoricalTicksKind FromWire(W.HistoricalTicksKind w, string field) => Enum<HistoricalTicksKind>((int)w, 1, field);

    private static W.HistoricalTick ToWire(T.HistoricalTick m)
    {
        var w = new W.HistoricalTick
        {
            Time = Time(m.Time), PastLimit = m.PastLimit, Unreported = m.Unreported, BidPastLow = m.BidPastLow, AskPastHigh = m.AskPastHigh,
        };
        if (m.Price is { } price) w.Price = Dec(price);
        if (m.Size is { } size) w.Size = Dec(size);
        if (m.Exchange is { } exchange) w.Exchange = exchange;
        if (m.SpecialConditions is { } conditions) w.SpecialConditions = conditions;
        if (m.BidPrice is { } bid) w.BidPrice = Dec(bid);
        if (m.AskPrice is { } ask) w.AskPrice = Dec(ask);
        if (m.BidSize is { } bidSize) w.BidSize = Dec(bidSize);
        if (m.AskSize is { } askSize) w.AskSize = Dec(askSize);
        return w;
    }

    private static T.HistoricalTick FromWire(W.HistoricalTick? w, string field)
    {
        w = Required(w, field);
        return new(Time(w.Time, "time"), DecOrNull(w.HasPrice, w.Price, "price"), DecOrNull(w.HasSize, w.Size, "size"),
            w.HasExchange ? w.Exchange : null, w.HasSpecialConditions ? w.SpecialConditions : null, w.PastLimit, w.Unreported,
            DecOrNull(w.HasBidPrice, w.BidPrice, "bid_price"), DecOrNull(w.HasAskPrice, w.AskPrice, "ask_price"),
            DecOrNull(w.HasBidSize, w.BidSize, "bid_size"), DecOrNull(w.HasAskSize, w.AskSize, "ask_size"), w.BidPastLow, w.AskPastHigh);
    }

    private static W.HistogramEntry ToWire(T.HistogramEntry m) => new() { Price = Dec(m.Price), Size = Dec(m.Size) };
    private static T.HistogramEntry FromWire(W.HistogramEntry? w, string field) { w = Required(w, field); return new(Dec(w.Price, "price"), Dec(w.Size, "size")); }

    private static W.ScheduleSession ToWire(T.Session m) => new() { Start = m.Start, End = m.End, RefDate = m.RefDate };
    private static T.Session FromWire(W.ScheduleSession? w, string field) { w = Required(w, field); return new(w.Start, w.End, w.RefDate); }
}
