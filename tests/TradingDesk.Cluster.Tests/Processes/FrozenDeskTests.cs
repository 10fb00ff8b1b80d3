using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// The active desk node is frozen (SIGSTOP) until the standby took the desk over, then woken (SIGCONT). The woken node
/// must not send the gateway anything on its old connection; it learns it was downed and stops, which frees the client
/// id for the new desk, whose ticks then reach the strategy.
/// </summary>
public sealed class FrozenDeskTests(ITestOutputHelper output) : ProcessClusterTest(output)
{
    [Fact]
    public async Task A_desk_woken_after_the_takeover_sends_nothing_to_the_gateway_and_stops()
    {
        var frozen = await Cluster.StartDeskAsync("desk-1");
        await Cluster.StartDeskAsync("desk-2");
        var node = await Cluster.StartStrategiesAsync("strategies", "P:AAPL");
        await node.WaitFor("tick", "P", Wait);
        // The only started connection so far is the active desk's.
        var connection = Assert.Single(Cluster.Gateway.Requests.Select(r => r.Connection).Distinct());

        var mark = node.Mark;
        frozen.Freeze();
        var frozenAt = Stopwatch.GetTimestamp();
        var failover = await node.WaitFor("failover", "P", Wait, mark);
        Output.WriteLine($"SIGSTOP of the active desk -> DeskFailover on the strategy node: {Stopwatch.GetElapsedTime(frozenAt, failover.ReadAt).TotalSeconds:0.0} s");

        var resumedAt = Cluster.Gateway.Mark;
        frozen.Resume();
        await frozen.Exited.WaitAsync(Wait);
        Output.WriteLine($"the woken desk node stopped {Stopwatch.GetElapsedTime(frozenAt).TotalSeconds:0.0} s after it was frozen");
        // Once its socket closed the client id was free: the new desk connected and the line runs again.
        await node.WaitFor("tick", "P", Wait, failover.Index);

        var after = Cluster.Gateway.Requests.Skip(resumedAt).Where(r => r.Connection == connection).ToList();
        Assert.True(after.Count == 0, $"the woken desk sent {after.Count} requests: {string.Join(", ", after.Select(r => r.Message.GetType().Name))}");
    }
}
