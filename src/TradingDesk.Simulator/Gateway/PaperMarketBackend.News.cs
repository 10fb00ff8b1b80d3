using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqNewsProviders, reqHistoricalNews, reqNewsArticle, reqNewsBulletins / cancelNewsBulletins, and the tickNews of a
// market-data line whose generic tick list asks for news (292).
public sealed partial class PaperMarketBackend
{
    /// <summary>IB caps reqHistoricalNews at 300 headlines (its documentation of totalResults).</summary>
    private const int MaxHistoricalNews = 300;

    /// <summary>The bulletin subscription's key in a client's live requests: bulletins carry no request id.</summary>
    private const int BulletinKey = int.MinValue;

    /// <summary>tickNews exists from server version 113 (TICK_NEWS); an older connection's line gets no news ticks.</summary>
    private static readonly int TickNewsMinVersion = TwsCodec.Default.Registry.FindFor(new TickNews(), Direction.ServerToClient).MinVersion;

    private NewsFeed? _newsFeed;
    private NewsFeed Feed => _newsFeed ??= new NewsFeed(Market.Prices);

    private bool OnNewsRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case NewsProvidersRequest:
                var providers = new NewsProviders();
                foreach (var (code, name) in NewsFeed.Providers) providers.NewsProviders_.Add(new NewsProvider { ProviderCode = code, ProviderName = name });
                session.Send(providers);
                return true;
            case HistoricalNewsRequest r:
                SendHistoricalNews(session, r);
                return true;
            case NewsArticleRequest r:
                var article = Feed.Article(Market.Catalogue, (r.ProviderCode ?? "").Trim(), (r.ArticleId ?? "").Trim(), Now);
                // 10172 and its text as IB's message table gives it (also in several client libraries' code tables).
                session.Send(article is { } a
                    ? new NewsArticle { ReqId = r.ReqId, ArticleType = 0, ArticleText = a.Body }
                    : GatewayErrors.Create(r.ReqId, 10172, "Failed to request news article: No data available", Now));
                return true;
            case NewsBulletinsRequest r:
                // allMsgs: today's bulletins so far (since midnight New York), then the new ones; otherwise only new ones.
                // A second subscription replaces the first, as the connection has only one bulletin stream.
                var now = Now;
                client.Live[BulletinKey] = new BulletinLine(now);
                if (r.AllMessages)
                {
                    var midnight = ExchangeTimeZone.Eastern.ToInstant(DateOnly.FromDateTime(ExchangeTimeZone.Eastern.ToLocal(now)), TimeOnly.MinValue);
                    foreach (var b in Feed.BulletinsBetween(midnight, now)) session.Send(BulletinMessage(b));
                }
                return true;
            case CancelNewsBulletins:
                if (client.Live.TryGetValue(BulletinKey, out var live) && live is BulletinLine) client.Live.Remove(BulletinKey);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The bulletin subscription: what went out up to <see cref="SentUpTo"/>.</summary>
    private sealed class BulletinLine(DateTimeOffset since) : LiveRequest(BulletinKey)
    {
        public DateTimeOffset SentUpTo { get; set; } = since;
    }

    private void SendNewBulletins(GatewaySession session, BulletinLine line)
    {
        // One reading of the clock: a manual clock may move on between two (timers fire while the loop runs).
        var now = Now;
        if (now <= line.SentUpTo) return;
        foreach (var b in Feed.BulletinsBetween(line.SentUpTo, now)) session.Send(BulletinMessage(b));
        line.SentUpTo = now;
    }

    private static NewsBulletin BulletinMessage(Bulletin b) =>
        new() { NewsMsgId = b.Id, NewsMsgType = b.Type, NewsMessage = b.Message, OriginatingExch = b.Exchange };

