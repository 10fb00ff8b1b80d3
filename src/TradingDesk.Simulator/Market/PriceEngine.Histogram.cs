using System.Globalization;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>reqHistogramData's timePeriod ("3 days", "1 week", "2 months", "1 year"), in calendar units.</summary>
public readonly record struct HistogramPeriod(int Count, DurationUnit Unit)
{
    public DateTimeOffset StartFrom(DateTimeOffset end) => new HistoricalDuration(Count, Unit).StartFrom(end);

    public static bool TryParse(string? text, out HistogramPeriod period)
    {
        period = default;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0) return false;
        DurationUnit? unit = parts[1].ToLowerInvariant() switch
        {
            "day" or "days" => DurationUnit.Days,
            "week" or "weeks" => DurationUnit.Weeks,
            "month" or "months" => DurationUnit.Months,
            "year" or "years" => DurationUnit.Years,
            _ => null,
        };
        if (unit is not { } u) return false;
        period = new HistogramPeriod(n, u);
        return true;
    }
}

public sealed partial class PriceEngine
{
    /// <summary>
    /// The traded volume per price over (start, end], from the same path as bars: the window's sessions (liquid
    /// hours with <paramref name="useRth"/>) are cut into steps (a minute up to a week, five minutes up to a
    /// month, half an hour beyond), and each step's volume goes to its closing price on the tick grid. Sorted by
    /// price; only prices that traded.
    /// </summary>
    public IReadOnlyList<(decimal Price, decimal Volume)> GetHistogram(ConId conId, DateTimeOffset start, DateTimeOffset end, bool useRth)
    {
        var c = Catalogue.Get(conId);
        if (end > ModelEnd) end = ModelEnd;
        var head = HeadTimestamp(conId);
        if (start < head) start = head;
        var span = end - start;
        var step = span <= TimeSpan.FromDays(7) ? 60L : span <= TimeSpan.FromDays(31) ? 300L : 1800L;
        var volume = new SortedDictionary<decimal, long>();
        var t = start;
        while (t < end)
        {
            var session = TradingCalendar.CurrentOrNext(c.Session, t, useRth);
            if (session.Start >= end) break;
            var from = SecondOf(session.Start > t ? session.Start : t);
            var to = SecondOf(session.End < end ? session.End : end);
            for (var s = from; s < to; s += step)
            {
                var bar = RawStats(c, s, Math.Min(s + step, to));
                if (bar.Volume <= 0) continue;
                var price = ToTick(c, bar.Close);
                volume[price] = volume.GetValueOrDefault(price) + bar.Volume;
            }
            t = session.End;
        }
        return volume.Select(kv => (kv.Key, (decimal)kv.Value)).ToList();
    }
}
