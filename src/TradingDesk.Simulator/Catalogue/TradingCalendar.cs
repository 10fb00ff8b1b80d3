using System.Globalization;
using System.Text;

namespace TradingDesk.Simulator.Catalogue;

/// <summary>One session: an interval of instants, with the local trading date it belongs to.</summary>
public readonly record struct SessionInterval(DateOnly TradingDate, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset t) => t >= Start && t < End;
}

/// <summary>
/// Trading and liquid (regular) hours per <see cref="SessionKind"/>. Weekends are closed; exchange holidays
/// are not modelled (a documented simplification). A session belongs to the trading date on which it ends,
/// as IB's tradingHours strings do for Globex and IDEALPRO ("20250520:1700-20250521:1600").
/// </summary>
public static class TradingCalendar
{
    public static ExchangeTimeZone ZoneOf(SessionKind kind) =>
        kind == SessionKind.CmeEquityIndex ? ExchangeTimeZone.Central : ExchangeTimeZone.Eastern;

    /// <summary>The session for a trading date, or null when the market is closed that day.</summary>
    public static SessionInterval? Session(SessionKind kind, DateOnly date, bool liquidOnly)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return null;
        var zone = ZoneOf(kind);
        var (startDay, start, end) = (kind, liquidOnly) switch
        {
            (SessionKind.UsEquity, false) => (0, new TimeOnly(4, 0), new TimeOnly(20, 0)),
            (SessionKind.UsEquity, true) => (0, new TimeOnly(9, 30), new TimeOnly(16, 0)),
            (SessionKind.UsEquityOption, _) => (0, new TimeOnly(9, 30), new TimeOnly(16, 0)),
            (SessionKind.CmeEquityIndex, false) => (-1, new TimeOnly(17, 0), new TimeOnly(16, 0)),
            (SessionKind.CmeEquityIndex, true) => (0, new TimeOnly(8, 30), new TimeOnly(15, 0)),
            (SessionKind.Fx, _) => (-1, new TimeOnly(17, 15), new TimeOnly(17, 0)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new SessionInterval(date, zone.ToInstant(date.AddDays(startDay), start), zone.ToInstant(date, end));
    }

    /// <summary>The session containing <paramref name="t"/>, if any.</summary>
    public static SessionInterval? SessionAt(SessionKind kind, DateTimeOffset t, bool liquidOnly)
    {
        var local = ZoneOf(kind).LocalDate(t);
        // A session belongs to the date it ends on, so the one containing t ends today or tomorrow.
        for (var d = 0; d <= 1; d++)
        {
            if (Session(kind, local.AddDays(d), liquidOnly) is { } s && s.Contains(t)) return s;
        }
        return null;
    }

    public static bool IsOpen(SessionKind kind, DateTimeOffset t, bool liquidOnly) =>
        SessionAt(kind, t, liquidOnly) is not null;

    /// <summary>The session containing t, or else the next one to start after t.</summary>
    public static SessionInterval CurrentOrNext(SessionKind kind, DateTimeOffset t, bool liquidOnly)
    {
        var local = ZoneOf(kind).LocalDate(t);
        for (var d = 0; d < 10; d++)
        {
            if (Session(kind, local.AddDays(d), liquidOnly) is { } s && s.End > t) return s;
        }
        throw new InvalidOperationException("no session within ten days"); // cannot happen: weekends are 2 days
    }

    /// <summary>The last session that ended at or before t.</summary>
    public static SessionInterval Previous(SessionKind kind, DateTimeOffset t, bool liquidOnly)
    {
        var local = ZoneOf(kind).LocalDate(t);
        for (var d = 0; d < 10; d++)
        {
            if (Session(kind, local.AddDays(-d), liquidOnly) is { } s && s.End <= t) return s;
        }
        throw new InvalidOperationException("no session within ten days");
    }

    /// <summary>
    /// IB's tradingHours / liquidHours text for the days around <paramref name="around"/> (from two days before
    /// to five days after), in the contract's time zone: "20250521:0930-20250521:1600;20250524:CLOSED;...".
    /// </summary>
    public static string HoursText(SessionKind kind, DateOnly around, bool liquidOnly)
    {
        var sb = new StringBuilder();
        var zone = ZoneOf(kind);
        for (var d = -2; d <= 5; d++)
        {
            var date = around.AddDays(d);
            if (sb.Length > 0) sb.Append(';');
            if (Session(kind, date, liquidOnly) is { } s)
            {
                sb.Append(Stamp(zone.ToLocal(s.Start))).Append('-').Append(Stamp(zone.ToLocal(s.End)));
            }
            else
            {
                sb.Append(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(":CLOSED");
            }
        }
        return sb.ToString();
    }

    private static string Stamp(DateTime local) => local.ToString("yyyyMMdd:HHmm", CultureInfo.InvariantCulture);
}
