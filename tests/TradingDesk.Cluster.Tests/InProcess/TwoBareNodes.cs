using Akka.Actor;
using Akka.TestKit;
using TradingDesk.Desk;
using Xunit;

namespace TradingDesk.Cluster.Tests.InProcess;

/// <summary>
/// A desk-role node and a strategy-role node in this process, both Up, with nothing of the desk started: a test puts a
/// probe where the desk would be and reaches it from the strategy node as a strategy reaches a remote desk.
/// </summary>
public abstract class TwoBareNodes : IAsyncLifetime
{
    protected ActorSystem DeskNode { get; private set; } = null!;

    protected ActorSystem StrategyNode { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var seedPort = ClusterNodes.FreePort();
        DeskNode = await ClusterNodes.StartAsync(seedPort, [DeskRoles.Desk], []);
        StrategyNode = await ClusterNodes.StartAsync(0, [DeskRoles.Strategy], [ClusterNodes.SeedOf(seedPort)]);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(StrategyNode.Terminate(), DeskNode.Terminate());
    }

    /// <summary>The probe on the desk node as the strategy node sees it: every message to it crosses the nodes.</summary>
    protected Task<IActorRef> FromStrategyNodeAsync(TestProbe probe) =>
        StrategyNode.ActorSelection(probe.Ref.Path.ToStringWithAddress(Akka.Cluster.Cluster.Get(DeskNode).SelfAddress))
            .ResolveOne(TimeSpan.FromSeconds(10));
}
