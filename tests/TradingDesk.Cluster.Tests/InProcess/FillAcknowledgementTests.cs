using Akka.Actor;
using Akka.TestKit.Xunit2;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.InProcess;

/// <summary>
/// A strategy on another node than its desk acknowledges each fill it hands to its handlers, once, so the desk does not
/// send it again at the next registration (a desk in the strategy's own process needs no acknowledgement).
/// </summary>
public sealed class FillAcknowledgementTests(ITestOutputHelper output) : TwoBareNodes
{
    private static readonly StrategyId Id = new("acker");

    private sealed class Acker(IActorRef desk) : StrategyActor(desk, Id)
    {
    }

    [Fact]
    public async Task A_fill_from_a_desk_on_another_node_is_acknowledged_across_the_nodes_each_time_it_arrives()
    {
        var desk = new TestKit(DeskNode, output).CreateTestProbe("desk");
        var remoteDesk = await FromStrategyNodeAsync(desk);
        StrategyNode.ActorOf(Props.Create(() => new Acker(remoteDesk)), "acker");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>(TimeSpan.FromSeconds(10));
        var strategy = desk.LastSender;

        strategy.Tell(Fill("e1"), desk.Ref);
        // Sent again (a registration's replay): dropped, and acknowledged again, as the first acknowledgement may have died
        // with the desk that sent it.
        strategy.Tell(Fill("e1"), desk.Ref);
        strategy.Tell(Fill("e2"), desk.Ref);
        var first = desk.ExpectMsg<OrderCommands.AcknowledgeFills>(TimeSpan.FromSeconds(10));
        Assert.Equal((Id, new ExecId("e1")), (first.Strategy, Assert.Single(first.ExecIds)));
        Assert.Equal([new ExecId("e1")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>(TimeSpan.FromSeconds(10)).ExecIds);
        Assert.Equal([new ExecId("e2")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>(TimeSpan.FromSeconds(10)).ExecIds);
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    private static OrderEvents.Filled Fill(string execId) => new(new OrderId(5), null, new ExecId(execId), Id, null, "BOT", 1m, 10m, 1m, 10m,
        "DU1", "SMART", null, DateTimeOffset.UnixEpoch);
}
