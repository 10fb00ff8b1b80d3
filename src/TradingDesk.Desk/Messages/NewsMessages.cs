using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// News: providers, articles, historical headlines and IB's news bulletins. Sent by strategies to the desk; each reply
/// goes to the sender, or <see cref="RequestFailed"/> with a typed <see cref="DeskFailure"/>. Headlines that arrive
/// live ride on a market data line subscribed with generic tick "292" (<see cref="NewsTick"/> items): a stock's line
/// carries that stock's headlines, a BroadTape line (<c>Contract.BroadTape</c>) every headline of one provider.
/// </summary>
public static class NewsMessages
{
    /// <summary>The news providers this login may read (reqNewsProviders). No request id on the wire: one asker at a time. Reply: <see cref="NewsProvidersList"/>.</summary>
    public sealed record GetNewsProviders : IDeskCommand;

    /// <summary>One provider: its code (e.g. "BRFG") and name.</summary>
    public sealed record NewsProvider(string Code, string Name);

    /// <summary>Reply to <see cref="GetNewsProviders"/>.</summary>
    public sealed record NewsProvidersList(IReadOnlyList<NewsProvider> Providers, DateTimeOffset LocalTime);

    /// <summary>One article's body (reqNewsArticle). Reply: <see cref="NewsArticle"/>.</summary>
    public sealed record GetNewsArticle(string ProviderCode, string ArticleId) : IDeskCommand;

    /// <summary>Reply to <see cref="GetNewsArticle"/>: text (or HTML), or a binary article base64-encoded in <paramref name="Text"/>.</summary>
    public sealed record NewsArticle(string ProviderCode, string ArticleId, NewsArticleType Type, string Text, DateTimeOffset LocalTime);

    /// <summary>
    /// Past headlines for one contract (reqHistoricalNews) from the given providers, newest first, at most
    /// <paramref name="TotalResults"/> (1 to 300). <paramref name="Start"/> / <paramref name="End"/> null: no bound.
    /// Reply: <see cref="HistoricalNewsList"/> once the gateway's end marker arrives.
    /// </summary>
    public sealed record GetHistoricalNews(ConId ConId, IReadOnlyList<string> ProviderCodes, DateTimeOffset? Start, DateTimeOffset? End, int TotalResults = 10) : IDeskCommand;

    /// <summary>One past headline. <paramref name="Time"/> parsed from the gateway's <paramref name="TimeText"/> when it can be.</summary>
    public sealed record Headline(string TimeText, DateTimeOffset? Time, string ProviderCode, string ArticleId, string Text);

    /// <summary>Reply to <see cref="GetHistoricalNews"/>. <paramref name="HasMore"/>: the gateway had more than were asked for.</summary>
    public sealed record HistoricalNewsList(IReadOnlyList<Headline> Headlines, bool HasMore, DateTimeOffset LocalTime);

    /// <summary>
    /// IB's news bulletins (reqNewsBulletins; no request id on the wire). A subscription: reply
    /// <see cref="SubscriptionMessages.Subscribed"/>, then <see cref="NewsBulletin"/> items. IB keeps one bulletin
    /// subscription per connection, so every subscriber shares one (reference-counted); a subscriber asking for the
    /// other <paramref name="AllMessages"/> setting than the live one is refused.
    /// </summary>
    public sealed record SubscribeNewsBulletins(bool AllMessages = false) : IDeskCommand;

    /// <summary>One bulletin (exchange halts, system notices).</summary>
    public sealed record NewsBulletin(SubscriptionId Subscription, int MessageId, NewsBulletinType Type, string Message, string OriginatingExchange, DateTimeOffset LocalTime);

    /// <summary>A live headline on a market data line (tickNews), when the line asked for generic tick 292.</summary>
    public sealed record NewsTick(SubscriptionId Subscription, DateTimeOffset Time, string ProviderCode, string ArticleId, string Headline, string ExtraData, DateTimeOffset LocalTime);

    /// <summary>The generic tick that asks a market data line for news headlines (with "292:BRFG" for one provider).</summary>
    public const string NewsGenericTick = "292";

    /// <summary>
    /// The generic ticks of a BroadTape line (<c>SubscribeMarketData(Contract.BroadTape("BRFG"), BroadTapeGenericTicks)</c>):
    /// headlines only ("mdoff"), of every stock the provider covers. Items: <see cref="NewsTick"/>.
    /// </summary>
    public const string BroadTapeGenericTicks = "mdoff," + NewsGenericTick;
}
