using System.Collections.Concurrent;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Desk.Tests.Core.Support;

/// <summary>
/// A gateway backend that answers the research requests (news, fundamentals, WSH, tick history) with fixed data, so
/// the desk's routing of them is tested over the real wire: symbol "NOFUND" has no fundamentals (error 430), TRADES
/// ticks come in two parts, bulletin and market-data sessions are kept so a test can push to them. Every request is
/// recorded; <see cref="Next"/> lets a test await a request of one kind (no polling).
/// </summary>
public sealed class ResearchBackend : IGatewayBackend
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TaskCompletionSource<IMessage>>> _awaited = new();

    public ConcurrentQueue<IMessage> Received { get; } = new();
    public ConcurrentDictionary<int, GatewaySession> MarketData { get; } = new();
    public GatewaySession? Bulletins { get; private set; }

    public int Count<T>() where T : IMessage => Received.Count(m => m is T);

    /// <summary>Completes with the next <typeparamref name="T"/> the backend receives after this call.</summary>
    public Task<IMessage> Next<T>() where T : IMessage
    {
        var done = new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaited.GetOrAdd(typeof(T).Name, _ => new()).Enqueue(done);
        return done.Task;
    }

    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }
    public void OnClientClosed(GatewaySession session) { }

    public void OnRequest(GatewaySession session, IMessage request)
    {
        Received.Enqueue(request);
        Answer(session, request);
        if (_awaited.TryGetValue(request.Descriptor.Name, out var waiting) && waiting.TryDequeue(out var done)) done.TrySetResult(request);
    }

    private void Answer(GatewaySession session, IMessage request)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        switch (request)
        {
            case NewsProvidersRequest:
                session.Send(new NewsProviders { NewsProviders_ = { new NewsProvider { ProviderCode = "BRFG", ProviderName = "Briefing.com" }, new NewsProvider { ProviderCode = "DJNL", ProviderName = "Dow Jones" } } });
                break;
            case NewsArticleRequest r:
                session.Send(new NewsArticle { ReqId = r.ReqId, ArticleType = 0, ArticleText = $"article {r.ArticleId} from {r.ProviderCode}" });
                break;
            case HistoricalNewsRequest r:
                session.Send(new HistoricalNews { ReqId = r.ReqId, Time = "2026-03-02 14:00:00.0", ProviderCode = "BRFG", ArticleId = "BRFG$1", Headline = "first" });
                session.Send(new HistoricalNews { ReqId = r.ReqId, Time = "2026-03-02 13:00:00.0", ProviderCode = "BRFG", ArticleId = "BRFG$2", Headline = "second" });
                session.Send(new HistoricalNewsEnd { ReqId = r.ReqId, HasMore = true });
                break;
            case NewsBulletinsRequest:
                Bulletins = session;
                break;
            case FundamentalsDataRequest r when r.Contract.Symbol == "NOFUND":
                session.Send(new ErrorMessage { Id = r.ReqId, ErrorTime = now, ErrorCode = 430, ErrorMsg = "We are sorry, but fundamentals data for the security specified is not available." });
                break;
            case FundamentalsDataRequest r:
                session.Send(new FundamentalsData { ReqId = r.ReqId, Data = $"<Report type=\"{r.ReportType}\" symbol=\"{r.Contract.Symbol}\"/>" });
                break;
            case WshMetaDataRequest r:
                session.Send(new WshMetaData { ReqId = r.ReqId, DataJson = "{\"meta\":true}" });
                break;
            case WshEventDataRequest r:
                session.Send(new WshEventData { ReqId = r.ReqId, DataJson = $"{{\"conId\":{r.ConId}}}" });
                break;
            case HistoricalTicksRequest r when r.WhatToShow == "TRADES":
                session.Send(new HistoricalTicksLast { ReqId = r.ReqId, IsDone = false, HistoricalTicksLast_ = { new HistoricalTickLast { Time = 1_772_463_600, Price = 10.25, Size = "100", Exchange = "NASDAQ", TickAttribLast = new TickAttribLast { Unreported = true } } } });
                session.Send(new HistoricalTicksLast { ReqId = r.ReqId, IsDone = true, HistoricalTicksLast_ = { new HistoricalTickLast { Time = 1_772_463_601, Price = 10.5, Size = "5", Exchange = "ARCA" } } });
                break;
            case HistoricalTicksRequest r:
                session.Send(new HistoricalTicksBidAsk { ReqId = r.ReqId, IsDone = true, HistoricalTicksBidAsk_ = { new HistoricalTickBidAsk { Time = 1_772_463_600, PriceBid = 10, PriceAsk = 10.5, SizeBid = "1", SizeAsk = "2", TickAttribBidAsk = new TickAttribBidAsk { AskPastHigh = true } } } });
                break;
            case HistogramDataRequest r:
                session.Send(new HistogramData { ReqId = r.ReqId, HistogramDataEntries = { new HistogramDataEntry { Price = 10.25, Size = "300" }, new HistogramDataEntry { Price = 10.5, Size = "700" } } });
                break;
            case HistoricalDataRequest r when r.WhatToShow == "SCHEDULE":
                session.Send(new HistoricalSchedule
                {
                    ReqId = r.ReqId, StartDateTime = "20260302-09:30:00", EndDateTime = "20260302-16:00:00", TimeZone = "US/Eastern",
                    HistoricalSessions = { new HistoricalSession { StartDateTime = "20260302-09:30:00", EndDateTime = "20260302-16:00:00", RefDate = "20260302" } },
                });
                break;
            case MarketDataRequest r:
                MarketData[r.ReqId] = session;
                break;
        }
    }
}
