using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>
/// Every stream kind and the historical requests through the whole desk against the whole simulator: what the pure
/// mapping tests check field by field, here checked end to end over the wire.
/// </summary>
public sealed class StreamKindsTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15)), IAsyncLifetime
{
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        // Real time from a Tuesday 11:00 New York: the regular session, so every stream has something to say.
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
    }

    [Fact]
    public void Depth_streams_book_updates()
    {
        var id = Subscribe(new MarketDataMessages.SubscribeDepth(Aapl, Rows: 5));
        var update = FishForMessage<MarketDataMessages.DepthUpdate>(u => u.Subscription == id);
        Assert.InRange(update.Position, 0, 4);
    }

    [Theory]
    [InlineData(TickByTickType.BidAsk)]
    [InlineData(TickByTickType.MidPoint)]
    public void Tick_by_tick_streams(TickByTickType type)
    {
        var id = Subscribe(new MarketDataMessages.SubscribeTickByTick(Aapl, type));
        FishForMessage<MarketDataMessages.TickByTick>(t => t.Subscription == id);
    }

    [Fact]
    public void Real_time_bars_arrive_every_five_seconds_with_consistent_prices()
    {
        var id = Subscribe(new MarketDataMessages.SubscribeRealTimeBars(Aapl));
        var bar = FishForMessage<MarketDataMessages.RealTimeBar>(b => b.Subscription == id);
        Assert.True(bar.Low <= bar.Open && bar.Open <= bar.High, $"open {bar.Open} outside [{bar.Low}, {bar.High}]");
        Assert.True(bar.Low <= bar.Close && bar.Close <= bar.High, $"close {bar.Close} outside [{bar.Low}, {bar.High}]");
        Assert.Equal(0, bar.GatewayTime.ToUnixTimeSeconds() % 5);
    }

    [Fact]
    public void PnL_streams_for_the_account()
    {
        var id = Subscribe(new AccountMessages.SubscribePnL(new AccountId("DU111111")));
        FishForMessage<AccountMessages.PnLItem>(p => p.Subscription == id);
    }

    [Fact]
    public void Account_updates_stream_values_and_end_their_download()
    {
        var id = Subscribe(new AccountMessages.SubscribeAccountUpdates(new AccountId("DU111111")));
        FishForMessage<AccountMessages.AccountValueItem>(v => v.Subscription == id && v.Key == "NetLiquidation");
        FishForMessage<AccountMessages.AccountDownloadEnd>(e => e.Subscription == id);
    }

    [Fact]
    public void Account_updates_for_an_account_the_gateway_does_not_manage_are_refused_naming_the_ones_it_does()
    {
        var command = new AccountMessages.SubscribeAccountUpdates(new AccountId("DU999999"));
        _desk.Tell(command, TestActor);

        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(command, failed.Request);
        var refusal = Assert.IsType<InvalidRequest>(failed.Failure);
        Assert.Contains("DU999999 is not an account of this gateway connection", refusal.Problem);
        Assert.Contains("DU111111", refusal.Problem);
    }

    [Fact]
    public void Historical_bars_come_back_whole_and_in_order()
    {
        _desk.Tell(new HistoricalDataMessages.GetHistoricalBars(Aapl, "1 D", "5 mins", UseRth: true), TestActor);
        var bars = FishForMessage<HistoricalDataMessages.HistoricalBars>(_ => true).Bars;
        Assert.True(bars.Count >= 10, $"only {bars.Count} five-minute bars for a day");
        Assert.All(bars, b => Assert.True(b.Low <= b.High));
        Assert.Equal(bars.Select(b => b.Time).Order(StringComparer.Ordinal), bars.Select(b => b.Time));
    }

    [Fact]
    public void Keep_up_to_date_bars_send_history_then_updates()
    {
        var id = Subscribe(new HistoricalDataMessages.SubscribeHistoricalBars(Aapl, "1800 S", "5 secs", UseRth: false));
        Assert.NotEmpty(FishForMessage<HistoricalDataMessages.HistoricalBars>(h => h.Subscription == id).Bars);
        FishForMessage<HistoricalDataMessages.BarUpdate>(u => u.Subscription == id);
    }

    [Fact]
    public void An_unknown_contract_fails_with_error_200_and_the_stream_ends()
    {
        _desk.Tell(new MarketDataMessages.SubscribeTickByTick(Contract.Stock("NOSUCHSYMBOL"), TickByTickType.Last), TestActor);
        var failure = FishForMessage<object>(m => m is RequestFailed or SubscriptionMessages.SubscriptionEnded { Failure: not null });
        var gatewayError = failure switch
        {
            RequestFailed f => f.Failure,
            SubscriptionMessages.SubscriptionEnded e => e.Failure,
            _ => null,
        };
        Assert.Equal(200, Assert.IsType<GatewayError>(gatewayError).Code);
    }

    private SubscriptionId Subscribe(object command)
    {
        _desk.Tell(command, TestActor);
        return ExpectMsg<SubscriptionMessages.Subscribed>().Id;
    }
}
