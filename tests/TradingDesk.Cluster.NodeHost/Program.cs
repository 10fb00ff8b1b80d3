using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Cluster;
using TradingDesk.Cluster.NodeHost;
using TradingDesk.Desk;
using TradingDesk.Hosting;

HostArgs host;
try
{
    host = HostArgs.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var clusterOptions = new DeskClusterOptions { Port = host.Port, Roles = host.Roles, SeedNodes = host.Seeds };
// Every message between actors is serialized even inside one process, so a desk message without a protobuf binding
// fails here as it would between nodes. Akka verifies its own local messages too, and some of them do not survive its
// JSON serializer (the cluster's ReachabilityChanged to the split-brain resolver fails and restarts the resolver): off
// measures the node as it runs in production.
var config = ConfigurationFactory.ParseString($"""
        akka.actor.serialize-messages = {(host.SerializeMessages ? "on" : "off")}
        akka.loglevel = INFO
        """)
    .WithFallback(host.Journal is { } journal ? ConfigurationFactory.ParseString(SqlJournal(journal)) : Config.Empty)
    .WithFallback(DeskClusterConfig.Create(clusterOptions));
// An SQLite journal commits as the product's does by default (synchronous=NORMAL on each of its connections: what the
// kill -9 tests check survives a crash).
var setup = BootstrapSetup.Create().WithConfig(config);
var system = host.Journal is SqliteStore sqlite
    ? ActorSystem.Create(DeskClusterOptions.SystemName, setup.And(SqliteSynchronousInterceptor.Setup(sqlite, SqliteSynchronous.Normal)))
    : ActorSystem.Create(DeskClusterOptions.SystemName, setup);
var cluster = Akka.Cluster.Cluster.Get(system);

var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
cluster.RegisterOnMemberUp(() => up.TrySetResult());
await up.Task;

system.ActorOf(NodeEvents.Props(), "node-events");
if (clusterOptions.IsDeskNode)
{
    if (host.DieBeforeSend > 0) DieBeforeSend(host.DieBeforeSend);
    DeskClusterNode.StartDesk(system, new DeskOptions
    {
        Host = host.GatewayHost,
        Port = host.GatewayPort,
        ClientId = host.ClientId,
        PacerStatusInterval = TimeSpan.Zero,
    });
}
var proxy = DeskClusterNode.StartProxy(system);
DeskClusterNode.StartLink(system, proxy);
var probes = host.Strategies.Select(spec => system.ActorOf(ProbeStrategy.Props(proxy, spec), spec.Id)).ToList();
EventLine.Write("ready", ("node", cluster.SelfAddress.ToString()), ("pid", Environment.ProcessId), ("roles", host.Roles));

// The test that started this node holds its stdin: when that process ends, however it ends, stdin closes and the node
// leaves instead of lingering on its port. A line "stop-trading" tells the probes to place no more orders.
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is { } line)
    {
        if (line.Trim() == "stop-trading") probes.ForEach(p => p.Tell(ProbeStrategy.StopTrading.Instance));
    }
    await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
});

await system.WhenTerminated;
EventLine.Write("stopped", ("node", cluster.SelfAddress.ToString()));
return 0;

// The desk's order journal through Akka.Persistence.Sql, with the desk's serializer, as a desk started by the hosting
// layer journals; desk nodes on one SQLite file take turns through SQLite's own file locking (only the active desk
// writes).
static string SqlJournal(StoreLocation store) =>
    TradingDesk.Testing.Journal.SqlJournalHocon.For(store.ConnectionString, store.ProviderName) + TradingDesk.Desk.Orders.Journal.OrderJournalSerializer.Hocon;

// The kill -9 tests' crash between the journal and the socket: the Nth new order is journaled, its placeOrder not yet
// handed to the pacer. The line says which order died unsent; SIGKILL (what Process.Kill sends) leaves no chance to
// flush or close anything, as a crash would.
static void DieBeforeSend(int nth)
{
    var seen = 0;
    TradingDesk.Desk.Orders.OrderManagerActor.BeforeSend = id =>
    {
        if (Interlocked.Increment(ref seen) != nth) return;
        EventLine.Write("dying", ("orderId", id.Value));
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    };
}
