using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// One desk node and two strategy nodes, each its own process, against the simulator in this process: the shared line,
/// each strategy's own fills, a strategy node killed with SIGKILL, and its strategy started again elsewhere.
/// Strategy A holds AAPL; strategy B holds AAPL (shared with A) and MSFT (its own).
/// </summary>
public sealed class StrategyNodeTests(ITestOutputHelper output) : ProcessClusterTest(output)
{
    [Fact]
    public async Task Two_strategy_nodes_share_a_line_and_each_gets_only_its_own_fills()
    {
        await Cluster.StartDeskAsync("desk");
        var a = await Cluster.StartStrategiesAsync("strategies-a", "A:AAPL:100");
        var b = await Cluster.StartStrategiesAsync("strategies-b", "B:AAPL+MSFT:200");
        await BothTickAsync(a, b);
        Assert.Single(Cluster.Gateway.MarketDataRequests("AAPL"));
        Assert.Single(Cluster.Gateway.MarketDataRequests("MSFT"));

        var orderA = (await a.WaitFor("accepted", "A", Wait)).Long("orderId");
        var orderB = (await b.WaitFor("accepted", "B", Wait)).Long("orderId");
        var fillsA = await FillsUntilAsync(a, "A", orderA, 100m);
        var fillsB = await FillsUntilAsync(b, "B", orderB, 200m);

        var executions = await Cluster.ExecutionsAsync();
        Assert.Equal(Exec(executions, orderA), fillsA.Select(f => f.Str("execId")).Order());
        Assert.Equal(Exec(executions, orderB), fillsB.Select(f => f.Str("execId")).Order());
        Assert.All(a.Events.Where(e => e.Is("fill")), f => Assert.Equal(orderA, f.Long("orderId")));
        Assert.All(b.Events.Where(e => e.Is("fill")), f => Assert.Equal(orderB, f.Long("orderId")));
        // The line stayed shared for the whole run.
        Assert.Single(Cluster.Gateway.MarketDataRequests("AAPL"));
    }

    [Fact]
    public async Task A_killed_strategy_node_releases_only_the_lines_nobody_else_holds()
    {
        await Cluster.StartDeskAsync("desk");
        var a = await Cluster.StartStrategiesAsync("strategies-a", "A:AAPL");
        var b = await Cluster.StartStrategiesAsync("strategies-b", "B:AAPL+MSFT");
        await BothTickAsync(a, b);
        var shared = Assert.Single(Cluster.Gateway.MarketDataRequests("AAPL")).ReqId;
        var own = Assert.Single(Cluster.Gateway.MarketDataRequests("MSFT")).ReqId;

        b.Kill();
        await Cluster.Gateway.WaitFor(r => SimulatorLog.IsCancel(r, own), Wait, "cancelMktData of the killed node's own line");
        // A tick A receives after the cancel: the shared line outlived the node that also held it.
        await a.WaitFor(e => e.Is("tick", "A") && e.Str("symbol") == "AAPL", Wait, a.Mark, "AAPL tick after the cancel");

        Assert.Equal(1, Cluster.Gateway.Cancels(own));
        Assert.Equal(0, Cluster.Gateway.Cancels(shared));
        Assert.Single(Cluster.Gateway.MarketDataRequests("AAPL"));
    }

    [Fact]
    public async Task A_strategy_started_again_receives_its_orders_events_once_each()
    {
        const decimal quantity = 20_000m;
        await Cluster.StartDeskAsync("desk");
        var a = await Cluster.StartStrategiesAsync("strategies-a", "A:AAPL");
        var b = await Cluster.StartStrategiesAsync("strategies-b", $"B:AAPL+MSFT:{quantity}");
        await BothTickAsync(a, b);
        var own = Assert.Single(Cluster.Gateway.MarketDataRequests("MSFT")).ReqId;
        var order = (await b.WaitFor("accepted", "B", Wait)).Long("orderId");
        await b.WaitFor("fill", "B", Wait);

        b.Kill();
        // The desk released the killed node's lines: it saw the strategy's Terminated, so its binding is gone too.
        await Cluster.Gateway.WaitFor(r => SimulatorLog.IsCancel(r, own), Wait, "cancelMktData of the killed node's own line");
        var before = b.Events.Where(e => e.Is("fill", "B")).Select(e => e.Str("execId")).ToHashSet();

        var again = await Cluster.StartStrategiesAsync("strategies-b-again", "B:AAPL+MSFT");
        var open = await again.WaitFor(e => e.Is("open", "B") && e.Long("orderId") == order, Wait, what: "its working order");
        Output.WriteLine($"the restarted strategy saw its order {order} as {open.Str("status")}");
        // The rest of the order fills while this incarnation runs: between the two, every execution of the order.
        var earlier = b.Events.Where(e => e.Is("fill", "B")).ToList();
        var fills = await FillsUntilAsync(again, "B", order, quantity, earlier);

        // Fills the killed node acknowledged are not sent again; one whose acknowledgement died with the node (or was
        // still on its way) is, so the new process may hear a few of the old one's again: it hears each once, and
        // between the two none is missing.
        var executions = await Cluster.ExecutionsAsync();
        var afterIds = fills.Select(f => f.Str("execId")).ToList();
        Assert.Equal(afterIds.Count, afterIds.Distinct().Count());
        Assert.Equal(Exec(executions, order), before.Union(afterIds).Order());
        var missed = Exec(executions, order).Except(before).ToList();
        Assert.NotEmpty(missed);
        Assert.All(missed, id => Assert.Contains(id, afterIds));
        Output.WriteLine($"{before.Count} fills before the kill, {missed.Count} missed while away, {afterIds.Count} heard by the new process, "
            + $"{before.Intersect(afterIds).Count()} of them heard by both");
    }

    internal static IEnumerable<string> Exec(IReadOnlyList<Simulator.Orders.Execution> executions, long order) =>
        executions.Where(e => e.Order.OrderId.Value == order).Select(e => e.ExecId.Value).Order();

    /// <summary>
    /// Fill lines of one order until their quantities, with those an earlier process got (each exec id counted once),
    /// reach the order's.
    /// </summary>
    internal static async Task<IReadOnlyList<NodeEvent>> FillsUntilAsync(NodeProcess node, string strategy, long order, decimal quantity,
        IReadOnlyList<NodeEvent>? earlier = null)
    {
        List<NodeEvent> Fills() => [.. node.Events.Where(e => e.Is("fill", strategy) && e.Long("orderId") == order)];
        decimal Filled() => Fills().Concat(earlier ?? []).Where(f => f.Long("orderId") == order)
            .DistinctBy(f => f.Str("execId")).Sum(f => f.Dec("quantity"));
        await node.WaitFor(_ => Filled() >= quantity, TimeSpan.FromSeconds(90),
            what: $"fills of order {order} adding up to {quantity}");
        return Fills();
    }

    /// <summary>Both strategies have a tick of each of their lines (so every market-data request has reached the gateway).</summary>
    private static async Task BothTickAsync(NodeProcess a, NodeProcess b)
    {
        await a.WaitFor(e => e.Is("tick", "A") && e.Str("symbol") == "AAPL", Wait, what: "AAPL tick");
        await b.WaitFor(e => e.Is("tick", "B") && e.Str("symbol") == "AAPL", Wait, what: "AAPL tick");
        await b.WaitFor(e => e.Is("tick", "B") && e.Str("symbol") == "MSFT", Wait, what: "MSFT tick");
    }
}
