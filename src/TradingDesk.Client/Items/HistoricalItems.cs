using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>One item of <see cref="DeskClient.HistoricalBars"/>: the <see cref="HistoricalBarsHistory"/> first, then
/// <see cref="HistoricalBarUpdate"/>s, and <see cref="HistoricalBarsNote"/>s.</summary>
public abstract record HistoricalBarsItem;

/// <summary>The bars up to now; <see cref="Start"/> and <see cref="End"/> are the gateway's text. Sent again after the
/// desk re-opened the request (a reconnect), which starts the history afresh.</summary>
public sealed record HistoricalBarsHistory(IReadOnlyList<HistoricalBar> Bars, string Start, string End, DateTimeOffset LocalTime) : HistoricalBarsItem;

/// <summary>The last bar as it is now, or a new one (a later <see cref="HistoricalBar.Time"/>).</summary>
public sealed record HistoricalBarUpdate(HistoricalBar Bar, DateTimeOffset LocalTime) : HistoricalBarsItem;

/// <summary>A note about the stream.</summary>
public sealed record HistoricalBarsNote(StreamNote Note) : HistoricalBarsItem;

/// <summary>A one-time snapshot of <see cref="Contract"/>: every tick the gateway sent before it said the snapshot was complete.</summary>
public sealed record MarketDataSnapshot(ContractSpec Contract, IReadOnlyList<MarketTick> Ticks, DateTimeOffset LocalTime);
