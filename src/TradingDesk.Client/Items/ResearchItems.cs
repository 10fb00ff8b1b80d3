using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>A news provider the login may read.</summary>
public sealed record NewsSource(string Code, string Name);

/// <summary>One article: text or HTML, or a binary article (a PDF) base64-encoded in <see cref="Text"/>.</summary>
public sealed record NewsArticleBody(string ProviderCode, string ArticleId, NewsArticleType Type, string Text);

/// <summary>One past headline; <see cref="Time"/> when the gateway's text parsed.</summary>
public sealed record NewsHeadline(string TimeText, DateTimeOffset? Time, string ProviderCode, string ArticleId, string Text);

/// <summary>Past headlines, newest first; <see cref="HasMore"/>: the gateway had more than were asked for.</summary>
public sealed record HeadlineList(IReadOnlyList<NewsHeadline> Headlines, bool HasMore);

/// <summary>One item of <see cref="DeskClient.NewsBulletins"/>: a <see cref="Bulletin"/> or a <see cref="BulletinNote"/>.</summary>
public abstract record NewsBulletinItem;

/// <summary>One of IB's news bulletins (exchange halts, system notices).</summary>
public sealed record Bulletin(int MessageId, NewsBulletinType Type, string Message, string OriginatingExchange, DateTimeOffset LocalTime) : NewsBulletinItem;

/// <summary>A note about the stream.</summary>
public sealed record BulletinNote(StreamNote Note) : NewsBulletinItem;

/// <summary>One item of <see cref="DeskClient.NewsTicks"/>: a <see cref="LiveHeadline"/> or a <see cref="NewsTickNote"/>.</summary>
public abstract record NewsTickItem;

/// <summary>A headline as it happens, on the contract's market data line.</summary>
public sealed record LiveHeadline(DateTimeOffset Time, string ProviderCode, string ArticleId, string Headline, string ExtraData, DateTimeOffset LocalTime) : NewsTickItem;

/// <summary>A note about the stream.</summary>
public sealed record NewsTickNote(StreamNote Note) : NewsTickItem;

/// <summary>A historical tick: trades fill Price, Size, Exchange, SpecialConditions and the trade attributes; bid/ask the
/// quote fields and their attributes; midpoints Price.</summary>
public sealed record PastTick(
    DateTimeOffset Time, decimal? Price, decimal? Size, string? Exchange, string? SpecialConditions, bool PastLimit, bool Unreported,
    decimal? BidPrice, decimal? AskPrice, decimal? BidSize, decimal? AskSize, bool BidPastLow, bool AskPastHigh);

/// <summary>One histogram bucket: volume traded at a price.</summary>
public sealed record HistogramBucket(decimal Price, decimal Size);

/// <summary>One trading session of a schedule (times in <see cref="TradingSchedule.TimeZone"/>).</summary>
public sealed record TradingSession(string Start, string End, string RefDate);

/// <summary>The trading sessions over a period.</summary>
public sealed record TradingSchedule(string Start, string End, string TimeZone, IReadOnlyList<TradingSession> Sessions);
