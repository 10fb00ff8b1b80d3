using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Research, as DeskScript.Research says.
public sealed partial class ScriptedDesk
{
    public override Task<W.ContractDetailsList> GetContractDetails(W.GetContractDetails request, ServerCallContext context) =>
        script.ContractDetails.Answer(request, context);

    public override Task<W.NewsProvidersList> GetNewsProviders(W.GetNewsProviders request, ServerCallContext context) =>
        script.NewsProviders.Answer(request, context);

    public override Task<W.NewsArticle> GetNewsArticle(W.GetNewsArticle request, ServerCallContext context) =>
        script.NewsArticle.Answer(request, context);

    public override Task<W.HistoricalNewsList> GetHistoricalNews(W.GetHistoricalNews request, ServerCallContext context) =>
        script.HistoricalNews.Answer(request, context);

    public override Task StreamNewsBulletins(W.SubscribeNewsBulletins request, IServerStreamWriter<W.NewsBulletinEvent> responseStream, ServerCallContext context) =>
        script.NewsBulletins.Serve(request, responseStream, context);

    public override Task StreamNewsTicks(W.SubscribeMarketData request, IServerStreamWriter<W.NewsTickEvent> responseStream, ServerCallContext context) =>
        script.NewsTicks.Serve(request, responseStream, context);

    public override Task<W.FundamentalsReply> GetFundamentals(W.GetFundamentals request, ServerCallContext context) =>
        script.Fundamentals.Answer(request, context);

    public override Task<W.WshMetaData> GetWshMetaData(W.GetWshMetaData request, ServerCallContext context) =>
        script.WshMetaData.Answer(request, context);

    public override Task<W.WshEvents> GetWshEvents(W.GetWshEvents request, ServerCallContext context) =>
        script.WshEvents.Answer(request, context);

    public override Task<W.HistoricalTicks> GetHistoricalTicks(W.GetHistoricalTicks request, ServerCallContext context) =>
        script.HistoricalTicks.Answer(request, context);

    public override Task<W.Histogram> GetHistogram(W.GetHistogram request, ServerCallContext context) =>
        script.Histogram.Answer(request, context);

    public override Task<W.HistoricalSchedule> GetHistoricalSchedule(W.GetHistoricalSchedule request, ServerCallContext context) =>
        script.Schedule.Answer(request, context);
}
