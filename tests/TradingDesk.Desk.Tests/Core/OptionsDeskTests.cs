using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator.Server;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.OptionMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The option commands through the whole desk against <see cref="OptionsBackend"/> on a free port, on real time.</summary>
public sealed class OptionsDeskTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private readonly OptionsBackend _backend = new();
    private GatewayServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IActorRef StartDesk(TimeSpan? oneShot = null)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Host = "127.0.0.1", Port = _server.Port, ClientId = 1, PacerStatusInterval = TimeSpan.Zero,
            Timeouts = new RequestTimeouts { OneShot = oneShot ?? TimeSpan.FromSeconds(10) },
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    private static ContractSpec Underlying(string symbol = "XYZ") => Contract.Stock(symbol) with { ConId = new ConId(OptionsBackend.ConIdOf(symbol)) };

    private static ContractSpec Call100() => Contract.Stock("XYZ") with
    {
        SecType = SecType.Option, LastTradeDateOrContractMonth = "20270115", Strike = 100m, Right = OptionRight.Call, Multiplier = "100",
    };

    [Fact]
    public void Option_parameters_arrive_per_exchange_with_sorted_expirations_and_decimal_strikes()
    {
        var desk = StartDesk();
        desk.Tell(new GetOptionParameters(Underlying()), TestActor);
        var reply = ExpectMsg<OptionParameters>();
        Assert.Equal(["SMART", "CBOE"], reply.Sets.Select(s => s.Exchange));
        var smart = reply.Sets[0];
        Assert.Equal(OptionsBackend.Expirations, smart.Expirations);
        Assert.Equal([90m, 95m, 100m, 105m, 110m], smart.Strikes);
        Assert.Equal(("XYZ", "100", OptionsBackend.ConIdOf("XYZ")), (smart.TradingClass, smart.Multiplier, smart.UnderlyingConId.Value));
    }

    [Fact]
    public void An_underlying_without_a_conid_is_refused_before_anything_is_sent()
    {
        var desk = StartDesk();
        desk.Tell(new GetOptionParameters(Contract.Stock("XYZ")), TestActor);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Contains("conId", Assert.IsType<InvalidRequest>(failed.Failure).Problem);
        desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor); // a request after it, so the gateway has seen everything before
        ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
        Assert.Equal(0, _backend.Count<Tws.SecDefOptParamsRequest>());
    }

    [Fact]
    public void A_chain_resolves_the_underlying_and_qualifies_one_expiration_per_request()
    {
        var desk = StartDesk();
        var filter = new OptionChainFilter { FromExpiry = "20270201", ToExpiry = "20270331", MinStrike = 100m, Right = OptionRight.Put };
        desk.Tell(new GetOptionChain(Contract.Stock("XYZ"), filter), TestActor);
        var chain = ExpectMsg<OptionChain>();
        // Resolve + parameters + two expirations (Feb, Mar); the strike filter keeps 100 and 105 of each answer.
        Assert.Equal(4, chain.RequestsUsed);
        Assert.Equal(OptionsBackend.ConIdOf("XYZ"), chain.Underlying.ConId!.Value.Value);
        Assert.Equal([("20270219", 100m), ("20270219", 105m), ("20270319", 100m), ("20270319", 105m)], chain.Options.Select(o => (o.Expiry, o.Strike)));
        Assert.All(chain.Options, o => Assert.Equal((OptionRight.Put, o.ConId), (o.Right, o.Contract.ConId!.Value)));
        var asked = _backend.Received.Select(r => r.Request).OfType<Tws.ContractDataRequest>().Where(r => r.Contract.SecType == "OPT").ToList();
        Assert.Equal(["20270219", "20270319"], asked.Select(r => r.Contract.LastTradeDateOrContractMonth).Order());
        Assert.All(asked, r => Assert.Equal(("P", false), (r.Contract.Right, r.Contract.HasStrike)));
    }

    [Fact]
    public void A_chain_that_costs_too_many_requests_is_refused_once_its_cost_is_known()
    {
        var desk = StartDesk();
        desk.Tell(new GetOptionChain(Underlying(), new OptionChainFilter { MaxExpirations = 3 }), TestActor);
        var problem = Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem;
        Assert.Contains("needs 4 contract-details requests", problem);
        Assert.Equal(0, _backend.Received.Count(r => r.Request is Tws.ContractDataRequest));
    }

    [Fact]
    public void Fifty_concurrent_chains_all_complete_within_the_gateway_message_rate()
    {
        var notices = CreateTestProbe();
        Sys.EventStream.Subscribe<GatewayNotice>(notices.Ref);
        var desk = StartDesk();
        var askers = Enumerable.Range(0, 50).Select(i => CreateTestProbe($"chain{i}")).ToList();
        for (var i = 0; i < askers.Count; i++)
            desk.Tell(new GetOptionChain(Contract.Stock($"U{i}"), new OptionChainFilter { ToExpiry = "20270219" }), askers[i].Ref);
        for (var i = 0; i < askers.Count; i++)
        {
            var reply = askers[i].ExpectMsg<object>(TimeSpan.FromSeconds(60));
            var chain = reply as OptionChain ?? throw new Xunit.Sdk.XunitException($"chain {i}: {reply}");
            Assert.Equal((4, 12), (chain.RequestsUsed, chain.Options.Count)); // resolve, parameters, two expirations × 3 strikes × 2 rights
        }
        // 200 requests: at 45 a second (the desk's default) the busiest second of arrivals holds at most 50.
        var times = _backend.Received.Select(r => r.At).Order().ToList();
        Assert.Equal(200, _backend.Received.Count(r => r.Request is Tws.ContractDataRequest or Tws.SecDefOptParamsRequest));
        var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.InRange(busiest, 1, 50);
        while (notices.HasMessages) Assert.NotEqual(100, notices.ExpectMsg<GatewayNotice>().Code);
    }

    [Fact]
    public void The_calculators_answer_typed_values_with_sentinels_as_null()
    {
        var desk = StartDesk();
        desk.Tell(new CalculateImpliedVolatility(Call100(), 4.25m, 101m), TestActor);
        var iv = ExpectMsg<OptionCalculation>().Greeks;
        Assert.Equal((0.25m, 0.5m, 4.25m, 101m), (iv.ImpliedVolatility, iv.Delta, iv.OptionPrice, iv.UnderlyingPrice));
        desk.Tell(new CalculateOptionPrice(Call100(), 0.3m, 101m), TestActor);
        var price = ExpectMsg<OptionCalculation>().Greeks;
        Assert.Equal((0.3m, 4.25m), (price.ImpliedVolatility, price.OptionPrice));
        Assert.Equal([null, null, null, null, null], new[] { price.Delta, price.Gamma, price.Vega, price.Theta, price.PvDividend });
        // Both calculations are cancelled once answered: IB would keep them live.
        _backend.WaitFor(b => b.Count<Tws.CancelCalculateImpliedVolatility>() == 1 && b.Count<Tws.CancelCalculateOptionPrice>() == 1, "both calculations cancelled");
    }

    [Fact]
    public void An_unanswered_calculation_times_out_and_is_cancelled_at_the_gateway()
    {
        var desk = StartDesk(oneShot: TimeSpan.FromSeconds(1));
        desk.Tell(new CalculateImpliedVolatility(Call100(), 999m, 101m), TestActor);
        Assert.IsType<RequestTimedOut>(ExpectMsg<RequestFailed>().Failure);
        _backend.WaitFor(b => b.Count<Tws.CancelCalculateImpliedVolatility>() == 1, "the calculation cancelled");
    }

    [Fact]
    public void A_calculation_whose_asker_stops_is_cancelled_at_the_gateway()
    {
        var desk = StartDesk();
        var asker = CreateTestProbe();
        desk.Tell(new CalculateImpliedVolatility(Call100(), 999m, 101m), asker.Ref);
        _backend.WaitFor(b => b.Count<Tws.CalculateImpliedVolatilityRequest>() == 1, "the calculation asked");
        Sys.Stop(asker.Ref);
        _backend.WaitFor(b => b.Count<Tws.CancelCalculateImpliedVolatility>() == 1, "the calculation cancelled");
    }

    [Fact]
    public void Option_lines_stream_option_computations_with_sentinels_as_null()
    {
        var desk = StartDesk();
        desk.Tell(new SubscribeMarketData(Call100()), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var c = FishForMessage<OptionComputation>(o => o.Subscription == id);
        Assert.Equal((Messages.TickType.ModelOptionComputation, false), (c.Type, c.PriceBased));
        Assert.Equal((0.31m, 0.45m, 3.5m, 0.12m, -0.04m, 101.5m), (c.Greeks.ImpliedVolatility, c.Greeks.Delta, c.Greeks.OptionPrice, c.Greeks.Vega, c.Greeks.Theta, c.Greeks.UnderlyingPrice));
        Assert.Equal((null, null), (c.Greeks.PvDividend, c.Greeks.Gamma));
    }
}
