using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>A parsed reqHistoricalData request.</summary>
public sealed record HistoricalBarsRequest(
    ConId ConId, DateTimeOffset End, HistoricalDuration Duration, BarSize BarSize, WhatToShow WhatToShow, bool UseRth)
{
    /// <summary>Parses IB's texts; the error says which field was wrong and which IB code to send.</summary>
    public static bool TryParse(ConId conId, DateTimeOffset end, string duration, string barSize, string whatToShow,
        bool useRth, out HistoricalBarsRequest? request, out HistoricalDataError? error)
    {
        request = null;
        if (!HistoricalDuration.TryParse(duration, out var d, out error)) return false;
        if (!Market.BarSize.TryParse(barSize, out var b, out error)) return false;
        if (!WhatToShowCodes.TryParse(whatToShow, out var w, out error)) return false;
        request = new HistoricalBarsRequest(conId, end, d, b, w, useRth);
        return true;
    }
}

/// <summary>Bars, or why there are none.</summary>
public sealed record HistoricalBarsResult(IReadOnlyList<PriceBar> Bars, HistoricalDataError? Error)
{
    public bool IsSuccess => Error is null;
}

public sealed partial class PriceEngine
{
    /// <summary>The most bars one request may span (counting bars outside sessions); more gives error 162.</summary>
    public const int MaxBarsPerRequest = 50_000;

    /// <summary>
    /// Historical bars over (End − Duration, End], filtered to trading hours (or liquid hours with UseRth), built
    /// from the same path as live quotes: a bar's open is the price at its start, its close the price at its end
    /// (or at End for the last, partial bar), its high/low the extremes in between.
    /// </summary>
    public HistoricalBarsResult GetHistoricalBars(HistoricalBarsRequest request)
    {
        var c = Catalogue.Get(request.ConId);
        if (c.SecType == SecType.Cash && request.WhatToShow == WhatToShow.Trades)
        {
            return Fail(HistoricalErrorKind.NoData,
                $"Historical Market Data Service error message:No historical market data for {c.Symbol}/CASH@FXSUB Last 0");
        }
        var end = request.End < ModelEnd ? request.End : ModelEnd;
        var start = request.Duration.StartFrom(end);
        var head = HeadTimestamp(c.ConId);
        if (start < head) start = head;
        if (start >= end) return Fail(HistoricalErrorKind.NoData, "Historical Market Data Service error message:HMDS query returned no data");
        var liquid = request.UseRth;
        var raw = request.BarSize.IsIntraday
            ? IntradayBars(c, start, end, request.BarSize.Seconds, liquid)
            : DailyBars(c, start, end, request.BarSize.Unit, liquid);
        if (raw is null)
        {
            return Fail(HistoricalErrorKind.TooManyBars, "Historical Market Data Service error message:Time length exceed max.");
        }
        if (raw.Count == 0) return Fail(HistoricalErrorKind.NoData, "Historical Market Data Service error message:HMDS query returned no data");
        return new HistoricalBarsResult(raw.Select(r => ToBar(c, r.Time, r.Date, r.Bar, request.WhatToShow)).ToList(), null);
    }

    /// <summary>
    /// The 5-second real-time bar starting at <paramref name="barStart"/> (reqRealTimeBars); null when the market
    /// is closed then (no bars are sent outside trading hours).
    /// </summary>
    public PriceBar? GetRealtimeBar(ConId conId, DateTimeOffset barStart, WhatToShow whatToShow)
    {
        var c = Catalogue.Get(conId);
        if (!TradingCalendar.IsOpen(c.Session, barStart, liquidOnly: false)) return null;
        var from = SecondOf(barStart);
        return ToBar(c, InstantOf(from), null, RawStats(c, from, from + 5), whatToShow);
    }

    /// <summary>The last completed 5-second bar at <paramref name="now"/> (bars start on multiples of 5 s).</summary>
    public PriceBar? GetLatestRealtimeBar(ConId conId, DateTimeOffset now, WhatToShow whatToShow)
    {
        var s = SecondOf(now);
        var barEnd = s - (((s % 5) + 5) % 5);
        return GetRealtimeBar(conId, InstantOf(barEnd - 5), whatToShow);
    }

    private static HistoricalBarsResult Fail(HistoricalErrorKind kind, string message) =>
        new([], new HistoricalDataError(kind, message));

    private readonly record struct Raw(DateTimeOffset Time, DateOnly? Date, RawBar Bar);

