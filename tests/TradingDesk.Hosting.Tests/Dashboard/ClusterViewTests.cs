using Akka.Actor;
using Akka.Cluster;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Hosting.Dashboard;
using Xunit;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>The cluster panel and the strategies' node column from what the gossip and the desk's bindings say.</summary>
public sealed class ClusterViewTests
{
    private static readonly Address DeskA = new("akka.tcp", "desk", "10.0.0.1", 4053);
    private static readonly Address DeskB = new("akka.tcp", "desk", "10.0.0.2", 4053);
    private static readonly Address Strategies1 = new("akka.tcp", "desk", "10.0.0.3", 4053);
    private static readonly Address Strategies2 = new("akka.tcp", "desk", "10.0.0.4", 4053);
    private static readonly Address Joining = new("akka.tcp", "desk", "10.0.0.5", 4053);

    /// <summary>Five members: two desk nodes (B the older), two strategy nodes (one unreachable), one still joining.</summary>
    private static ClusterView.MemberSeen[] Members(bool olderDeskUp = true) =>
    [
        new(DeskA, MemberStatus.Up, ["desk"], Age: 2, Reachable: true),
        new(DeskB, olderDeskUp ? MemberStatus.Up : MemberStatus.Leaving, ["desk"], Age: 0, Reachable: true),
        new(Strategies1, MemberStatus.Up, ["strategies"], Age: 1, Reachable: true),
        new(Strategies2, MemberStatus.Up, ["strategies", "research"], Age: 3, Reachable: false),
        new(Joining, MemberStatus.Joining, ["strategies"], Age: 4, Reachable: true),
    ];

    [Fact]
    public void Every_member_is_listed_with_its_status_roles_and_reachability_this_node_and_the_singletons_marked()
    {
        var panel = ClusterView.Build(DeskA, Members(), "desk");
        Assert.True(panel.Enabled);
        Assert.Equal((DeskA.ToString(), DeskB.ToString()), (panel.Self, panel.DeskAt));
        Assert.Equal([DeskA, DeskB, Strategies1, Strategies2, Joining], panel.Members.Select(m => m.Address).Select(a => Address.Parse(a)));
        var self = panel.Members[0];
        Assert.Equal((true, false, "Up"), (self.IsSelf, self.HostsDesk, self.Status));
        // The singleton is on the oldest up desk member, not on this node and not on the oldest member overall (a strategy node).
        Assert.Equal([DeskB.ToString()], panel.Members.Where(m => m.HostsDesk).Select(m => m.Address));
        var lost = panel.Members.Single(m => m.Address == Strategies2.ToString());
        Assert.Equal((false, "Up", "research,strategies"), (lost.Reachable, lost.Status, string.Join(",", lost.Roles)));
        Assert.Equal("Joining", panel.Members[4].Status);
        Assert.Single(panel.Members, m => m.IsSelf);
    }

    [Fact]
    public void When_the_oldest_desk_member_leaves_the_singleton_is_shown_on_the_next_up_one()
    {
        var panel = ClusterView.Build(DeskA, Members(olderDeskUp: false), "desk");
        Assert.Equal(DeskA.ToString(), panel.DeskAt);
        var self = panel.Members.Single(m => m.IsSelf);
        Assert.True(self.HostsDesk);
    }

    [Fact]
    public void No_up_desk_member_means_no_singleton()
    {
        var panel = ClusterView.Build(Strategies1, [new(Strategies1, MemberStatus.Up, ["strategies"], 0, true), new(DeskA, MemberStatus.Joining, ["desk"], 1, true)], "desk");
        Assert.Null(panel.DeskAt);
        Assert.DoesNotContain(panel.Members, m => m.HostsDesk);
    }

    [Fact]
    public void A_strategys_node_is_this_node_for_a_holder_here_and_host_and_port_for_one_on_another_node()
    {
        var nodes = StrategyNodes.From(
        [
            new OrderEvents.StrategyBinding(new StrategyId("local"), $"{DeskA}/user/strategies/local"),
            new OrderEvents.StrategyBinding(new StrategyId("remote"), $"{Strategies1}/user/strategy-host/remote"),
            new OrderEvents.StrategyBinding(new StrategyId("in-process"), "akka://desk/user/strategies/in-process"),
        ], DeskA);
        Assert.Equal(StrategyNodes.ThisNode, nodes["local"]);
        Assert.Equal("10.0.0.3:4053", nodes["remote"]);
        Assert.Equal(StrategyNodes.ThisNode, nodes["in-process"]);
        HashSet<string> hosted = ["local", "stopped-here"];
        Assert.Equal(StrategyNodes.ThisNode, StrategyNodes.For("stopped-here", nodes, hosted));
        Assert.Equal(StrategyNodes.NotBound, StrategyNodes.For("gone", nodes, hosted));
        Assert.Equal("10.0.0.3:4053", StrategyNodes.For("remote", nodes, hosted));
    }

    [Fact]
    public void The_snapshots_strategy_rows_carry_the_nodes_from_the_bindings()
    {
        var state = new DashboardState { Endpoint = "sim", MessageLimit = 45, HistoryLength = 5 };
        StrategyTotals Row(string name) => new(name, "Running", 0, 0, 0, 0, 0, new Dictionary<string, decimal>(), 0m, 0m);
        var desk = new DeskSnapshot("Connected", null, [Row("local"), Row("remote"), Row("gone")], [], [], [], DateTimeOffset.UnixEpoch);
        var nodes = new Dictionary<string, string> { ["remote"] = "10.0.0.3:4053" };
        var (_, page) = state.Build(desk, nodes, new HashSet<string> { "local" }, ClusterView.Build(DeskA, Members(), "desk"), false);
        Assert.Equal(["this node", "10.0.0.3:4053", "not bound"], page.Strategies.Select(s => s.Node));
        Assert.Equal(5, page.Cluster.Members.Count);
    }
}
