using Akka.Actor;
using Akka.TestKit.Xunit2;
using TradingDesk.Cluster.DeskNode;
using TradingDesk.Cluster.Messages;
using TradingDesk.Cluster.Node;
using TradingDesk.Desk.Messages;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.Core;

/// <summary>
/// The outlet against a stand-in for a node's link (an actor at /user/desk-link that hands every batch to a probe):
/// a window of batches in flight, then waiting items with ticks conflated, then several per batch once acknowledged.
/// </summary>
public sealed class StreamOutletTests(ITestOutputHelper output) : TestKit("akka.loglevel = INFO", output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly DateTimeOffset T = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    private sealed class LinkStandIn : ReceiveActor
    {
        public LinkStandIn(IActorRef probe) => ReceiveAny(m => probe.Forward(m));
    }

    private (StreamOutlet.Inbox Outlet, Akka.TestKit.TestProbe Link, TaskCompletionSource Stopped, IActorRef StandIn) Start()
    {
        var link = CreateTestProbe();
        var standIn = Sys.ActorOf(Props.Create(() => new LinkStandIn(link.Ref)), DeskLink.Name);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outlet = StreamOutlet.Start(Sys, ((ExtendedActorSystem)Sys).Provider.DefaultAddress, () => stopped.TrySetResult(), "outlet");
        return (outlet, link, stopped, standIn);
    }

    private static MarketDataMessages.Tick Bid(decimal price) => new(new SubscriptionId(7), TickType.Bid, price, 100m, null, 0, T);

    [Fact]
    public void A_full_window_holds_items_back_conflates_ticks_and_sends_them_together_on_the_ack()
    {
        var (outlet, link, _, _) = Start();
        var target = CreateTestProbe().Ref;
        // Until the link is identified items wait (and then leave together): one batch first, then one per item.
        for (var i = 1; i <= StreamWindow.Batches; i++)
        {
            outlet.Post(new StreamOutlet.Outgoing(new SubscriptionMessages.SubscriptionNotice(new SubscriptionId(i), 10167, "n", T), [target]));
            Assert.Equal(i, link.ExpectMsg<StreamMessages.StreamBatch>().Sequence);
        }

        foreach (var price in new[] { 1m, 2m, 3m, 4m, 5m }) outlet.Post(new StreamOutlet.Outgoing(Bid(price), [target]));
        var notice = new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(7), null);
        outlet.Post(new StreamOutlet.Outgoing(notice, [target]));
        link.ExpectNoMsg(Quiet); // the window is full: nothing more goes out unacknowledged

        outlet.Outlet.Tell(new StreamMessages.StreamAck("outlet", StreamWindow.AckEvery));
        var batch = link.ExpectMsg<StreamMessages.StreamBatch>();
        Assert.Equal(StreamWindow.Batches + 1, batch.Sequence);
        Assert.Equal(2, batch.Entries.Count);
        Assert.Equal((5m, 4), (((MarketDataMessages.Tick)batch.Entries[0].Item).Price!.Value, batch.Entries[0].Skipped));
        Assert.Same(notice, batch.Entries[1].Item);
        Assert.Equal([target], batch.Entries[1].Targets);
        link.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void The_outlet_stops_and_forgets_itself_when_the_link_is_gone()
    {
        var (outlet, link, stopped, standIn) = Start();
        outlet.Post(new StreamOutlet.Outgoing(Bid(1m), [TestActor]));
        link.ExpectMsg<StreamMessages.StreamBatch>();
        Watch(outlet.Outlet);
        Sys.Stop(standIn);
        ExpectTerminated(outlet.Outlet);
        Assert.True(stopped.Task.IsCompleted);
    }
}
