using System.Collections.Concurrent;
using Google.Protobuf;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using NewsArticle = TradingDesk.Desk.Messages.NewsMessages.NewsArticle;
using NewsBulletin = TradingDesk.Desk.Messages.NewsMessages.NewsBulletin;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>News and fundamentals through the whole desk against the whole simulator, over the wire.</summary>
public sealed class NewsSimulatorTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15)), IAsyncLifetime
{
    private static readonly ConId Aapl = new(265598);
    private readonly ConcurrentQueue<IMessage> _handled = new();
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        _sim.Server.RequestHandled += (_, request) => _handled.Enqueue(request);
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    /// <summary>A round trip on the one connection: once answered, the simulator has handled everything sent before it.</summary>
    private void Sync()
    {
        _desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
    }

    [Fact]
    public void Providers_headlines_and_an_article_arrive_typed()
    {
        _desk.Tell(new GetNewsProviders(), TestActor);
        var providers = ExpectMsg<NewsProvidersList>().Providers.Select(p => p.Code).ToList();
        Assert.Contains("BRFG", providers);

        _desk.Tell(new GetHistoricalNews(Aapl, providers, null, null, 5), TestActor);
        var news = ExpectMsg<HistoricalNewsList>(TimeSpan.FromSeconds(30));
        Assert.InRange(news.Headlines.Count, 1, 5);
        Assert.All(news.Headlines, h => Assert.NotNull(h.Time));
        Assert.Equal(news.Headlines.Select(h => h.Time).OrderDescending(), news.Headlines.Select(h => h.Time));

        var first = news.Headlines[0];
        _desk.Tell(new GetNewsArticle(first.ProviderCode, first.ArticleId), TestActor);
        var article = ExpectMsg<NewsArticle>();
        Assert.False(string.IsNullOrWhiteSpace(article.Text));

        var unknown = CreateTestProbe();
        unknown.Send(_desk, new GetNewsArticle("BRFG", "BRFG$nothing"));
        Assert.Equal(10172, Assert.IsType<GatewayError>(unknown.ExpectMsg<RequestFailed>().Failure).Code);
    }

    [Fact]
    public void Fundamentals_arrive_as_xml_and_a_missing_report_fails_its_requester_only()
    {
        var good = CreateTestProbe();
        var bad = CreateTestProbe();
        bad.Send(_desk, new GetFundamentals(Contract.Forex("EUR", "USD"), FundamentalsReport.Resc));
        good.Send(_desk, new GetFundamentals(Contract.Stock("AAPL"), FundamentalsReport.ReportSnapshot));
        Assert.Contains("<ReportSnapshot", good.ExpectMsg<FundamentalsReply>(TimeSpan.FromSeconds(30)).Xml);
        var failure = Assert.IsType<ReportNotAvailable>(bad.ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(FundamentalsReport.Resc, failure.Report);
        good.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Two_bulletin_subscribers_share_one_gateway_subscription()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sim.Server.RequestHandled += (_, request) => { if (request is IBApi.protobuf.CancelNewsBulletins) cancelled.TrySetResult(); };
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        a.Send(_desk, new SubscribeNewsBulletins(AllMessages: true));
        var id = a.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        b.Send(_desk, new SubscribeNewsBulletins(AllMessages: true));
        Assert.Equal(id, b.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        // allMessages replays today's bulletins (since midnight New York; the clock starts at 11:00).
        var bulletin = a.ExpectMsg<NewsBulletin>(TimeSpan.FromSeconds(10));
        Assert.Equal(id, bulletin.Subscription);
        Sync();
        Assert.Single(_handled.OfType<IBApi.protobuf.NewsBulletinsRequest>());

        a.Send(_desk, new SubscriptionMessages.Unsubscribe(id));
        a.FishForMessage<SubscriptionMessages.SubscriptionEnded>(_ => true);
        Sync();
        Assert.Empty(_handled.OfType<IBApi.protobuf.CancelNewsBulletins>());
        b.Send(_desk, new SubscriptionMessages.Unsubscribe(id));
        b.FishForMessage<SubscriptionMessages.SubscriptionEnded>(_ => true);
        // The line's cancel leaves when its actor stops, after the router's reply: wait for the gateway to see it.
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(_handled.OfType<IBApi.protobuf.CancelNewsBulletins>());
    }
}
