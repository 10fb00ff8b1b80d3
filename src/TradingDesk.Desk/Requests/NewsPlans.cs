using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.NewsMessages;
using NewsArticle = TradingDesk.Desk.Messages.NewsMessages.NewsArticle;
using NewsBulletin = TradingDesk.Desk.Messages.NewsMessages.NewsBulletin;
using NewsProvider = TradingDesk.Desk.Messages.NewsMessages.NewsProvider;

namespace TradingDesk.Desk.Requests;

/// <summary>reqNewsProviders → newsProviders. No request id: the router's news-providers owner serialises askers.</summary>
internal sealed class NewsProvidersPlan(GetNewsProviders command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new NewsProvidersRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message is NewsProviders p
        ? new Step.Complete(new NewsProvidersList(p.NewsProviders_.Select(x => new NewsProvider(x.ProviderCode, x.ProviderName)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>reqNewsArticle → newsArticle. IB has no cancel for it. A read: safe to retry.</summary>
internal sealed class NewsArticlePlan(GetNewsArticle command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new NewsArticleRequest { ReqId = requestId, ProviderCode = command.ProviderCode, ArticleId = command.ArticleId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.NewsArticle a
        ? new Step.Complete(new NewsArticle(command.ProviderCode, command.ArticleId, a.ArticleType == 1 ? NewsArticleType.Binary : NewsArticleType.Text, a.ArticleText, at))
        : Step.Continue.Instance;
}

/// <summary>reqHistoricalNews → historicalNews* → historicalNewsEnd. IB has no cancel for it. A read: safe to retry.</summary>
internal sealed class HistoricalNewsPlan(GetHistoricalNews command) : RequestPlan
{
    private readonly List<Headline> _headlines = [];
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.Historical;
    public override IMessage Build(int requestId) => new HistoricalNewsRequest
    {
        // Provider codes go '+'-separated, as IB's reqHistoricalNews expects them.
        ReqId = requestId, ConId = command.ConId.Value, ProviderCodes = string.Join('+', command.ProviderCodes),
        StartDateTime = NewsTime(command.Start), EndDateTime = NewsTime(command.End), TotalResults = command.TotalResults,
    };
    public override void Reset() => _headlines.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case HistoricalNews n: _headlines.Add(new Headline(n.Time, NewsMapping.ParseNewsTime(n.Time), n.ProviderCode, n.ArticleId, n.Headline)); return Step.Continue.Instance;
            case HistoricalNewsEnd end: return new Step.Complete(new HistoricalNewsList(_headlines.ToList(), end.HasMore, at));
            default: return Step.Continue.Instance;
        }
    }

    // IB documents "yyyy-MM-dd HH:mm:ss.0" for these bounds; the desk writes UTC (UNCONFIRMED whether the gateway reads
    // them as UTC or as the login's time zone: a bound off by the zone only widens or narrows the window).
    internal static string NewsTime(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.0", CultureInfo.InvariantCulture) : "";
}

/// <summary>
/// reqNewsBulletins / cancelNewsBulletins: no request id on the wire, one subscription per connection, so the router
/// keeps one line for every subscriber and hands it the bulletins by type.
/// </summary>
internal sealed class NewsBulletinsStream(SubscribeNewsBulletins command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new NewsBulletinsRequest { AllMessages = command.AllMessages };
    public override IMessage Cancel(int id) => new CancelNewsBulletins();
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message is IBApi.protobuf.NewsBulletin b
        ? new NewsBulletin(sub, b.NewsMsgId, Enum.IsDefined((NewsBulletinType)b.NewsMsgType) ? (NewsBulletinType)b.NewsMsgType : NewsBulletinType.Regular, b.NewsMessage, b.OriginatingExch, at)
        : null;
}

/// <summary>News items on market data lines.</summary>
internal static class NewsMapping
{
    /// <summary>tickNews → <see cref="NewsTick"/>; its timestamp is epoch milliseconds.</summary>
    public static NewsTick ToNewsTick(TickNews n, SubscriptionId sub, DateTimeOffset at) =>
        new(sub, DateTimeOffset.FromUnixTimeMilliseconds(n.Timestamp), n.ProviderCode, n.ArticleId, n.Headline, n.ExtraData, at);

    /// <summary>historicalNews times: "yyyy-MM-dd HH:mm:ss.0" (read as UTC); null when the text is something else.</summary>
    public static DateTimeOffset? ParseNewsTime(string text)
    {
        string[] formats = ["yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd-HH:mm:ss"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
