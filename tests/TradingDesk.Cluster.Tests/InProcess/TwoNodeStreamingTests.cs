using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.InProcess;

/// <summary>
/// A desk node and a strategy node in one process: strategies on the strategy node reach the desk through the
/// singleton proxy, and a shared line's ticks reach both of them through the node's link.
/// </summary>
public sealed class TwoNodeStreamingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private GatewaySimulator _sim = null!;
    private ActorSystem _deskNode = null!;
    private ActorSystem _strategyNode = null!;
    private IActorRef _proxy = ActorRefs.Nobody;
    private TestKit _kit = null!;
    private readonly List<string> _marketDataRequests = [];

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 5, Start = SimulatorOptions.DefaultManualStart });
        _sim.Server.RequestHandled += (_, request) =>
        {
            if (request is IBApi.protobuf.MarketDataRequest) lock (_marketDataRequests) _marketDataRequests.Add($"{request}");
        };
        var seedPort = ClusterNodes.FreePort();
        _deskNode = await ClusterNodes.StartAsync(seedPort, [DeskRoles.Desk], []);
        ClusterNodes.StartDeskNode(_deskNode, new DeskOptions { Port = _sim.Port, ClientId = 31, PacerStatusInterval = TimeSpan.Zero });
        _strategyNode = await ClusterNodes.StartAsync(0, [DeskRoles.Strategy], [ClusterNodes.SeedOf(seedPort)]);
        _kit = new TestKit(_strategyNode, output);
        var connected = _kit.CreateTestProbe();
        _strategyNode.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _proxy = ClusterNodes.StartStrategyNode(_strategyNode);
        // The link republishes the desk's state on this node: Connected here means the desk elsewhere is connected.
        connected.ExpectMsg<ConnectionEvents.Connected>(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_strategyNode.Terminate(), _deskNode.Terminate());
        await _sim.DisposeAsync();
    }

    [Fact]
    public void Two_remote_strategies_share_one_line_and_both_get_its_ticks()
    {
        var first = _kit.CreateTestProbe("first");
        var second = _kit.CreateTestProbe("second");
        first.Send(_proxy, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        var id = first.ExpectMsg<SubscriptionMessages.Subscribed>(TimeSpan.FromSeconds(10)).Id;
        second.Send(_proxy, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        Assert.Equal(id, second.ExpectMsg<SubscriptionMessages.Subscribed>(TimeSpan.FromSeconds(10)).Id);

        var tick1 = first.FishForMessage<MarketDataMessages.Tick>(t => t.Subscription == id, TimeSpan.FromSeconds(10));
        var tick2 = second.FishForMessage<MarketDataMessages.Tick>(t => t.Subscription == id, TimeSpan.FromSeconds(10));
        Assert.True(tick1.Subscription.Value > 1_000_000, "a clustered desk's ids start above its incarnation base");
        Assert.Equal(id, tick2.Subscription);
        // Both ticks came after both subscriptions, so the gateway has heard every market-data request there was: one.
        lock (_marketDataRequests) Assert.Single(_marketDataRequests);
    }
}
