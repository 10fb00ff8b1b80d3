using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Pacing;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pacer's actor shell on the test clock: holds while disconnected, priorities, withdraw, status, disconnect policy.</summary>
public sealed class PacerActorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    /// <summary>A round trip: the pacer has handled everything told before.</summary>
    private void Sync(IActorRef pacer)
    {
        var probe = CreateTestProbe();
        pacer.Tell(PacerMessages.GetStatus.Instance, probe.Ref);
        probe.ExpectMsg<PacerStatus>();
    }

    private static ConnectionEvents.Connected Up() => new(225, "", ["DU1"], 1, false, At);

    [Fact]
    public void Holds_while_disconnected_then_sends_orders_first_and_reports_its_queues()
    {
        var connection = CreateTestProbe();
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.Zero }));
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 1 }, OutboundPriority.Data, "k1"));
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 2 }, OutboundPriority.Data, "k2"));
        pacer.Tell(new GatewayMessages.Outbound(new HeadTimestampRequest { ReqId = 3 }, OutboundPriority.Data, "k3")); // historical whatever it says
        pacer.Tell(new GatewayMessages.Outbound(new CancelOrderRequest { OrderId = 7 }, OutboundPriority.Order));
        pacer.Tell(new GatewayMessages.Withdraw("k2"));
        Sync(pacer);
        Advance(TimeSpan.FromSeconds(2));
        pacer.Tell(PacerMessages.GetStatus.Instance, TestActor);
        var status = ExpectMsg<PacerStatus>();
        Assert.Equal((1, 1, 1), (status.QueuedOrders, status.QueuedData, status.QueuedHistorical));
        Assert.Equal(TimeSpan.FromSeconds(2), status.OldestWait);
        Assert.False(status.Connected);
        connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        pacer.Tell(Up(), connection.Ref);
        Assert.IsType<CancelOrderRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message);
        Assert.Equal(1, Assert.IsType<ContractDataRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message).ReqId);
        Assert.IsType<HeadTimestampRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message);
        connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_disconnect_drops_queued_data_and_keeps_orders()
    {
        var connection = CreateTestProbe();
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.Zero, MessagesPerSecond = 1, Burst = 1 }));
        Sync(pacer);
        pacer.Tell(Up(), connection.Ref);
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 1 }, OutboundPriority.Data));
        connection.ExpectMsg<GatewayMessages.Write>(); // the one the rate allows now
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 2 }, OutboundPriority.Data));
        pacer.Tell(new GatewayMessages.Outbound(new CancelOrderRequest { OrderId = 9 }, OutboundPriority.Order));
        pacer.Tell(new ConnectionEvents.Disconnected("test", At), connection.Ref);
        pacer.Tell(Up(), connection.Ref);
        Sync(pacer);
        Advance(TimeSpan.FromSeconds(2));
        Assert.IsType<CancelOrderRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message);
        Advance(TimeSpan.FromSeconds(5));
        connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Publishes_its_status_periodically_and_tells_owners_when_their_message_left()
    {
        var connection = CreateTestProbe();
        Sys.EventStream.Subscribe<PacerStatus>(TestActor);
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.FromSeconds(1) }));
        Sync(pacer);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, ExpectMsg<PacerStatus>().Queued);
        var owner = CreateTestProbe();
        var key = new Routing.RouterInternal.RequestKey(owner.Ref, 5);
        pacer.Tell(Up(), connection.Ref);
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 5 }, OutboundPriority.Data, key));
        Assert.Equal(key, owner.ExpectMsg<PacerMessages.Sent>().Key);
        Sync(pacer);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, FishForMessage<PacerStatus>(s => s.SentTotal == 1).SentTotal);
    }

    [Fact]
    public void It_writes_to_the_connection_that_told_it_Connected_and_not_on_connection_events_of_the_EventStream()
    {
        var connection = CreateTestProbe();
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.Zero }));
        // Another desk's connection publishes its state on the node-wide EventStream: this pacer must not act on it.
        Sys.EventStream.Publish(Up());
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 1 }, OutboundPriority.Data));
        pacer.Tell(PacerMessages.GetStatus.Instance, TestActor);
        var status = ExpectMsg<PacerStatus>();
        Assert.False(status.Connected);
        Assert.Equal(1, status.QueuedData);

        pacer.Tell(Up(), connection.Ref);
        Assert.IsType<ContractDataRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message);
    }
}