    /// <summary>
    /// historicalNews newest first, at most totalResults (1..300), then historicalNewsEnd whose hasMore says whether
    /// the range held more. Times are "yyyy-MM-dd HH:mm:ss.0" in UTC (UNCONFIRMED: IB's zone for them). An unknown
    /// conId is 200; provider codes none of which IB offers are 321; a contract without a feed (not a stock) gets
    /// just the End.
    /// </summary>
    private void SendHistoricalNews(GatewaySession session, HistoricalNewsRequest r)
    {
        if (!Market.Catalogue.TryGet(new ConId(r.ConId), out var contract))
        {
            session.Send(GatewayErrors.NoSecurityDefinition(r.ReqId, Now));
            return;
        }
        var providers = (r.ProviderCodes ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(NewsFeed.IsProvider).ToHashSet();
        if (providers.Count == 0)
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"no news provider among '{r.ProviderCodes}'", Now));
            return;
        }
        if (!TryParseNewsTime(r.EndDateTime, Now, out var end) || !TryParseNewsTime(r.StartDateTime, end.AddDays(-7), out var start))
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"start '{r.StartDateTime}' or end '{r.EndDateTime}' is not yyyy-MM-dd HH:mm:ss.0", Now));
            return;
        }
        if (end > Now) end = Now;
        var max = Math.Clamp(r.TotalResults <= 0 ? 10 : r.TotalResults, 1, MaxHistoricalNews);
        var items = Feed.Between(contract, providers, start, end).Take(max + 1).ToList();
        foreach (var item in items.Take(max))
            session.Send(new HistoricalNews
            {
                ReqId = r.ReqId, Time = item.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.0", CultureInfo.InvariantCulture),
                ProviderCode = item.Provider, ArticleId = item.ArticleId, Headline = item.Headline,
            });
        session.Send(new HistoricalNewsEnd { ReqId = r.ReqId, HasMore = items.Count > max });
    }

    // IB's news times: "yyyy-MM-dd HH:mm:ss.0" (its samples), with or without the fraction; the request formats of
    // historical bars are accepted too. Empty means the fallback.
    private static bool TryParseNewsTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        var s = (text ?? "").Trim();
        if (s.Length == 0) return true;
        string[] formats = ["yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            time = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }
        return WireFormat.TryParseTime(s, fallback, out time);
    }

    /// <summary>
    /// tickNews for the headlines of the line's stock published since the last tick, when its generic tick list has
    /// 292 ("292:BRFG+DJNL" names the providers; a bare 292 means all of them). Headlines from before the request
    /// are not replayed (UNCONFIRMED: TWS may send a few recent ones first).
    /// </summary>
    private void SendNewsTicks(GatewaySession session, MarketDataLine line)
    {
        if (line.Contract.SecType != SecType.Stock || session.ServerVersion < TickNewsMinVersion
            || NewsProvidersOf(line.GenericTicks) is not { } providers) return;
        const int NewsKey = -292;
        var now = Now.ToUnixTimeSeconds();
        if (!line.Sent.TryGetValue(NewsKey, out var checkedUpTo))
        {
            line.Sent[NewsKey] = now;
            return;
        }
        if (now <= (long)checkedUpTo) return;
        var items = Feed.Between(line.Contract, providers, DateTimeOffset.FromUnixTimeSeconds((long)checkedUpTo), DateTimeOffset.FromUnixTimeSeconds(now)).Reverse();
        foreach (var item in items) session.Send(NewsTick(line.ReqId, item));
        line.Sent[NewsKey] = now;
    }

    private static TickNews NewsTick(int reqId, NewsItem item) => new()
    {
        ReqId = reqId, Timestamp = item.Time.ToUnixTimeMilliseconds(), ProviderCode = item.Provider,
        ArticleId = item.ArticleId, Headline = item.Headline,
        // IB's extraData carries sentiment fields ("K:score;C:confidence", UNCONFIRMED layout).
        ExtraData = string.Create(CultureInfo.InvariantCulture, $"K:{Math.Clamp(item.ChangePercent / 5, -1, 1):0.00};C:0.50"),
    };

    private static HashSet<string>? NewsProvidersOf(string genericTicks)
    {
        foreach (var part in genericTicks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "292") return NewsFeed.Providers.Select(p => p.Code).ToHashSet();
            if (part.StartsWith("292:", StringComparison.Ordinal))
                return part[4..].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        }
        return null;
    }
}
