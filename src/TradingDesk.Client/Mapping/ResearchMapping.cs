using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>The research replies and stream events to the client's records, with the contract's own scalar readers.</summary>
internal static class ResearchMapping
{
    public static NewsSource Source(W.NewsProvider w, string field) => new(Required(w, field).Code, w.Name);

    public static NewsArticleBody Article(W.NewsArticle w) =>
        new(w.ProviderCode, w.ArticleId, Enum<NewsArticleType>((int)w.Type, 1, "type"), w.Text);

    public static NewsHeadline Headline(W.Headline w, string field)
    {
        w = Required(w, field);
        return new(w.TimeText, TimeOrNull(w.Time, field + ".time"), w.ProviderCode, w.ArticleId, w.Text);
    }

    public static PastTick Tick(W.HistoricalTick w, string field)
    {
        w = Required(w, field);
        return new(Time(w.Time, field + ".time"), DecOrNull(w.HasPrice, w.Price, field + ".price"), DecOrNull(w.HasSize, w.Size, field + ".size"),
            w.HasExchange ? w.Exchange : null, w.HasSpecialConditions ? w.SpecialConditions : null, w.PastLimit, w.Unreported,
            DecOrNull(w.HasBidPrice, w.BidPrice, field + ".bid_price"), DecOrNull(w.HasAskPrice, w.AskPrice, field + ".ask_price"),
            DecOrNull(w.HasBidSize, w.BidSize, field + ".bid_size"), DecOrNull(w.HasAskSize, w.AskSize, field + ".ask_size"), w.BidPastLow, w.AskPastHigh);
    }

    public static HistogramBucket Bucket(W.HistogramEntry w, string field) =>
        new(Dec(Required(w, field).Price, field + ".price"), Dec(w.Size, field + ".size"));

    public static TradingSession Session(W.ScheduleSession w, string field) => new(Required(w, field).Start, w.End, w.RefDate);

    public static NewsBulletinItem Bulletin(W.NewsBulletinEvent w) => w.KindCase switch
    {
        W.NewsBulletinEvent.KindOneofCase.Bulletin => new Bulletin(w.Bulletin.MessageId, Enum<NewsBulletinType>((int)w.Bulletin.Type, 0, "bulletin.type"),
            w.Bulletin.Message, w.Bulletin.OriginatingExchange, Time(w.Bulletin.LocalTime, "bulletin.local_time")),
        W.NewsBulletinEvent.KindOneofCase.Note => new BulletinNote(StreamMapping.Note(w.Note, "note")),
        _ => throw new System.Runtime.Serialization.SerializationException("field kind: an event this client does not know"),
    };

    public static NewsTickItem NewsTick(W.NewsTickEvent w) => w.KindCase switch
    {
        W.NewsTickEvent.KindOneofCase.News => new LiveHeadline(Time(w.News.Time, "news.time"), w.News.ProviderCode, w.News.ArticleId, w.News.Headline,
            w.News.ExtraData, Time(w.News.LocalTime, "news.local_time")),
        W.NewsTickEvent.KindOneofCase.Note => new NewsTickNote(StreamMapping.Note(w.Note, "note")),
        _ => throw new System.Runtime.Serialization.SerializationException("field kind: an event this client does not know"),
    };
}
