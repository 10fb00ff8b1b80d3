using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// Two desk nodes and a strategy node; the active desk is killed with SIGKILL while an order of the strategy is filling.
/// The standby takes the desk over: the strategy hears DeskFailover, its subscriptions resume, no order id is used
/// twice at the gateway, and every execution of its orders reaches it exactly once across the handover. Run with each desk
/// on a journal of its own process (the standby knows only what the gateway tells it) and with both on one SQLite
/// journal (the standby recovers the killed desk's orders, fills and acknowledgements from it, then reconciles).
/// </summary>
public sealed class DeskFailoverTests(ITestOutputHelper output) : ProcessClusterTest(output)
{
    private const decimal Quantity = 20_000m;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Killing_the_active_desk_hands_over_to_the_standby_and_every_fill_arrives_once(bool sharedJournal)
    {
        var active = await Cluster.StartDeskAsync("desk-1", sharedJournal);
        var standby = await Cluster.StartDeskAsync("desk-2", sharedJournal);
        // The probe places one order on its first tick and another on its first tick after the failover.
        var node = await Cluster.StartStrategiesAsync("strategies", $"P:AAPL+MSFT:{Quantity}:again");
        var subs = new[] { "AAPL", "MSFT" }.ToDictionary(s => s, s => node.WaitFor(e => e.Is("subscribed", "P") && e.Str("symbol") == s, Wait, what: s + " subscribed"));
        foreach (var symbol in subs.Keys) await node.WaitFor(e => e.Is("tick", "P") && e.Str("symbol") == symbol, Wait, what: symbol + " tick");
        var first = (await node.WaitFor("accepted", "P", Wait)).Long("orderId");
        await node.WaitFor("fill", "P", Wait);

        var mark = node.Mark;
        var killedAt = Stopwatch.GetTimestamp();
        active.Kill();
        var failover = await node.WaitFor("failover", "P", Wait, mark);
        var tick = await node.WaitFor("tick", "P", Wait, failover.Index);
        var toFailover = Stopwatch.GetElapsedTime(killedAt, failover.ReadAt);
        var toTick = Stopwatch.GetElapsedTime(killedAt, tick.ReadAt);
        Output.WriteLine($"kill -9 of the active desk -> DeskFailover on the strategy node: {toFailover.TotalSeconds:0.0} s");
        Output.WriteLine($"kill -9 of the active desk -> first tick delivered again: {toTick.TotalSeconds:0.0} s");

        // Every subscription resumes: a tick of each line after the failover.
        foreach (var symbol in subs.Keys)
            await node.WaitFor(e => e.Is("tick", "P") && e.Str("symbol") == symbol, Wait, failover.Index, symbol + " tick after the failover");
        var second = (await node.WaitFor("accepted", "P", Wait, failover.Index)).Long("orderId");
        var firstFills = await StrategyNodeTests.FillsUntilAsync(node, "P", first, Quantity);
        var secondFills = await StrategyNodeTests.FillsUntilAsync(node, "P", second, Quantity);

        var executions = await Cluster.ExecutionsAsync();
        var placed = Cluster.Gateway.Requests.Select(r => r.Message).OfType<Tws.PlaceOrderRequest>().Select(p => p.OrderId).ToList();
        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.NotEqual(first, second);
        var fills = node.Events.Where(e => e.Is("fill", "P")).Select(e => e.Str("execId")).ToList();
        Assert.Equal(fills.Count, fills.Distinct().Count());
        Assert.Equal(StrategyNodeTests.Exec(executions, first), firstFills.Select(f => f.Str("execId")).Order());
        Assert.Equal(StrategyNodeTests.Exec(executions, second), secondFills.Select(f => f.Str("execId")).Order());
        Assert.True(toFailover <= TimeSpan.FromSeconds(20), $"kill -> DeskFailover took {toFailover.TotalSeconds:0.0} s (target 20 s)");
        if (sharedJournal)
        {
            // The standby recovered the killed desk's order from the journal before the gateway told it anything.
            var recovered = await standby.WaitForLog(l => l.Contains("Order journal", StringComparison.Ordinal) && l.Contains("recovered", StringComparison.Ordinal),
                Wait, "journal recovery");
            Assert.DoesNotContain(": 0 orders", recovered, StringComparison.Ordinal);
        }
    }
}
