using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>A line actor with a probe as its pacer: what it sends around a re-send, whichever order the news comes in.</summary>
public sealed class SubscriptionActorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private const int Old = 1_000_000_001;
    private const int New = 1_000_000_002;

    private (IActorRef Line, TestProbe Pacer) Start()
    {
        var pacer = CreateTestProbe("pacer");
        var line = Sys.ActorOf(SubscriptionActor.Props(new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL"))), new SubscriptionId(1), TestActor, pacer.Ref, Old));
        Assert.Equal(Old, Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        return (line, pacer);
    }

    [Fact]
    public void A_request_that_went_out_on_the_new_link_before_the_resend_is_cancelled()
    {
        var (line, pacer) = Start();
        line.Tell(new RouterInternal.ConnectionDown("drop"));
        line.Tell(new PacerMessages.Sent(new RouterInternal.RequestKey(line, Old), DateTimeOffset.UnixEpoch)); // queued one left after the reconnect
        line.Tell(new RouterInternal.Resend(New, "reconnected", CancelOld: false));
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.Equal(Old, Assert.IsType<CancelMarketData>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        Assert.Equal(New, Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
    }

    [Fact]
    public void A_superseded_request_that_leaves_the_pacer_after_the_resend_is_cancelled()
    {
        var (line, pacer) = Start();
        line.Tell(new RouterInternal.Resend(New, "connected", CancelOld: false, Notify: false));
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.Equal(New, Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        line.Tell(new PacerMessages.Sent(new RouterInternal.RequestKey(line, Old), DateTimeOffset.UnixEpoch));
        Assert.Equal(Old, Assert.IsType<CancelMarketData>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // never live before: no Resubscribed
    }

    [Fact]
    public void A_plain_reconnect_resends_without_cancelling_and_tells_subscribers()
    {
        var (line, pacer) = Start();
        line.Tell(new PacerMessages.Sent(new RouterInternal.RequestKey(line, Old), DateTimeOffset.UnixEpoch));
        line.Tell(new RouterInternal.ConnectionDown("drop"));
        line.Tell(new RouterInternal.Resend(New, "reconnected", CancelOld: false));
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.Equal(New, Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        Assert.Equal("reconnected", ExpectMsg<SubscriptionMessages.Resubscribed>().Reason);
        Sys.Stop(line);
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.Equal(New, Assert.IsType<CancelMarketData>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
    }
}
