using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// A router (probes as pacer and order manager) asked for things before the gateway is up, as a desk is when strategy
/// nodes join before it has connected. The pacer keeps what it holds until it has had a link, so what was asked goes
/// out once when the link comes up: the router re-sends only what a lost link took.
/// </summary>
public sealed class FirstLinkTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private (IActorRef Router, TestProbe Pacer, IActorRef Connection) StartRouter()
    {
        var pacer = CreateTestProbe("pacer");
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        return (router, pacer, CreateTestProbe("connection").Ref);
    }

    private static ConnectionEvents.Connected Up(bool reconnect) => new(213, "", ["DU1"], 1, reconnect, At);

    [Fact]
    public void A_line_asked_for_before_the_first_link_is_sent_once_and_again_only_after_a_lost_link()
    {
        var (router, pacer, connection) = StartRouter();
        router.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        ExpectMsg<SubscriptionMessages.Subscribed>();
        var queued = pacer.ExpectMsg<GatewayMessages.Outbound>();
        var key = Assert.IsType<RouterInternal.RequestKey>(queued.Key);
        Assert.IsType<MarketDataRequest>(queued.Message);

        // The link comes up and the pacer sends what it held; then the link is lost and comes back.
        key.Owner.Tell(new PacerMessages.Sent(key, At));
        router.Tell(Up(reconnect: false), connection);
        router.Tell(new ConnectionEvents.Disconnected("link lost", At), connection);
        router.Tell(Up(reconnect: true), connection);

        // The line tells its subscriber last, after all it sent the pacer: by then the pacer has everything.
        Assert.Equal("reconnected", ExpectMsg<SubscriptionMessages.Resubscribed>().Reason);
        var withdraw = pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.Equal(key, withdraw.Key);
        var again = Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        Assert.NotEqual(key.RequestId, again.ReqId);
        Assert.False(pacer.HasMessages, "the first link re-sent a line that was still queued for it");
    }

    [Fact]
    public void A_request_safe_to_retry_asked_before_the_first_link_is_answered_under_its_first_id()
    {
        var (router, pacer, connection) = StartRouter();
        router.Tell(new GetContractDetails(Contract.Stock("AAPL")), TestActor);
        var request = Assert.IsType<ContractDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

        // An attempt fails before any link is up (nothing is lost: the request is still queued), then the link comes up
        // and the pacer sends it under the id it was queued with.
        router.Tell(new ConnectionEvents.Disconnected("connection refused", At), connection);
        router.Tell(Up(reconnect: false), connection);
        var contract = request.Contract.Clone();
        contract.ConId = 265598;
        router.Tell(new GatewayMessages.Inbound(new ContractData { ReqId = request.ReqId, Contract = contract, ContractDetails = new ContractDetails { MinTick = "0.01" } }, At), pacer.Ref);
        router.Tell(new GatewayMessages.Inbound(new ContractDataEnd { ReqId = request.ReqId }, At), pacer.Ref);

        var details = Assert.Single(ExpectMsg<ContractDetailsList>().Details);
        Assert.Equal(265598, details.ConId.Value);
    }
}
