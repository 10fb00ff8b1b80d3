using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using static TradingDesk.Desk.Messages.MultiAccountMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// Session, multi-account and FA commands through a router (probes as pacer and order manager): what goes to the
/// gateway, who gets the answer, and what is refused before anything is sent.
/// </summary>
public sealed class SessionRouterTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private (IActorRef Router, TestProbe Pacer) StartRouter(int serverVersion = 213)
    {
        var pacer = CreateTestProbe("pacer");
        // A finished request takes back whatever it still had queued: not what these tests are about.
        pacer.IgnoreMessages(m => m is GatewayMessages.Withdraw);
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(serverVersion, "", ["DU1"], 1, false, At), CreateTestProbe("connection").Ref);
        return (router, pacer);
    }

    private static T Sent<T>(TestProbe pacer) where T : IMessage => Assert.IsType<T>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

    [Fact]
    public void Matching_symbols_come_back_typed_with_their_derivative_sec_types()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new S.GetMatchingSymbols("AA"), TestActor);
        var request = Sent<MatchingSymbolsRequest>(pacer);
        Assert.Equal("AA", request.Pattern);
        router.Tell(new GatewayMessages.Inbound(new SymbolSamples
        {
            ReqId = request.ReqId,
            ContractDescriptions = { new ContractDescription { Contract = new IBApi.protobuf.Contract { ConId = 265598, Symbol = "AAPL", SecType = "STK", Currency = "USD", PrimaryExch = "NASDAQ" }, DerivativeSecTypes = { "OPT", "WAR" } } },
        }, At), pacer.Ref);
        var match = Assert.Single(ExpectMsg<S.MatchingSymbols>().Matches);
        Assert.Equal((new ConId(265598), "AAPL", SecType.Stock), (match.ConId, match.Contract.Symbol, match.Contract.SecType));
        Assert.Equal(["OPT", "WAR"], match.DerivativeSecTypes);
    }

    [Theory]
    [InlineData("AA\0PL")]
    [InlineData("")]
    public void A_pattern_that_cannot_be_asked_is_refused_before_anything_is_sent(string pattern)
    {
        var (router, pacer) = StartRouter();
        router.Tell(new S.GetMatchingSymbols(pattern), TestActor);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Contains("pattern", Assert.IsType<InvalidRequest>(failed.Failure).Problem);
        pacer.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Concurrent_asks_for_one_market_rule_share_one_request_and_each_gets_the_answer()
    {
        var (router, pacer) = StartRouter();
        var other = CreateTestProbe();
        router.Tell(new S.GetMarketRule(26), TestActor);
        router.Tell(new S.GetMarketRule(26), other.Ref);
        Assert.Equal(26, Sent<MarketRuleRequest>(pacer).MarketRuleId);
        pacer.ExpectNoMsg(Quiet);
        router.Tell(new GatewayMessages.Inbound(new IBApi.protobuf.MarketRule
        {
            MarketRuleId = 26,
            PriceIncrements = { new IBApi.protobuf.PriceIncrement { LowEdge = 1, Increment = 0.01 }, new IBApi.protobuf.PriceIncrement { LowEdge = 0, Increment = 0.0001 } },
        }, At), pacer.Ref);
        foreach (var rule in new[] { ExpectMsg<S.MarketRule>(), other.ExpectMsg<S.MarketRule>() })
            Assert.Equal([new S.PriceIncrement(0m, 0.0001m), new S.PriceIncrement(1m, 0.01m)], rule.Increments);
        router.Tell(new S.GetMarketRule(26), TestActor); // finished: a later ask is a new request
        Sent<MarketRuleRequest>(pacer);
    }

    [Fact]
    public void Depth_exchange_asks_are_served_one_at_a_time_because_the_answer_names_no_request()
    {
        var (router, pacer) = StartRouter();
        var second = CreateTestProbe();
        router.Tell(new S.GetDepthExchanges(), TestActor);
        router.Tell(new S.GetDepthExchanges(), second.Ref);
        Sent<MarketDepthExchangesRequest>(pacer);
        pacer.ExpectNoMsg(Quiet);
        var answer = new MarketDepthExchanges { DepthMarketDataDescriptions = { new DepthMarketDataDescription { Exchange = "ISLAND", SecType = "STK", ListingExch = "NASDAQ", ServiceDataType = "Deep2", AggGroup = 2 } } };
        router.Tell(new GatewayMessages.Inbound(answer, At), pacer.Ref);
        Assert.Equal(new S.DepthExchange("ISLAND", "STK", "NASDAQ", "Deep2", 2), Assert.Single(ExpectMsg<S.DepthExchanges>().Exchanges));
        Sent<MarketDepthExchangesRequest>(pacer); // now the second asker's
        router.Tell(new GatewayMessages.Inbound(answer, At), pacer.Ref);
        second.ExpectMsg<S.DepthExchanges>();
    }

    [Fact]
    public void FA_profiles_are_refused_from_the_version_that_removed_them_and_groups_come_back_as_xml()
    {
        var (router, pacer) = StartRouter(serverVersion: 213);
        router.Tell(new GetFaConfiguration(FaDataKind.Profiles), TestActor);
        Assert.Contains("177", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        pacer.ExpectNoMsg(Quiet);

        router.Tell(new GetFaConfiguration(FaDataKind.Groups), TestActor);
        Assert.Equal(1, Sent<FARequest>(pacer).FaDataType);
        router.Tell(new GatewayMessages.Inbound(new ReceiveFA { FaDataType = 3, Xml = "<aliases/>" }, At), pacer.Ref); // not the kind asked
        router.Tell(new GatewayMessages.Inbound(new ReceiveFA { FaDataType = 1, Xml = "<groups/>" }, At), pacer.Ref);
        var config = ExpectMsg<FaConfiguration>();
        Assert.Equal((FaDataKind.Groups, "<groups/>"), (config.Kind, config.Xml));
    }

    [Fact]
    public void Identical_multi_account_subscriptions_share_one_gateway_request_and_both_see_the_end_marker()
    {
        var (router, pacer) = StartRouter();
        var first = CreateTestProbe();
        var other = CreateTestProbe();
        var account = new AccountId("DU1");
        router.Tell(new SubscribePositionsMulti(account, "M1"), first.Ref);
        router.Tell(new SubscribePositionsMulti(account, "M1"), other.Ref);
        var id = first.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Assert.Equal(id, other.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        var request = Sent<PositionsMultiRequest>(pacer);
        Assert.Equal(("DU1", "M1"), (request.Account, request.ModelCode));
        pacer.ExpectNoMsg(Quiet);

        router.Tell(new GatewayMessages.Inbound(new PositionMulti { ReqId = request.ReqId, Account = "DU1", ModelCode = "M1", Contract = new IBApi.protobuf.Contract { Symbol = "AAPL", SecType = "STK" }, Position = "100", AvgCost = 150.25 }, At), pacer.Ref);
        router.Tell(new GatewayMessages.Inbound(new PositionMultiEnd { ReqId = request.ReqId }, At), pacer.Ref);
        foreach (var probe in new[] { first, other })
        {
            var item = probe.ExpectMsg<PositionMultiItem>();
            Assert.Equal((id, 100m, 150.25m), (item.Subscription, item.Quantity, item.AverageCost));
            probe.ExpectMsg<PositionsMultiEnd>();
        }
    }

    [Fact]
    public void A_multi_account_subscription_with_a_control_character_in_its_account_is_refused()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new SubscribeAccountUpdatesMulti(new AccountId("DU1\0NetLiquidation"), ""), TestActor);
        Assert.Contains("account", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        pacer.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void A_resubscribe_after_a_failover_meets_the_same_checks_as_a_first_subscribe()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), new SubscribePositionsMulti(new AccountId("DU1"), "M\u0001")), TestActor);
        Assert.Contains("model code", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        pacer.ExpectNoMsg(Quiet);
    }
}
