using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using F = TradingDesk.Desk.Messages.FundamentalsMessages;
using N = TradingDesk.Desk.Messages.NewsMessages;
using W = TradingDesk.Contracts.Wire;
using Wsh = TradingDesk.Desk.Messages.WshMessages;

namespace TradingDesk.Cluster.Serialization;

/// <summary>News, fundamentals and Wall Street Horizon.</summary>
internal static class ResearchWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetNewsProviders, W.GetNewsProviders.Parser, (N.GetNewsProviders _) => new W.GetNewsProviders(), _ => new N.GetNewsProviders());
        t.Add(Manifests.NewsProvider, W.NewsProvider.Parser, (N.NewsProvider m) => ToWire(m), w => FromWire(w, "provider"));
        t.Add(Manifests.NewsProvidersList, W.NewsProvidersList.Parser,
            (N.NewsProvidersList m) => new W.NewsProvidersList { Providers = { m.Providers.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new N.NewsProvidersList(w.Providers.Select(p => FromWire(p, "providers")).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetNewsArticle, W.GetNewsArticle.Parser,
            (N.GetNewsArticle m) => new W.GetNewsArticle { ProviderCode = m.ProviderCode, ArticleId = m.ArticleId },
            w => new N.GetNewsArticle(w.ProviderCode, w.ArticleId));
        t.Add(Manifests.NewsArticle, W.NewsArticle.Parser,
            (N.NewsArticle m) => new W.NewsArticle { ProviderCode = m.ProviderCode, ArticleId = m.ArticleId, Type = (W.NewsArticleType)((int)m.Type + 1), Text = m.Text, LocalTime = Time(m.LocalTime) },
            w => new N.NewsArticle(w.ProviderCode, w.ArticleId, Enum<NewsArticleType>((int)w.Type, 1, "type"), w.Text, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetHistoricalNews, W.GetHistoricalNews.Parser,
            (N.GetHistoricalNews m) => new W.GetHistoricalNews
            {
                ConId = m.ConId.Value, ProviderCodes = { m.ProviderCodes }, Start = TimeOrNull(m.Start), End = TimeOrNull(m.End), TotalResults = m.TotalResults,
            },
            w => new N.GetHistoricalNews(new ConId(w.ConId), w.ProviderCodes.ToList(), TimeOrNull(w.Start, "start"), TimeOrNull(w.End, "end"), w.TotalResults));
        t.Add(Manifests.Headline, W.Headline.Parser, (N.Headline m) => ToWire(m), w => FromWire(w, "headline"));
        t.Add(Manifests.HistoricalNewsList, W.HistoricalNewsList.Parser,
            (N.HistoricalNewsList m) => new W.HistoricalNewsList { Headlines = { m.Headlines.Select(ToWire) }, HasMore = m.HasMore, LocalTime = Time(m.LocalTime) },
            w => new N.HistoricalNewsList(w.Headlines.Select(h => FromWire(h, "headlines")).ToList(), w.HasMore, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribeNewsBulletins, W.SubscribeNewsBulletins.Parser,
            (N.SubscribeNewsBulletins m) => new W.SubscribeNewsBulletins { AllMessages = m.AllMessages }, w => new N.SubscribeNewsBulletins(w.AllMessages));
        t.Add(Manifests.NewsBulletin, W.NewsBulletin.Parser,
            (N.NewsBulletin m) => new W.NewsBulletin
            {
                Subscription = m.Subscription.Value, MessageId = m.MessageId, Type = (W.NewsBulletinType)(int)m.Type, Message = m.Message,
                OriginatingExchange = m.OriginatingExchange, LocalTime = Time(m.LocalTime),
            },
            w => new N.NewsBulletin(new SubscriptionId(w.Subscription), w.MessageId, Enum<NewsBulletinType>((int)w.Type, 0, "type"), w.Message, w.OriginatingExchange, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.NewsTick, W.NewsTick.Parser,
            (N.NewsTick m) => new W.NewsTick
            {
                Subscription = m.Subscription.Value, Time = Time(m.Time), ProviderCode = m.ProviderCode, ArticleId = m.ArticleId, Headline = m.Headline,
                ExtraData = m.ExtraData, LocalTime = Time(m.LocalTime),
            },
            w => new N.NewsTick(new SubscriptionId(w.Subscription), Time(w.Time, "time"), w.ProviderCode, w.ArticleId, w.Headline, w.ExtraData, Time(w.LocalTime, "local_time")));

        t.Add(Manifests.GetFundamentals, W.GetFundamentals.Parser,
            (F.GetFundamentals m) => new W.GetFundamentals { Contract = m.Contract.ToWire(), Report = ToWire(m.Report) },
            w => new F.GetFundamentals(w.Contract.FromWire("contract"), FromWire(w.Report, "report")));
        t.Add(Manifests.FundamentalsReply, W.FundamentalsReply.Parser,
            (F.FundamentalsReply m) => new W.FundamentalsReply { Report = ToWire(m.Report), Xml = m.Xml, LocalTime = Time(m.LocalTime) },
            w => new F.FundamentalsReply(FromWire(w.Report, "report"), w.Xml, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ReportNotAvailable, W.ReportNotAvailable.Parser, (ReportNotAvailable m) => ToWire(m), FromWire);

        t.Add(Manifests.GetWshMetaData, W.GetWshMetaData.Parser, (Wsh.GetWshMetaData _) => new W.GetWshMetaData(), _ => new Wsh.GetWshMetaData());
        t.Add(Manifests.WshMetaData, W.WshMetaData.Parser,
            (Wsh.WshMetaData m) => new W.WshMetaData { Json = m.Json, LocalTime = Time(m.LocalTime) }, w => new Wsh.WshMetaData(w.Json, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetWshEvents, W.GetWshEvents.Parser, (Wsh.GetWshEvents m) => ToWire(m), FromWire);
        t.Add(Manifests.WshEvents, W.WshEvents.Parser,
            (Wsh.WshEvents m) => new W.WshEvents { Json = m.Json, LocalTime = Time(m.LocalTime) }, w => new Wsh.WshEvents(w.Json, Time(w.LocalTime, "local_time")));
    }

    public static W.FundamentalsReport ToWire(FundamentalsReport r) => (W.FundamentalsReport)((int)r + 1);
    public static FundamentalsReport FromWire(W.FundamentalsReport w, string field) => Enum<FundamentalsReport>((int)w, 1, field);

    public static W.ReportNotAvailable ToWire(ReportNotAvailable m) =>
        new() { Contract = m.Contract, Report = ToWire(m.Report), GatewayMessage = m.GatewayMessage };

    public static ReportNotAvailable FromWire(W.ReportNotAvailable w) => new(w.Contract, FromWire(w.Report, "report"), w.GatewayMessage);

    public static W.GetWshEvents ToWire(Wsh.GetWshEvents m)
    {
        var w = new W.GetWshEvents { FillWatchlist = m.FillWatchlist, FillPortfolio = m.FillPortfolio, FillCompetitors = m.FillCompetitors };
        if (m.ConId is { } conId) w.ConId = conId.Value;
        if (m.FilterJson is { } filter) w.FilterJson = filter;
        if (m.StartDate is { } start) w.StartDate = start;
        if (m.EndDate is { } end) w.EndDate = end;
        if (m.Limit is { } limit) w.Limit = limit;
        return w;
    }

    public static Wsh.GetWshEvents FromWire(W.GetWshEvents w) => new(
        w.HasConId ? new ConId(w.ConId) : null, w.HasFilterJson ? w.FilterJson : null, w.HasStartDate ? w.StartDate : null,
        w.HasEndDate ? w.EndDate : null, w.HasLimit ? w.Limit : null, w.FillWatchlist, w.FillPortfolio, w.FillCompetitors);

    private static W.NewsProvider ToWire(N.NewsProvider m) => new() { Code = m.Code, Name = m.Name };
    private static N.NewsProvider FromWire(W.NewsProvider? w, string field) { w = Required(w, field); return new(w.Code, w.Name); }

    private static W.Headline ToWire(N.Headline m) =>
        new() { TimeText = m.TimeText, Time = TimeOrNull(m.Time), ProviderCode = m.ProviderCode, ArticleId = m.ArticleId, Text = m.Text };

    private static N.Headline FromWire(W.Headline? w, string field)
    {
        w = Required(w, field);
        return new(w.TimeText, TimeOrNull(w.Time, "time"), w.ProviderCode, w.ArticleId, w.Text);
    }
}
