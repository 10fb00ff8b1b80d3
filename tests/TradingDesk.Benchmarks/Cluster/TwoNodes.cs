using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Benchmarks.Desk;
using TradingDesk.Cluster;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Simulator.Server;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// A desk node and a strategy node as two actor systems in this process, joined into one cluster over Akka.Remote's
/// TCP transport on loopback, configured exactly as the product configures them (<see cref="DeskClusterConfig"/>,
/// <see cref="DeskClusterNode"/>), with the desk connected to a simulated gateway. One process keeps one stopwatch for
/// both ends of every latency; the bytes still go through the serializer and a real socket between the nodes.
/// </summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private const string Quiet = """
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    private TwoNodes(GatewayServer server, LineBackend backend, ActorSystem desk, ActorSystem strategy, IActorRef deskProxy, IActorRef strategyProxy) =>
        (Server, Backend, DeskNode, StrategyNode, DeskProxy, StrategyProxy) = (server, backend, desk, strategy, deskProxy, strategyProxy);

    public GatewayServer Server { get; }
    public LineBackend Backend { get; }
    public ActorSystem DeskNode { get; }
    public ActorSystem StrategyNode { get; }
    public IActorRef DeskProxy { get; }
    public IActorRef StrategyProxy { get; }

    public static async Task<TwoNodes> StartAsync()
    {
        var backend = new LineBackend();
        var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        var seedPort = FreePort();
        var desk = await NodeAsync(new DeskClusterOptions { Port = seedPort, Roles = [DeskRoles.Desk] });
        var deskConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Connected.Latch(desk, deskConnected);
        DeskClusterNode.StartDesk(desk, new DeskOptions { Port = server.Port, PacerStatusInterval = TimeSpan.Zero });
        var deskProxy = DeskClusterNode.StartProxy(desk);
        DeskClusterNode.StartLink(desk, deskProxy);

        var strategy = await NodeAsync(new DeskClusterOptions
        {
            Roles = [DeskRoles.Strategy],
            SeedNodes = [$"akka.tcp://{DeskClusterOptions.SystemName}@127.0.0.1:{seedPort}"],
        });
        // The link republishes the desk's connection state on its node: Connected here means the desk elsewhere is
        // connected and this node's link is registered with it.
        var linked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Connected.Latch(strategy, linked);
        var strategyProxy = DeskClusterNode.StartProxy(strategy);
        DeskClusterNode.StartLink(strategy, strategyProxy);
        await Task.WhenAll(deskConnected.Task, linked.Task).WaitAsync(TimeSpan.FromSeconds(60));
        return new TwoNodes(server, backend, desk, strategy, deskProxy, strategyProxy);
    }

    /// <summary>
    /// Subscribes <paramref name="probes"/> probes on <paramref name="node"/> (through its proxy, as strategies do) to one
    /// line and returns them with the line's request id and session at the gateway, once every probe is subscribed.
    /// </summary>
    public async Task<(IActorRef[] Probes, int ReqId, GatewaySession Session)> LineAsync(ActorSystem node, string symbol, int probes)
    {
        var proxy = node == DeskNode ? DeskProxy : StrategyProxy;
        var refs = new IActorRef[probes];
        var subscribed = new Task[probes];
        for (var i = 0; i < probes; i++)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            refs[i] = node.ActorOf(TickProbe.Props(done), $"probe-{symbol}-{i}");
            subscribed[i] = done.Task;
            proxy.Tell(new SubscribeMarketData(Contract.Stock(symbol)), refs[i]);
        }
        await Task.WhenAll(subscribed).WaitAsync(TimeSpan.FromSeconds(30));
        var (reqId, session) = await Backend.Line(symbol).WaitAsync(TimeSpan.FromSeconds(30));
        return (refs, reqId, session);
    }

    /// <summary>The desk node's reference to an actor of the strategy node: every Tell through it crosses the wire.</summary>
    public Task<IActorRef> RemoteFromDeskAsync(IActorRef local) =>
        DeskNode.ActorSelection(local.Path.ToStringWithAddress(Akka.Cluster.Cluster.Get(StrategyNode).SelfAddress))
            .ResolveOne(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        // The strategy node first: the desk then sees it leave instead of losing the association mid-stream.
        await StrategyNode.Terminate();
        await DeskNode.Terminate();
        await Server.DisposeAsync();
    }

    private static async Task<ActorSystem> NodeAsync(DeskClusterOptions options)
    {
        var config = DeskClusterConfig.Create(options).WithFallback(ConfigurationFactory.ParseString(Quiet));
        var system = ActorSystem.Create(DeskClusterOptions.SystemName, config);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return system;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
