using TradingDesk.Desk.Messages;

namespace TradingDesk.Client;

/// <summary>What a stream says about itself rather than about the market; each stream yields these as items too, so a
/// reader sees that ticks were conflated or the line re-opened instead of a silent gap.</summary>
public abstract record StreamNote(DateTimeOffset At);

/// <summary>The desk re-opened the line after a reconnect or a failover; items follow again.</summary>
public sealed record Resubscribed(string Reason, DateTimeOffset At) : StreamNote(At);

/// <summary>The gateway said something about this line (a warning with IB's code); the stream goes on.</summary>
public sealed record LineNotice(int Code, string Message, DateTimeOffset At) : StreamNote(At);

/// <summary>The reader was slower than the market: <see cref="Skipped"/> updates of <see cref="TickType"/> were replaced
/// by a later one.</summary>
public sealed record Conflated(TickType TickType, int Skipped, DateTimeOffset At) : StreamNote(At);
