using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Cluster;
using TradingDesk.Desk;

namespace TradingDesk.Cluster.Tests.InProcess;

/// <summary>Cluster nodes as actor systems in this test process, each on its own loopback port.</summary>
internal static class ClusterNodes
{
    /// <summary>A loopback port free a moment ago (a founding node needs its port before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string SeedOf(int port) => $"akka.tcp://{DeskClusterOptions.SystemName}@127.0.0.1:{port}";

    /// <summary>Starts a node and returns once it is Up in the cluster.</summary>
    public static async Task<ActorSystem> StartAsync(int port, IReadOnlyList<string> roles, IReadOnlyList<string> seeds, string extraHocon = "")
    {
        var config = ConfigurationFactory.ParseString(extraHocon)
            .WithFallback(DeskClusterConfig.Create(new DeskClusterOptions { Port = port, Roles = roles, SeedNodes = seeds }))
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = INFO\nakka.coordinated-shutdown.run-by-clr-shutdown-hook = off\nakka.actor.serialize-messages = on"));
        var system = ActorSystem.Create(DeskClusterOptions.SystemName, config);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return system;
    }

    /// <summary>A desk node: the singleton manager, the proxy and the link. Returns the proxy.</summary>
    public static IActorRef StartDeskNode(ActorSystem system, DeskOptions options)
    {
        DeskClusterNode.StartDesk(system, options);
        return StartStrategyNode(system);
    }

    /// <summary>A strategy node's proxy and link. Returns the proxy.</summary>
    public static IActorRef StartStrategyNode(ActorSystem system)
    {
        var proxy = DeskClusterNode.StartProxy(system);
        DeskClusterNode.StartLink(system, proxy);
        return proxy;
    }
}
