using Grpc.Core;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>
/// News, fundamentals, WSH and tick history. Each request is the desk's own command, so its validation, pacing and
/// line sharing apply as for an actor strategy: bad input comes back INVALID_ARGUMENT with the desk's words.
/// </summary>
internal sealed partial class TradingDeskService
{
    private ResearchShapes? _researchShapes;
    private ResearchShapes Research => _researchShapes ??= new ResearchShapes(_wire);

    public override Task<W.NewsProvidersList> GetNewsProviders(W.GetNewsProviders request, ServerCallContext context) =>
        Ask<NewsMessages.NewsProvidersList, W.NewsProvidersList>(_desk, Read<NewsMessages.GetNewsProviders>(request), context, W.NewsProvidersList.Parser);

    public override Task<W.NewsArticle> GetNewsArticle(W.GetNewsArticle request, ServerCallContext context) =>
        Ask<NewsMessages.NewsArticle, W.NewsArticle>(_desk, Read<NewsMessages.GetNewsArticle>(request), context, W.NewsArticle.Parser);

    public override Task<W.HistoricalNewsList> GetHistoricalNews(W.GetHistoricalNews request, ServerCallContext context) =>
        Ask<NewsMessages.HistoricalNewsList, W.HistoricalNewsList>(_desk, Read<NewsMessages.GetHistoricalNews>(request), context, W.HistoricalNewsList.Parser);

    public override Task<W.FundamentalsReply> GetFundamentals(W.GetFundamentals request, ServerCallContext context) =>
        Ask<FundamentalsMessages.FundamentalsReply, W.FundamentalsReply>(_desk, Read<FundamentalsMessages.GetFundamentals>(request), context, W.FundamentalsReply.Parser);

    public override Task<W.WshMetaData> GetWshMetaData(W.GetWshMetaData request, ServerCallContext context) =>
        Ask<WshMessages.WshMetaData, W.WshMetaData>(_desk, Read<WshMessages.GetWshMetaData>(request), context, W.WshMetaData.Parser);

    public override Task<W.WshEvents> GetWshEvents(W.GetWshEvents request, ServerCallContext context) =>
        Ask<WshMessages.WshEvents, W.WshEvents>(_desk, Read<WshMessages.GetWshEvents>(request), context, W.WshEvents.Parser);

    public override Task<W.HistoricalTicks> GetHistoricalTicks(W.GetHistoricalTicks request, ServerCallContext context) =>
        Ask<TickHistoryMessages.HistoricalTicks, W.HistoricalTicks>(_desk, Read<TickHistoryMessages.GetHistoricalTicks>(request), context, W.HistoricalTicks.Parser);

    public override Task<W.Histogram> GetHistogram(W.GetHistogram request, ServerCallContext context) =>
        Ask<TickHistoryMessages.Histogram, W.Histogram>(_desk, Read<TickHistoryMessages.GetHistogram>(request), context, W.Histogram.Parser);

    public override Task<W.HistoricalSchedule> GetHistoricalSchedule(W.GetHistoricalSchedule request, ServerCallContext context) =>
        Ask<TickHistoryMessages.HistoricalSchedule, W.HistoricalSchedule>(_desk, Read<TickHistoryMessages.GetHistoricalSchedule>(request), context, W.HistoricalSchedule.Parser);

    public override Task StreamNewsBulletins(W.SubscribeNewsBulletins request, IServerStreamWriter<W.NewsBulletinEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<NewsMessages.SubscribeNewsBulletins>(request), Research.Bulletins, responseStream, context);

    /// <summary>
    /// Headlines of a market data line. The line is asked for the news generic tick whether or not the request names it,
    /// so a caller that only wants headlines need not know IB's tick number.
    /// </summary>
    public override Task StreamNewsTicks(W.SubscribeMarketData request, IServerStreamWriter<W.NewsTickEvent> responseStream, ServerCallContext context)
    {
        var subscribe = Read<MarketDataMessages.SubscribeMarketData>(request);
        var ticks = (subscribe.GenericTicks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!ticks.Any(t => t == NewsMessages.NewsGenericTick || t.StartsWith(NewsMessages.NewsGenericTick + ":", StringComparison.Ordinal)))
            subscribe = subscribe with { GenericTicks = string.Join(',', ticks.Append(NewsMessages.NewsGenericTick)) };
        return Subscription(subscribe, Research.NewsTicks, responseStream, context);
    }
}
