using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator.Server;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using HistoricalSchedule = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalSchedule;
using HistoricalTicks = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalTicks;
using NewsArticle = TradingDesk.Desk.Messages.NewsMessages.NewsArticle;
using WshMetaData = TradingDesk.Desk.Messages.WshMessages.WshMetaData;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>News, fundamentals, WSH and tick history through the whole desk, against a backend that answers them over the wire.</summary>
public sealed class ResearchRoutingTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(10)), IAsyncLifetime
{
    private readonly ResearchBackend _backend = new();
    private GatewayServer _server = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend);
        _server.Start();
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Host = "127.0.0.1", Port = _server.Port, ClientId = 3, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Two_concurrent_news_provider_askers_each_get_the_whole_list()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        _desk.Tell(new GetNewsProviders(), a.Ref);
        _desk.Tell(new GetNewsProviders(), b.Ref);
        Assert.Equal(["BRFG", "DJNL"], a.ExpectMsg<NewsProvidersList>().Providers.Select(p => p.Code));
        Assert.Equal(["BRFG", "DJNL"], b.ExpectMsg<NewsProvidersList>().Providers.Select(p => p.Code));
        Assert.Equal(2, _backend.Count<NewsProvidersRequest>());
    }

    [Fact]
    public void Articles_and_historical_headlines_arrive_typed()
    {
        _desk.Tell(new GetNewsArticle("BRFG", "BRFG$1"), TestActor);
        var article = ExpectMsg<NewsArticle>();
        Assert.Equal(("article BRFG$1 from BRFG", NewsArticleType.Text), (article.Text, article.Type));

        _desk.Tell(new GetHistoricalNews(new ConId(265598), ["BRFG", "DJNL"], null, null, 2), TestActor);
        var news = ExpectMsg<HistoricalNewsList>();
        Assert.True(news.HasMore);
        Assert.Equal(["first", "second"], news.Headlines.Select(h => h.Text));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero), news.Headlines[0].Time);
        var sent = Assert.Single(_backend.Received.OfType<HistoricalNewsRequest>());
        Assert.Equal(("BRFG+DJNL", 2, ""), (sent.ProviderCodes, sent.TotalResults, sent.StartDateTime));
    }

    [Fact]
    public async Task Two_bulletin_subscribers_share_one_gateway_subscription_cancelled_when_both_leave()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var requested = _backend.Next<NewsBulletinsRequest>();
        _desk.Tell(new SubscribeNewsBulletins(), a.Ref);
        var id = a.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        _desk.Tell(new SubscribeNewsBulletins(), b.Ref);
        Assert.Equal(id, b.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        await requested.WaitAsync(TimeSpan.FromSeconds(10));

        _backend.Bulletins!.Send(new IBApi.protobuf.NewsBulletin { NewsMsgId = 7, NewsMsgType = 2, NewsMessage = "NYSE halted", OriginatingExch = "NYSE" });
        foreach (var probe in new[] { a, b })
        {
            var bulletin = probe.ExpectMsg<NewsMessages.NewsBulletin>();
            Assert.Equal((id, 7, NewsBulletinType.ExchangeUnavailable, "NYSE"), (bulletin.Subscription, bulletin.MessageId, bulletin.Type, bulletin.OriginatingExchange));
        }

        // The other allMessages setting would need a second subscription IB does not keep: refused, nothing sent.
        _desk.Tell(new SubscribeNewsBulletins(AllMessages: true), TestActor);
        Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure);

        var cancelled = _backend.Next<CancelNewsBulletins>();
        _desk.Tell(new SubscriptionMessages.Unsubscribe(id), a.Ref);
        a.ExpectMsg<SubscriptionMessages.SubscriptionEnded>();
        _desk.Tell(new SubscriptionMessages.Unsubscribe(id), b.Ref);
        b.ExpectMsg<SubscriptionMessages.SubscriptionEnded>();
        await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _backend.Count<NewsBulletinsRequest>());
    }

    [Fact]
    public async Task News_ticks_ride_the_market_data_line_that_asked_for_them()
    {
        var requested = _backend.Next<MarketDataRequest>();
        _desk.Tell(new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL"), NewsGenericTick), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var request = (MarketDataRequest)await requested.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("292", request.GenericTickList);
        _backend.MarketData[request.ReqId].Send(new TickNews { ReqId = request.ReqId, Timestamp = 1_772_463_600_000, ProviderCode = "BRFG", ArticleId = "BRFG$9", Headline = "AAPL up", ExtraData = "A:800015:L:en" });
        var tick = FishForMessage<NewsTick>(_ => true);
        Assert.Equal((id, "BRFG$9", "AAPL up"), (tick.Subscription, tick.ArticleId, tick.Headline));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_772_463_600_000), tick.Time);
    }

    [Fact]
    public void Error_430_fails_only_its_requester_with_a_typed_failure()
    {
        var bad = CreateTestProbe();
        var good = CreateTestProbe();
        _desk.Tell(new GetFundamentals(Contract.Stock("NOFUND"), FundamentalsReport.ReportsFinSummary), bad.Ref);
        _desk.Tell(new GetFundamentals(Contract.Stock("AAPL"), FundamentalsReport.Resc), good.Ref);
        var failure = Assert.IsType<ReportNotAvailable>(bad.ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(FundamentalsReport.ReportsFinSummary, failure.Report);
        Assert.Contains("NOFUND", failure.Reason);
        var reply = good.ExpectMsg<FundamentalsReply>();
        Assert.Equal("<Report type=\"RESC\" symbol=\"AAPL\"/>", reply.Xml);
        good.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Wsh_metadata_and_events_arrive_as_json()
    {
        _desk.Tell(new GetWshMetaData(), TestActor);
        Assert.Equal("{\"meta\":true}", ExpectMsg<WshMetaData>().Json);
        _desk.Tell(new GetWshEvents(ConId: new ConId(8314), Limit: 5), TestActor);
        Assert.Equal("{\"conId\":8314}", ExpectMsg<WshEvents>().Json);
        var sent = Assert.Single(_backend.Received.OfType<WshEventDataRequest>());
        Assert.Equal((8314, 5, ""), (sent.ConId, sent.TotalLimit, sent.Filter));
    }

    [Fact]
    public void Historical_ticks_collect_every_part_until_done_with_their_attributes()
    {
        _desk.Tell(new GetHistoricalTicks(Contract.Stock("AAPL"), HistoricalTicksKind.Trades, null, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), 100), TestActor);
        var ticks = ExpectMsg<HistoricalTicks>();
        Assert.Equal([10.25m, 10.5m], ticks.Ticks.Select(t => t.Price!.Value));
        Assert.True(ticks.Ticks[0].Unreported);
        Assert.Equal("ARCA", ticks.Ticks[1].Exchange);
        var sent = Assert.Single(_backend.Received.OfType<HistoricalTicksRequest>());
        Assert.Equal(("", "20260302-15:00:00", 100), (sent.StartDateTime, sent.EndDateTime, sent.NumberOfTicks));

        _desk.Tell(new GetHistoricalTicks(Contract.Stock("AAPL"), HistoricalTicksKind.BidAsk, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), null), TestActor);
        var quote = Assert.Single(ExpectMsg<HistoricalTicks>().Ticks);
        Assert.Equal((10m, 10.5m, true), (quote.BidPrice!.Value, quote.AskPrice!.Value, quote.AskPastHigh));
    }

    [Fact]
    public void Histogram_and_schedule_arrive_typed()
    {
        _desk.Tell(new GetHistogram(Contract.Stock("AAPL"), "1 week"), TestActor);
        Assert.Equal([(10.25m, 300m), (10.5m, 700m)], ExpectMsg<Histogram>().Entries.Select(e => (e.Price, e.Size)));
        _desk.Tell(new GetHistoricalSchedule(Contract.Stock("AAPL")), TestActor);
        var schedule = ExpectMsg<HistoricalSchedule>();
        Assert.Equal(("US/Eastern", "20260302"), (schedule.TimeZone, Assert.Single(schedule.Sessions).RefDate));
        var sent = _backend.Received.OfType<HistoricalDataRequest>().Single();
        Assert.Equal(("SCHEDULE", "1 day"), (sent.WhatToShow, sent.BarSizeSetting));
    }

    [Fact]
    public void Invalid_commands_are_refused_with_the_problem_and_never_reach_the_gateway()
    {
        object[] bad =
        [
            new GetNewsArticle("BR\0FG", "x"),
            new GetHistoricalNews(new ConId(1), [], null, null),
            new GetHistoricalTicks(Contract.Stock("AAPL"), HistoricalTicksKind.Trades, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow),
            new GetHistogram(Contract.Stock("AAPL"), "forever"),
            new GetWshEvents(ConId: new ConId(1), FilterJson: "{}"),
            new GetFundamentals(Contract.Stock("AA\nPL"), FundamentalsReport.Resc),
        ];
        foreach (var command in bad)
        {
            _desk.Tell(command, TestActor);
            var failed = ExpectMsg<RequestFailed>();
            Assert.Same(command, failed.Request);
            Assert.IsType<InvalidRequest>(failed.Failure);
        }
        // A good request after them is answered, so the gateway has seen everything the desk sent before it.
        _desk.Tell(new GetWshMetaData(), TestActor);
        ExpectMsg<WshMetaData>();
        Assert.Equal(1, _backend.Count<WshMetaDataRequest>());
        Assert.DoesNotContain(_backend.Received, m => m is NewsArticleRequest or HistoricalNewsRequest or HistoricalTicksRequest
            or HistogramDataRequest or WshEventDataRequest or FundamentalsDataRequest);
    }
}
