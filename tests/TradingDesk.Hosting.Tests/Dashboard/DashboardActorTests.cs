using System.Text.Json;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Hosting.Dashboard;
using Xunit;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>
/// The dashboard's actor shell: a round asks the desk for its bindings and the strategy host for the states, then the
/// monitor, and publishes what it folded from the EventStream.
/// </summary>
public sealed class DashboardActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_round_asks_the_host_then_the_monitor_and_publishes_a_snapshot_with_what_the_event_stream_said()
    {
        var host = CreateTestProbe();
        var monitor = CreateTestProbe();
        var desk = CreateTestProbe();
        var self = new Akka.Actor.Address("akka.tcp", "desk", "10.0.0.1", 4053);
        var feed = new DashboardFeed();
        using var stop = new CancellationTokenSource(Wait);
        await using var pages = feed.Subscribe(stop.Token).GetAsyncEnumerator();
        var state = new DashboardState { Endpoint = "sim", MessageLimit = 45, HistoryLength = 10 };
        // An hour between rounds: the only round is the one the actor starts with.
        var dashboard = Sys.ActorOf(DashboardActor.Props(host.Ref, monitor.Ref, desk.Ref, feed, state, TimeSpan.FromHours(1), self,
            new HashSet<string> { "alpha" }, cluster: false, controlsNeedToken: false));

        desk.ExpectMsg<OrderCommands.GetStrategyBindings>(Wait);
        host.ExpectMsg<GetStrategyStates>(Wait);
        // Subscribed in PreStart, which ran before the first round's message left: these are folded before the snapshot.
        var at = DateTimeOffset.UtcNow;
        Sys.EventStream.Publish(new ConnectionEvents.Connected(176, "t", ["DU9"], 1, IsReconnect: true, at));
        Sys.EventStream.Publish(new PacerStatus(1, 2, 0, TimeSpan.Zero, 10, true, at));
        Sys.EventStream.Publish(new PacerStatus(0, 0, 0, TimeSpan.Zero, 30, true, at.AddSeconds(1), WaitP99: TimeSpan.FromMilliseconds(42)));
        // The bindings come in before the states (one mailbox, told in this order), so this round's snapshot has them.
        desk.Reply(new OrderEvents.StrategyBindings([new OrderEvents.StrategyBinding(new StrategyId("beta"), "akka.tcp://desk@10.0.0.7:4053/user/strategy-host/beta")]));
        host.Reply(new StrategyStates([new StrategyState("alpha", Desk.Strategies.StrategyRunState.Stopped, 0, null, at)]));
        var ask = monitor.ExpectMsg<DeskMonitor.GetSnapshot>(Wait);
        Assert.Equal("Stopped", ask.States["alpha"]);
        monitor.Reply(new DeskSnapshot("Connected", null, [new StrategyTotals("alpha", "Stopped", 0, 0, 0, 0, 0, new Dictionary<string, decimal>(), 0m, 0m),
            new StrategyTotals("beta", "-", 1, 0, 0, 0, 0, new Dictionary<string, decimal>(), 0m, 0m)], [], [], [], at));

        Assert.True(await pages.MoveNextAsync());
        var page = JsonDocument.Parse(pages.Current).RootElement;
        Assert.Equal(176, page.GetProperty("gateway").GetProperty("serverVersion").GetInt32());
        Assert.Equal(1, page.GetProperty("gateway").GetProperty("reconnects").GetInt32());
        Assert.Equal(20, page.GetProperty("pacer").GetProperty("messagesPerSecond").GetDouble());
        Assert.Equal(42, page.GetProperty("pacer").GetProperty("waitP99Ms").GetDouble());
        Assert.True(page.GetProperty("strategies")[0].GetProperty("canStart").GetBoolean());
        // alpha is hosted here (and stopped, so unbound); beta's holder registered from another node.
        Assert.Equal("this node", page.GetProperty("strategies")[0].GetProperty("node").GetString());
        Assert.Equal("10.0.0.7:4053", page.GetProperty("strategies")[1].GetProperty("node").GetString());
        Sys.Stop(dashboard);
    }
}
