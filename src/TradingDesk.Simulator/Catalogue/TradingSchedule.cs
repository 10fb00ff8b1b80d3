namespace TradingDesk.Simulator.Catalogue;

/// <summary>The sessions of a window, for IB's historical schedule (reqHistoricalData with whatToShow SCHEDULE).</summary>
public static class TradingSchedule
{
    /// <summary>
    /// Every session (liquid hours with <paramref name="liquidOnly"/>) whose trading date falls between the local
    /// dates of <paramref name="start"/> and <paramref name="end"/>, oldest first. A session belongs to the date it
    /// ends on, so a Globex or IDEALPRO session of Monday starts on Sunday afternoon.
    /// </summary>
    public static IReadOnlyList<SessionInterval> Sessions(SessionKind kind, DateTimeOffset start, DateTimeOffset end, bool liquidOnly)
    {
        var zone = TradingCalendar.ZoneOf(kind);
        var list = new List<SessionInterval>();
        for (var d = zone.LocalDate(start); d <= zone.LocalDate(end); d = d.AddDays(1))
            if (TradingCalendar.Session(kind, d, liquidOnly) is { } s) list.Add(s);
        return list;
    }
}
