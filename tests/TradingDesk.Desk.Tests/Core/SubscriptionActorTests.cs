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

    [Fact]
    public void A_subscriber_joining_a_running_line_gets_its_reply_from_the_line_and_then_every_item()
    {
        var (line, _) = Start();
        var joiner = CreateTestProbe("joiner");
        var reply = new SubscriptionMessages.Subscribed(new SubscriptionId(1), new SubscribeMarketData(Contract.Stock("AAPL")));
        line.Tell(new RouterInternal.AddSubscriber(joiner.Ref, reply));
        line.Tell(new GatewayMessages.Inbound(new TickPrice { ReqId = Old, TickType = 4, Price = 101.5 }, Sys.Scheduler.Now));
        Assert.Same(reply, joiner.ExpectMsg<SubscriptionMessages.Subscribed>());
        Assert.Equal(101.5m, joiner.ExpectMsg<Tick>().Price);
        Assert.Equal(101.5m, ExpectMsg<Tick>().Price);
    }

    [Fact]
    public void A_line_the_gateway_ended_waits_for_its_router_and_answers_a_late_joiner_that_it_ended()
    {
        var pacer = CreateTestProbe("pacer");
        // The test actor is the line's parent: the router.
        var line = ChildActorOf(SubscriptionActor.Props(new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL"))), new SubscriptionId(1), CreateTestProbe("first").Ref, pacer.Ref, Old));
        pacer.ExpectMsg<GatewayMessages.Outbound>();
        line.Tell(new GatewayMessages.Inbound(new ErrorMessage { Id = Old, ErrorCode = 200, ErrorMsg = "No security definition has been found for the request" }, Sys.Scheduler.Now));
        Assert.Equal(new SubscriptionId(1), ExpectMsg<RouterInternal.LineEnded>().Id);

        var joiner = CreateTestProbe("joiner");
        var reply = new SubscriptionMessages.Subscribed(new SubscriptionId(1), new SubscribeMarketData(Contract.Stock("AAPL")));
        line.Tell(new RouterInternal.AddSubscriber(joiner.Ref, reply));
        line.Tell(new GatewayMessages.Inbound(new TickPrice { ReqId = Old, TickType = 4, Price = 101.5 }, Sys.Scheduler.Now));
        line.Tell(new RouterInternal.Resend(New, "reconnected", CancelOld: false));
        Assert.Same(reply, joiner.ExpectMsg<SubscriptionMessages.Subscribed>());
        Assert.Equal(200, Assert.IsType<GatewayError>(joiner.ExpectMsg<SubscriptionMessages.SubscriptionEnded>().Failure).Code);
        // A last joiner's answer: the line has handled everything before it, so nothing more is on its way.
        var fence = CreateTestProbe("fence");
        line.Tell(new RouterInternal.AddSubscriber(fence.Ref, "fence"));
        fence.ExpectMsg("fence");
        joiner.ExpectNoMsg(TimeSpan.Zero); // no item after the end
        pacer.ExpectNoMsg(TimeSpan.Zero);  // an ended line asks the gateway for nothing again
    }
}
