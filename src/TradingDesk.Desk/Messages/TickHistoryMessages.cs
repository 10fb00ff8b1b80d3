using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Historical ticks, histograms and trading schedules. IB's historical pacing applies to every one (the desk waits
/// rather than earn a 162). Sent by strategies to the desk; each reply goes to the sender.
/// </summary>
public static class TickHistoryMessages
{
    /// <summary>
    /// Up to <paramref name="Count"/> (1 to 1000) ticks (reqHistoricalTicks) from <paramref name="Start"/> forwards or up
    /// to <paramref name="End"/>: exactly one of the two. Reply: <see cref="HistoricalTicks"/> once the gateway says done
    /// (it may answer in several parts).
    /// </summary>
    public sealed record GetHistoricalTicks(ContractSpec Contract, HistoricalTicksKind What, DateTimeOffset? Start, DateTimeOffset? End,
        int Count = 1000, bool UseRth = true, bool IgnoreSize = false) : IDeskCommand;

    /// <summary>
    /// One historical tick. Trades: <paramref name="Price"/>, <paramref name="Size"/>, exchange, conditions and the
    /// past-limit / unreported attributes. Bid/ask: the four quote fields and the past-low / past-high attributes.
    /// Midpoint: <paramref name="Price"/> only.
    /// </summary>
    public sealed record HistoricalTick(
        DateTimeOffset Time, decimal? Price, decimal? Size, string? Exchange, string? SpecialConditions, bool PastLimit, bool Unreported,
        decimal? BidPrice, decimal? AskPrice, decimal? BidSize, decimal? AskSize, bool BidPastLow, bool AskPastHigh);

    /// <summary>Reply to <see cref="GetHistoricalTicks"/>, every part in gateway order.</summary>
    public sealed record HistoricalTicks(HistoricalTicksKind What, IReadOnlyList<HistoricalTick> Ticks, DateTimeOffset LocalTime);

    /// <summary>
    /// Volume by price (reqHistogramData) over <paramref name="Period"/>: a count and a unit, e.g. "3 days", "1 week",
    /// "2 months", "1 year". Reply: <see cref="Histogram"/>.
    /// </summary>
    public sealed record GetHistogram(ContractSpec Contract, string Period, bool UseRth = true) : IDeskCommand;

    /// <summary>One histogram bucket.</summary>
    public sealed record HistogramEntry(decimal Price, decimal Size);

    /// <summary>Reply to <see cref="GetHistogram"/>.</summary>
    public sealed record Histogram(IReadOnlyList<HistogramEntry> Entries, DateTimeOffset LocalTime);

    /// <summary>
    /// The trading sessions (reqHistoricalData with whatToShow SCHEDULE, daily bars) over <paramref name="Duration"/>
    /// (e.g. "1 W", "5 D") ending at <paramref name="EndDateTime"/> ("" means now, else "yyyyMMdd-HH:mm:ss" UTC).
    /// Reply: <see cref="HistoricalSchedule"/>.
    /// </summary>
    public sealed record GetHistoricalSchedule(ContractSpec Contract, string Duration = "1 W", string EndDateTime = "", bool UseRth = true) : IDeskCommand;

    /// <summary>One session: start and end in the schedule's time zone, and the trading day it belongs to.</summary>
    public sealed record Session(string Start, string End, string RefDate);

    /// <summary>Reply to <see cref="GetHistoricalSchedule"/>.</summary>
    public sealed record HistoricalSchedule(string Start, string End, string TimeZone, IReadOnlyList<Session> Sessions, DateTimeOffset LocalTime);
}
