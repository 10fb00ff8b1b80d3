using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.DisplayGroupMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>Display groups through a router (probes as pacer and order manager): one shared line per group, and updates only from its subscribers.</summary>
public sealed class DisplayGroupRouterTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private (IActorRef Router, TestProbe Pacer) StartRouter()
    {
        var pacer = CreateTestProbe("pacer");
        pacer.IgnoreMessages(m => m is GatewayMessages.Withdraw);
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, DateTimeOffset.UnixEpoch), CreateTestProbe("connection").Ref);
        return (router, pacer);
    }

    private static T Sent<T>(TestProbe pacer) where T : IMessage => Assert.IsType<T>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

    [Fact]
    public void An_update_names_the_subscription_request_and_comes_back_as_an_item_to_every_subscriber()
    {
        var (router, pacer) = StartRouter();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        router.Tell(new SubscribeDisplayGroup(1), first.Ref);
        router.Tell(new SubscribeDisplayGroup(1), second.Ref);
        var id = first.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        second.ExpectMsg<SubscriptionMessages.Subscribed>();
        var subscribe = Sent<SubscribeToGroupEventsRequest>(pacer);
        Assert.Equal(1, subscribe.GroupId);
        pacer.ExpectNoMsg(Quiet); // shared: one gateway request

        router.Tell(new UpdateDisplayGroup(id, "265598@SMART"), first.Ref);
        Assert.Equal(id, first.ExpectMsg<DisplayGroupUpdateSent>().Subscription);
        var update = Sent<UpdateDisplayGroupRequest>(pacer);
        Assert.Equal((subscribe.ReqId, "265598@SMART"), (update.ReqId, update.ContractInfo));

        router.Tell(new GatewayMessages.Inbound(new DisplayGroupUpdated { ReqId = subscribe.ReqId, ContractInfo = "265598@SMART" }, DateTimeOffset.UnixEpoch), pacer.Ref);
        Assert.Equal("265598@SMART", first.ExpectMsg<DisplayGroupChanged>().ContractInfo);
        Assert.Equal(id, second.ExpectMsg<DisplayGroupChanged>().Subscription);
    }

    [Fact]
    public void Only_a_subscriber_of_the_group_may_update_it()
    {
        var (router, pacer) = StartRouter();
        var owner = CreateTestProbe();
        router.Tell(new SubscribeDisplayGroup(2), owner.Ref);
        var id = owner.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Sent<SubscribeToGroupEventsRequest>(pacer);

        router.Tell(new UpdateDisplayGroup(id, "8314@SMART"), TestActor);
        Assert.Contains("not a display-group subscription of yours", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        pacer.ExpectNoMsg(Quiet);
    }
}
