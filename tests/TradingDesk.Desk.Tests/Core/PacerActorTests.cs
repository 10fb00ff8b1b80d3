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

/// <summary>
/// The pacer's pump on virtual time: a message that finds room leaves in the Outbound handler (no timer at all); a
/// queued one leaves at the instant the window allows it, and a late pump (as on a scheduler tick) sends everything
/// due, so lateness (up to Burst - 1 tokens' worth) does not add up along the queue. Each Advance follows the Sent of the previous write: the pacer
/// arms its pump in the same handler that wrote it.
/// </summary>
public sealed class PacerPumpTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private sealed record Key(IActorRef Owner, int N) : PacerMessages.INotifyOnSent;

    private (IActorRef Pacer, TestProbe Connection, TestProbe Owner) Start(int perSecond, int burst)
    {
        var connection = CreateTestProbe("connection");
        var owner = CreateTestProbe("owner");
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions
        {
            PacerStatusInterval = TimeSpan.Zero, MessagesPerSecond = perSecond, Burst = burst, PacingJitterMargin = TimeSpan.Zero,
        }));
        pacer.Tell(new ConnectionEvents.Connected(225, "", ["DU1"], 1, false, At), connection.Ref);
        return (pacer, connection, owner);
    }

    private void Send(IActorRef pacer, TestProbe owner, int n) =>
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = n }, OutboundPriority.Data, new Key(owner.Ref, n)), owner.Ref);

    private PacerMessages.Sent Written(TestProbe connection, TestProbe owner, int n)
    {
        Assert.Equal(n, Assert.IsType<ContractDataRequest>(connection.ExpectMsg<GatewayMessages.Write>().Message).ReqId);
        var sent = owner.ExpectMsg<PacerMessages.Sent>();
        Assert.Equal(n, ((Key)sent.Key).N);
        return sent;
    }

    [Fact]
    public void A_message_that_finds_room_is_written_at_once_without_any_timer()
    {
        var (pacer, connection, owner) = Start(perSecond: 10, burst: 2);
        var start = Scheduler.Now;
        Send(pacer, owner, 1);
        Send(pacer, owner, 2);
        Assert.Equal(start, Written(connection, owner, 1).At); // virtual time never moved: no pump was needed
        Assert.Equal(start, Written(connection, owner, 2).At);
    }

    [Fact]
    public void A_queued_message_leaves_exactly_when_the_window_allows_and_lateness_does_not_add_up()
    {
        // 10 per second, two back to back: one token every 100 ms.
        var (pacer, connection, owner) = Start(perSecond: 10, burst: 2);
        var start = Scheduler.Now;
        for (var n = 1; n <= 7; n++) Send(pacer, owner, n);
        Assert.Equal(start, Written(connection, owner, 1).At);
        Assert.Equal(start, Written(connection, owner, 2).At);

        Advance(TimeSpan.FromMilliseconds(99));
        connection.ExpectNoMsg(Quiet); // not a moment early
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(start + TimeSpan.FromMilliseconds(100), Written(connection, owner, 3).At); // no tick on top

        // The next pump (due at 200 ms) runs 50 ms late, as on a coarse scheduler tick ...
        Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(start + TimeSpan.FromMilliseconds(250), Written(connection, owner, 4).At);
        // ... and the one after keeps the original schedule (300 ms), not 100 ms after the late one.
        Advance(TimeSpan.FromMilliseconds(49));
        connection.ExpectNoMsg(Quiet);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(start + TimeSpan.FromMilliseconds(300), Written(connection, owner, 5).At);

        // A pump that runs 150 ms late sends everything due by then in one go.
        Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(start + TimeSpan.FromMilliseconds(550), Written(connection, owner, 6).At);
        Assert.Equal(start + TimeSpan.FromMilliseconds(550), Written(connection, owner, 7).At);
    }
}