    private List<Raw>? IntradayBars(ContractDefinition c, DateTimeOffset start, DateTimeOffset end, int length, bool liquid)
    {
        var zone = TradingCalendar.ZoneOf(c.Session);
        var local = zone.ToLocal(start);
        var aligned = zone.ToInstant(local.Date.AddSeconds(Math.Floor(local.TimeOfDay.TotalSeconds / length) * length));
        if ((end - aligned).TotalSeconds / length > MaxBarsPerRequest) return null;
        var sessions = SessionsBetween(c, aligned, end, liquid);
        var bars = new List<Raw>();
        for (var t = aligned; t < end; t = t.AddSeconds(length))
        {
            var barEnd = t.AddSeconds(length) < end ? t.AddSeconds(length) : end;
            // Clip the bar to the session time inside it; bars wholly outside sessions are skipped.
            DateTimeOffset? from = null, to = null;
            foreach (var s in sessions)
            {
                if (s.End <= t || s.Start >= barEnd) continue;
                var f = s.Start > t ? s.Start : t;
                var e = s.End < barEnd ? s.End : barEnd;
                from = from is null || f < from ? f : from;
                to = to is null || e > to ? e : to;
            }
            if (from is null || SecondOf(to!.Value) <= SecondOf(from.Value)) continue;
            bars.Add(new Raw(from.Value, null, RawStats(c, SecondOf(from.Value), SecondOf(to.Value))));
        }
        return bars;
    }

    private List<Raw> DailyBars(ContractDefinition c, DateTimeOffset start, DateTimeOffset end, BarUnit unit, bool liquid)
    {
        var zone = TradingCalendar.ZoneOf(c.Session);
        var days = new List<Raw>();
        for (var date = zone.LocalDate(start); date <= zone.LocalDate(end).AddDays(1); date = date.AddDays(1))
        {
            if (TradingCalendar.Session(c.Session, date, liquid) is not { } s || s.Start >= end || s.End <= start) continue;
            var to = s.End < end ? s.End : end;
            if (SecondOf(to) <= SecondOf(s.Start)) continue;
            days.Add(new Raw(s.Start, date, RawStats(c, SecondOf(s.Start), SecondOf(to))));
        }
        if (unit == BarUnit.Day) return days;
        // Weeks start on Monday; months on the 1st. A group is labelled with its first trading date.
        Func<DateOnly, int> group = unit == BarUnit.Week
            ? d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)).DayNumber
            : d => d.Year * 12 + d.Month;
        return days.GroupBy(d => group(d.Date!.Value))
            .Select(g => g.Aggregate((a, b) => new Raw(a.Time, a.Date, new RawBar(a.Bar.Open,
                Math.Max(a.Bar.High, b.Bar.High), Math.Min(a.Bar.Low, b.Bar.Low), b.Bar.Close, a.Bar.Volume + b.Bar.Volume))))
            .ToList();
    }

    private static List<SessionInterval> SessionsBetween(ContractDefinition c, DateTimeOffset from, DateTimeOffset to, bool liquid)
    {
        var zone = TradingCalendar.ZoneOf(c.Session);
        var list = new List<SessionInterval>();
        for (var d = zone.LocalDate(from).AddDays(-1); d <= zone.LocalDate(to).AddDays(1); d = d.AddDays(1))
        {
            if (TradingCalendar.Session(c.Session, d, liquid) is { } s) list.Add(s);
        }
        return list;
    }

    private PriceBar ToBar(ContractDefinition c, DateTimeOffset time, DateOnly? date, RawBar r, WhatToShow what)
    {
        decimal Bid(double p) => BidAsk(c, p).Bid;
        decimal Ask(double p) => BidAsk(c, p).Ask;
        switch (what)
        {
            case WhatToShow.Trades:
                var (o, h, l, cl) = (ToTick(c, r.Open), ToTick(c, r.High), ToTick(c, r.Low), ToTick(c, r.Close));
                var wap = Math.Round((o + h + l + cl) / 4m, 4);
                var count = (int)Math.Min(int.MaxValue, Math.Max(r.Volume > 0 ? 1 : 0, r.Volume / (long)Math.Max(1m, c.LotSize)));
                return new PriceBar(time, o, h, l, cl, r.Volume, wap, count, date);
            case WhatToShow.Midpoint:
                return new PriceBar(time, ToTick(c, r.Open), ToTick(c, r.High), ToTick(c, r.Low), ToTick(c, r.Close), -1, -1, -1, date);
            case WhatToShow.Bid:
                return new PriceBar(time, Bid(r.Open), Bid(r.High), Bid(r.Low), Bid(r.Close), -1, -1, -1, date);
            case WhatToShow.Ask:
                return new PriceBar(time, Ask(r.Open), Ask(r.High), Ask(r.Low), Ask(r.Close), -1, -1, -1, date);
            case WhatToShow.BidAsk:
                // IB: open = average bid, high = highest ask, low = lowest bid, close = average ask; averages are
                // approximated by the bid at the open and the ask at the close.
                return new PriceBar(time, Bid(r.Open), Ask(r.High), Bid(r.Low), Ask(r.Close), -1, -1, -1, date);
            default:
                throw new ArgumentOutOfRangeException(nameof(what));
        }
    }
}
