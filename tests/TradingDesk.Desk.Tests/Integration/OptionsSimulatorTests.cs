using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>The option and scanner commands through the whole desk against the whole simulator, over the wire.</summary>
public sealed class OptionsSimulatorTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        // A Tuesday 11:00 New York on real time: the session is open, so option lines compute.
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private OptionChain NearestChain()
    {
        _desk.Tell(new GetContractDetails(Contract.Stock("AAPL")), TestActor);
        var aapl = Assert.Single(ExpectMsg<ContractDetailsList>().Details);
        _desk.Tell(new GetOptionParameters(Contract.Stock("AAPL") with { ConId = aapl.ConId }), TestActor);
        var smart = ExpectMsg<OptionParameters>().Sets.First(s => s.Exchange == "SMART");
        var nearest = smart.Expirations[0];
        _desk.Tell(new GetOptionChain(Contract.Stock("AAPL"), new OptionChainFilter { FromExpiry = nearest, ToExpiry = nearest }), TestActor);
        var chain = ExpectMsg<OptionChain>();
        Assert.All(chain.Options, o => Assert.Equal(nearest, o.Expiry));
        return chain;
    }

    [Fact]
    public void A_chain_of_the_nearest_expiration_is_qualified_with_distinct_conids()
    {
        var chain = NearestChain();
        Assert.Equal(3, chain.RequestsUsed); // resolve, parameters, one expiration
        Assert.Equal(42, chain.Options.Count); // 21 strikes, calls and puts
        Assert.Equal(chain.Options.Count, chain.Options.Select(o => o.ConId).Distinct().Count());
        Assert.Equal(chain.Options.Select(o => o.Strike).Order(), chain.Options.Select(o => o.Strike));
    }

    [Fact]
    public void The_calculators_round_trip_a_volatility_through_a_price()
    {
        var chain = NearestChain();
        var atm = chain.Options.Where(o => o.Right == OptionRight.Call).ElementAt(10).Contract;
        var under = atm.Strike!.Value;
        _desk.Tell(new CalculateOptionPrice(atm, 0.3m, under), TestActor);
        var price = ExpectMsg<OptionCalculation>().Greeks.OptionPrice;
        Assert.True(price > 0, $"no price: {price}");
        _desk.Tell(new CalculateImpliedVolatility(atm, price!.Value, under), TestActor);
        var iv = ExpectMsg<OptionCalculation>().Greeks.ImpliedVolatility;
        Assert.InRange(iv!.Value, 0.29m, 0.31m);
    }

    [Fact]
    public void An_option_line_streams_model_computations()
    {
        var option = NearestChain().Options[20].Contract;
        _desk.Tell(new MarketDataMessages.SubscribeMarketData(option), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var computation = FishForMessage<OptionComputation>(c => c.Subscription == id && c.Type == TickType.ModelOptionComputation, TimeSpan.FromSeconds(20));
        Assert.NotNull(computation.Greeks.ImpliedVolatility);
        Assert.NotNull(computation.Greeks.Delta);
    }

    [Fact]
    public void An_exercise_without_a_position_fails_with_the_gateways_error()
    {
        var option = NearestChain().Options[0].Contract;
        _desk.Tell(new ExerciseOptions(option, ExerciseAction.Exercise, 1, new AccountId("DU111111")), TestActor);
        var error = Assert.IsType<GatewayError>(ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(321, error.Code);
    }

    [Fact]
    public void The_kill_switch_denies_an_exercise_before_the_gateway_could_object()
    {
        var option = NearestChain().Options[0].Contract;
        _desk.Tell(new OrderCommands.ActivateKillSwitch("end of day"), TestActor);
        ExpectMsg<OrderEvents.KillSwitchActivated>();
        // The simulator answers 321 for an exercise without a position: a RiskDenied instead shows it never got there.
        _desk.Tell(new ExerciseOptions(option, ExerciseAction.Exercise, 1, new AccountId("DU111111")), TestActor);
        var denied = Assert.IsType<RiskDenied>(ExpectMsg<RequestFailed>(f => f.Request is ExerciseOptions).Failure);
        Assert.Equal(Risk.RiskGate.KillSwitchRule, denied.Rule);

        _desk.Tell(new OrderCommands.ReleaseKillSwitch(), TestActor);
        ExpectMsg<OrderEvents.KillSwitchReleased>();
        _desk.Tell(new ExerciseOptions(option, ExerciseAction.Exercise, 1, new AccountId("DU111111")), TestActor);
        Assert.Equal(321, Assert.IsType<GatewayError>(ExpectMsg<RequestFailed>().Failure).Code);
    }

    [Fact]
    public void Scanner_parameters_and_a_scan_come_back_and_an_unknown_code_ends_its_subscription()
    {
        _desk.Tell(new GetScannerParameters(), TestActor);
        Assert.Contains("TOP_PERC_GAIN", ExpectMsg<ScannerParametersXml>().Xml);

        _desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "HOT_BY_VOLUME", Rows = 5 }, []), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var results = FishForMessage<ScannerResults>(r => r.Subscription == id);
        Assert.InRange(results.Rows.Count, 1, 5);
        Assert.Equal(Enumerable.Range(0, results.Rows.Count), results.Rows.Select(r => r.Rank));
        Assert.All(results.Rows, r => Assert.True(r.ConId.Value > 0));

        _desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "NO_SUCH_SCAN" }, []), TestActor);
        var unknown = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var ended = FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id == unknown);
        Assert.Equal(162, Assert.IsType<GatewayError>(ended.Failure).Code);
    }
}
