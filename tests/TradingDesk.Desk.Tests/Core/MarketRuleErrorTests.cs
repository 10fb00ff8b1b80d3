using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// reqMarketRule carries no request id, so a gateway refuses one with an error of id -1: the router gives it to the
/// rule ask it names, or to the only request it can belong to, and leaves every other -1 error a notice.
/// </summary>
public sealed class MarketRuleErrorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private (IActorRef Router, TestProbe Pacer) StartRouter()
    {
        var pacer = CreateTestProbe("pacer");
        pacer.IgnoreMessages(m => m is GatewayMessages.Withdraw);
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, At), CreateTestProbe("connection").Ref);
        return (router, pacer);
    }

    private static T Sent<T>(TestProbe pacer) where T : IMessage => Assert.IsType<T>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

    private static GatewayMessages.Inbound Error(int code, string text) =>
        new(new ErrorMessage { Id = -1, ErrorCode = code, ErrorMsg = text }, At);

    private static GatewayMessages.Inbound Rule(int id) =>
        new(new IBApi.protobuf.MarketRule { MarketRuleId = id, PriceIncrements = { new PriceIncrement { LowEdge = 0, Increment = 0.01 } } }, At);

    [Fact]
    public void An_error_naming_a_rule_in_flight_fails_that_ask_at_once_and_no_other()
    {
        var (router, pacer) = StartRouter();
        var other = CreateTestProbe();
        router.Tell(new S.GetMarketRule(26), other.Ref);
        router.Tell(new S.GetMarketRule(99), TestActor);
        Sent<MarketRuleRequest>(pacer);
        Sent<MarketRuleRequest>(pacer);

        router.Tell(Error(321, "Error validating request.-'market rule id 99 is not known'"), pacer.Ref);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(99, Assert.IsType<S.GetMarketRule>(failed.Request).RuleId);
        Assert.Equal(321, Assert.IsType<GatewayError>(failed.Failure).Code);

        // The other ask was not touched: its own answer still reaches it.
        router.Tell(Rule(26), pacer.Ref);
        Assert.Equal(26, other.ExpectMsg<S.MarketRule>().RuleId);
    }

    [Fact]
    public void An_error_naming_no_rule_fails_the_only_request_without_an_id_in_flight()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new S.GetMarketRule(77), TestActor);
        Sent<MarketRuleRequest>(pacer);
        router.Tell(Error(321, "Error validating request.-'bW' : cause - invalid market rule"), pacer.Ref);
        Assert.Equal(321, Assert.IsType<GatewayError>(ExpectMsg<RequestFailed>().Failure).Code);
    }

    [Fact]
    public void A_notice_or_an_error_that_could_be_another_requests_leaves_the_ask_to_its_answer()
    {
        var (router, pacer) = StartRouter();
        var notices = CreateTestProbe();
        Sys.EventStream.Subscribe<GatewayNotice>(notices.Ref);
        router.Tell(new S.GetMarketRule(26), TestActor);
        Sent<MarketRuleRequest>(pacer);
        router.Tell(new S.GetDepthExchanges(), CreateTestProbe().Ref);
        Sent<MarketDepthExchangesRequest>(pacer);

        // A farm notice is no refusal; an unnumbered refusal could be the depth-exchanges request's. Both stay notices.
        router.Tell(Error(2104, "Market data farm connection is OK:usfarm"), pacer.Ref);
        router.Tell(Error(321, "Error validating request"), pacer.Ref);
        Assert.Equal(2104, notices.ExpectMsg<GatewayNotice>().Code);
        Assert.Equal(321, notices.ExpectMsg<GatewayNotice>().Code);

        router.Tell(Rule(26), pacer.Ref);
        Assert.Equal(26, ExpectMsg<S.MarketRule>().RuleId);
    }
}
