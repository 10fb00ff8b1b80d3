using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>tickReqParams and LAST_TIMESTAMP on a market data line, through the whole desk against the simulator.</summary>
public sealed class LineParametersTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        // A Tuesday 11:00 New York on real time: the session is open, so the line trades.
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 5, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public void A_line_tells_its_min_tick_and_bbo_exchange_and_stamps_each_trade()
    {
        _desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;

        var parameters = FishForMessage<LineParameters>(p => p.Subscription == id);
        Assert.Equal(0.01m, parameters.MinTick);
        Assert.Equal("9c0001", parameters.BboExchange);
        Assert.Equal(3, parameters.SnapshotPermissions);

        var stamp = FishForMessage<Tick>(t => t.Subscription == id && t.Type == TickType.LastTimestamp);
        Assert.True(long.TryParse(stamp.Text, out var seconds), $"not epoch seconds: '{stamp.Text}'");
        // The trade's time is the gateway's (its clock runs from the simulator's start), at most a second old.
        _desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        var gateway = FishForMessage<ReferenceDataMessages.CurrentTimeReply>(_ => true).GatewayTime.ToUnixTimeSeconds();
        Assert.InRange(seconds, gateway - 2, gateway);
    }

    [Fact]
    public void A_subscriber_joining_a_running_line_is_told_what_the_gateway_said_of_it_as_it_opened()
    {
        _desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var type = FishForMessage<MarketDataTypeChanged>(t => t.Subscription == id);
        var parameters = FishForMessage<LineParameters>(p => p.Subscription == id);

        var late = CreateTestProbe();
        _desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), late.Ref);
        Assert.Equal(id, late.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        Assert.Same(type, late.ExpectMsg<MarketDataTypeChanged>());
        Assert.Same(parameters, late.ExpectMsg<LineParameters>());
    }

    [Fact]
    public void The_bbo_exchange_of_a_line_names_the_venues_behind_its_best_bid_and_offer()
    {
        _desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var bbo = FishForMessage<LineParameters>(p => p.Subscription == id).BboExchange!;

        _desk.Tell(new SessionInfoMessages.GetSmartComponents(bbo), TestActor);
        var components = FishForMessage<SessionInfoMessages.SmartComponents>(_ => true).Components;

        Assert.Contains(components, c => c is { Exchange: "NYSE", ExchangeLetter: "N" });
        Assert.Equal(components.Select(c => c.BitNumber).Distinct().Count(), components.Count);
    }
}
