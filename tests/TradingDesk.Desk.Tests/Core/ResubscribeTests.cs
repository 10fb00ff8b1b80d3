using System.Net;
using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// A router (probes as pacer and order manager) that strategies come back to after a desk failover: subscription ids
/// start after the base, and Resubscribe brings a line back under the id a strategy holds.
/// </summary>
public sealed class ResubscribeTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly SubscribeMarketData Aapl = new(Contract.Stock("AAPL"));
    private static readonly SubscribeMarketData Msft = new(Contract.Stock("MSFT"));

    private (IActorRef Router, TestProbe Pacer) StartRouter(long idBase = 0, string name = "router")
    {
        var pacer = CreateTestProbe(name + "-pacer");
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions { SubscriptionIdBase = idBase }, pacer.Ref, CreateTestProbe(name + "-orders").Ref), name);
        router.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, Sys.Scheduler.Now), CreateTestProbe(name + "-connection").Ref);
        return (router, pacer);
    }

    private static int RequestIdOf(TestProbe pacer) => Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId;

    [Fact]
    public void Subscription_ids_start_after_the_configured_base()
    {
        var (router, _) = StartRouter(idBase: 5_000);
        router.Tell(Aapl, TestActor);
        Assert.Equal(new SubscriptionId(5_001), ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        router.Tell(Msft, TestActor);
        Assert.Equal(new SubscriptionId(5_002), ExpectMsg<SubscriptionMessages.Subscribed>().Id);
    }

    [Fact]
    public void A_cluster_desk_base_of_unix_ms_times_1000_hands_out_line_ids_a_later_incarnation_takes_back()
    {
        // What ClusterDesk sets: the incarnation's start in unix ms × 1000.
        var earlier = DateTimeOffset.Parse("2026-12-02T12:00:00Z").ToUnixTimeMilliseconds() * 1000;
        var (old, _) = StartRouter(idBase: earlier, name: "old-router");
        old.Tell(Aapl, TestActor);
        var held = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Assert.Equal(earlier + 1, held.Value);

        var (router, pacer) = StartRouter(idBase: earlier + 60_000 * 1000);
        router.Tell(new SubscriptionMessages.Resubscribe(held, Aapl), TestActor);
        Assert.Equal(held, ExpectMsg<SubscriptionMessages.Resubscribed>().Id);
        RequestIdOf(pacer);
    }

    [Fact]
    public void A_resubscribe_with_no_line_opens_one_under_the_held_id_and_new_ids_stay_above_it()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), Aapl), TestActor);
        var back = ExpectMsg<SubscriptionMessages.Resubscribed>();
        Assert.Equal((new SubscriptionId(42), "desk failover"), (back.Id, back.Reason));
        RequestIdOf(pacer); // the line is requested at the gateway

        router.Tell(Msft, TestActor);
        Assert.Equal(new SubscriptionId(43), ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        var other = CreateTestProbe();
        router.Tell(Aapl, other.Ref); // a new subscriber of the same request shares the line under the held id
        Assert.Equal(new SubscriptionId(42), other.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
    }

    [Fact]
    public void Two_strategies_that_shared_a_line_share_it_again_whichever_id_comes_first()
    {
        var (router, pacer) = StartRouter();
        var first = CreateTestProbe("first");
        var same = CreateTestProbe("same");
        var other = CreateTestProbe("other");
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), Aapl), first.Ref);
        first.ExpectMsg<SubscriptionMessages.Resubscribed>();
        var requestId = RequestIdOf(pacer);

        // The same request under the same id: joins the line.
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), Aapl), same.Ref);
        Assert.Equal(new SubscriptionId(42), same.ExpectMsg<SubscriptionMessages.Resubscribed>().Id);
        // The same request under another id: joins the line and is told the line's id.
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(57), Aapl), other.Ref);
        Assert.Equal(new SubscriptionMessages.Subscribed(new SubscriptionId(42), Aapl), other.ExpectMsg<SubscriptionMessages.Subscribed>());
        pacer.ExpectNoMsg(Quiet); // one gateway line for all three

        router.Tell(new GatewayMessages.Inbound(new TickPrice { ReqId = requestId, TickType = 1, Price = 10.5, Size = "1" }, Sys.Scheduler.Now), ActorRefs.NoSender);
        foreach (var probe in new[] { first, same, other }) Assert.Equal(new SubscriptionId(42), probe.ExpectMsg<Tick>().Subscription);
    }

    [Fact]
    public void A_held_id_that_another_request_runs_under_is_refused()
    {
        var (router, _) = StartRouter();
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), Aapl), TestActor);
        ExpectMsg<SubscriptionMessages.Resubscribed>();
        var msft = new SubscriptionMessages.Resubscribe(new SubscriptionId(42), Msft);
        router.Tell(msft, TestActor);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(msft, failed.Request);
        Assert.IsType<InvalidRequest>(failed.Failure);
    }

    [Fact]
    public void A_resubscribe_of_something_that_is_not_a_stream_is_refused()
    {
        var (router, pacer) = StartRouter();
        router.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(42), new ReferenceDataMessages.GetContractDetails(Contract.Stock("AAPL"))), TestActor);
        Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure);
        pacer.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void The_desk_sends_an_order_updates_resubscribe_to_the_order_manager()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens: the desk stays offline, and the order manager takes subscriptions offline too
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = port, PacerStatusInterval = TimeSpan.Zero });
        var updates = new OrderCommands.SubscribeOrderUpdates();
        desk.Tell(new SubscriptionMessages.Resubscribe(new SubscriptionId(SubscriptionId.FirstOrderUpdates + 7), updates), TestActor);
        var subscribed = ExpectMsg<SubscriptionMessages.Subscribed>();
        Assert.Equal(updates, subscribed.Request);
        Assert.True(subscribed.Id.Value >= SubscriptionId.FirstOrderUpdates, $"{subscribed.Id} is an order-update subscription id");
    }
}
