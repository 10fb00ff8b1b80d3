using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// Connection news is HANDLED by the actors it is told to. A handler whose expression body is bool-typed
/// (<c>_ =&gt; _flag = false</c>, <c>_connected |= …</c>) binds to Akka's Receive(Func&lt;T, bool&gt;) and reads as
/// "unhandled" when false: the message would be published as an UnhandledMessage. These tests watch for that, and
/// for the behaviour the news must cause (a line is requested again after a drop and a reconnect).
/// </summary>
public sealed class HandledMessagesTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private TestProbe Unhandled()
    {
        var probe = CreateTestProbe("unhandled");
        Sys.EventStream.Subscribe<UnhandledMessage>(probe.Ref);
        return probe;
    }

    [Fact]
    public void A_line_handles_ConnectionDown_and_sends_again_after_the_reconnect()
    {
        var unhandled = Unhandled();
        var pacer = CreateTestProbe("pacer");
        var line = Sys.ActorOf(SubscriptionActor.Props(new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL"))), new SubscriptionId(1), TestActor, pacer.Ref, 1_000_000_001));
        pacer.ExpectMsg<GatewayMessages.Outbound>();
        line.Tell(new PacerMessages.Sent(new RouterInternal.RequestKey(line, 1_000_000_001), At), pacer.Ref);
        line.Tell(new RouterInternal.ConnectionDown("drop"), ActorRefs.NoSender);
        line.Tell(new RouterInternal.Resend(1_000_000_002, "reconnected", CancelOld: false), ActorRefs.NoSender);
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        // The request died with the link (ConnectionDown handled): nothing to cancel, only the new request.
        Assert.Equal(1_000_000_002, Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        ExpectMsg<SubscriptionMessages.Resubscribed>();
        unhandled.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void The_router_handles_connection_news_and_requests_every_line_again_after_a_reconnect()
    {
        var unhandled = Unhandled();
        var pacer = CreateTestProbe("pacer");
        var orders = CreateTestProbe("orders");
        var connection = CreateTestProbe("connection");
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, orders.Ref), "router");
        router.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, At), connection.Ref);
        router.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var first = pacer.ExpectMsg<GatewayMessages.Outbound>();
        var firstId = Assert.IsType<MarketDataRequest>(first.Message).ReqId;
        var key = Assert.IsType<RouterInternal.RequestKey>(first.Key);
        key.Owner.Tell(new PacerMessages.Sent(key, At), pacer.Ref); // the line is live at the gateway

        router.Tell(new ConnectionEvents.Disconnected("drop", At), connection.Ref);
        router.Tell(new ConnectionEvents.Reconnecting(1, TimeSpan.FromSeconds(1), "drop", At), connection.Ref);
        router.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, true, At), connection.Ref);
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        var again = Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        Assert.NotEqual(firstId, again.ReqId);
        Assert.Equal(id, ExpectMsg<SubscriptionMessages.Resubscribed>().Id);
        unhandled.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void The_order_manager_and_the_pacer_handle_every_connection_state()
    {
        var unhandled = Unhandled();
        var connection = CreateTestProbe("connection");
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.Zero }), "pacer");
        var orders = Sys.ActorOf(OrderManagerActor.Props(pacer, new OrderManagerOptions()), "orders");
        foreach (var actor in new[] { pacer, orders })
        {
            actor.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, At), connection.Ref);
            actor.Tell(new ConnectionEvents.Disconnected("drop", At), connection.Ref);
            actor.Tell(new ConnectionEvents.Reconnecting(1, TimeSpan.FromSeconds(1), "drop", At), connection.Ref);
        }
        unhandled.ExpectNoMsg(Quiet);
    }
}
