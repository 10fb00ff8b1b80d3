using System.Collections.Concurrent;
using Google.Protobuf;
using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>A BroadTape news line (secType NEWS) through the whole desk against the whole simulator, on its manual clock.</summary>
public sealed class BroadTapeSimulatorTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(15)), IAsyncLifetime
{
    private readonly ConcurrentQueue<IMessage> _handled = new();
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, ClockMode = ClockMode.Manual, Start = SimulatorOptions.DefaultManualStart });
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
        FishForMessage<ReferenceDataMessages.CurrentTimeReply>(_ => true);
    }

    [Fact]
    public async Task A_broadtape_line_streams_its_providers_headlines_of_many_stocks_and_no_market_data()
    {
        _desk.Tell(new SubscribeMarketData(Contract.BroadTape("BRFG"), BroadTapeGenericTicks), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Sync();
        var sent = Assert.Single(_handled.OfType<Tws.MarketDataRequest>());
        Assert.Equal(("BRFG:BRFG_ALL", "NEWS", "BRFG", "mdoff,292"), (sent.Contract.Symbol, sent.Contract.SecType, sent.Contract.Exchange, sent.GenericTickList));

        await _sim.AdvanceAsync(TimeSpan.FromMinutes(61));
        var stocks = new HashSet<string>();
        var start = SimulatorOptions.DefaultManualStart;
        while (stocks.Count < 3)
        {
            var item = FishForMessage<object>(m => m is NewsTick or Tick);
            var news = Assert.IsType<NewsTick>(item); // mdoff: a Tick on this line would fail here
            Assert.Equal((id, "BRFG"), (news.Subscription, news.ProviderCode));
            Assert.InRange(news.Time, start, start.AddMinutes(61));
            // The article id names its stock (conId in its first 8 hex digits after "BRFG$").
            stocks.Add(news.ArticleId[5..13]);
        }
    }

    [Fact]
    public void A_news_contract_of_no_provider_ends_its_line_with_the_gateways_200()
    {
        _desk.Tell(new SubscribeMarketData(Contract.BroadTape("NOPE"), BroadTapeGenericTicks), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var ended = FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id == id);
        Assert.Equal(200, Assert.IsType<GatewayError>(ended.Failure).Code);
    }
}
