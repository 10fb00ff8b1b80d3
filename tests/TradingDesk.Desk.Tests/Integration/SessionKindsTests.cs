using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>The session, reference and multi-account requests through the whole desk against the whole simulator.</summary>
public sealed class SessionKindsTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15)), IAsyncLifetime
{
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Symbols_and_the_market_rule_of_a_contract_come_back_typed()
    {
        var client = new DeskClient(_desk);
        var match = Assert.Single((await client.GetMatchingSymbolsAsync("AAPL")).Matches, m => m.Contract.Symbol == "AAPL");
        Assert.True(match.ConId.Value > 0);

        var details = Assert.Single((await client.GetContractDetailsAsync(Contract.Stock("AAPL"))).Details);
        var ruleId = int.Parse(details.MarketRuleIds.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        var rule = await client.GetMarketRuleAsync(ruleId);
        Assert.Equal(ruleId, rule.RuleId);
        Assert.All(rule.Increments, i => Assert.True(i.Increment > 0));
    }

    [Fact]
    public void An_unknown_market_rule_fails_at_once_instead_of_at_its_deadline()
    {
        // The deadline is 10 s (Timeouts.OneShot); the failure must come well before it.
        _desk.Tell(new S.GetMarketRule(987_654), TestActor);
        var failed = ExpectMsg<RequestFailed>(TimeSpan.FromSeconds(3));
        Assert.Equal(987_654, Assert.IsType<S.GetMarketRule>(failed.Request).RuleId);
        Assert.Contains("987654", Assert.IsType<GatewayError>(failed.Failure).Message);
    }

    [Fact]
    public async Task Depth_exchanges_and_family_codes_come_back_from_their_one_owner()
    {
        var client = new DeskClient(_desk);
        var depth = client.GetDepthExchangesAsync();
        var codes = client.GetFamilyCodesAsync();
        Assert.NotEmpty((await depth).Exchanges);
        Assert.NotEmpty((await codes).Codes);
    }

    [Fact]
    public void Positions_per_account_stream_their_initial_set_and_its_end()
    {
        _desk.Tell(new MultiAccountMessages.SubscribePositionsMulti(new AccountId("DU111111")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        FishForMessage<MultiAccountMessages.PositionsMultiEnd>(e => e.Subscription == id);
    }
}
