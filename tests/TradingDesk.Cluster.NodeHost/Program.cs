using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Cluster;
using TradingDesk.Cluster.NodeHost;
using TradingDesk.Desk;

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
    .WithFallback(host.SqlitePath is { } journal ? ConfigurationFactory.ParseString(SqliteJournal(journal)) : Config.Empty)
    .WithFallback(DeskClusterConfig.Create(clusterOptions));
var system = ActorSystem.Create(DeskClusterOptions.SystemName, config);
var cluster = Akka.Cluster.Cluster.Get(system);

var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
cluster.RegisterOnMemberUp(() => up.TrySetResult());
await up.Task;

system.ActorOf(NodeEvents.Props(), "node-events");
if (clusterOptions.IsDeskNode)
{
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
foreach (var spec in host.Strategies) system.ActorOf(ProbeStrategy.Props(proxy, spec), spec.Id);
EventLine.Write("ready", ("node", cluster.SelfAddress.ToString()), ("pid", Environment.ProcessId), ("roles", host.Roles));

// The test that started this node holds its stdin: when that process ends, however it ends, stdin closes and the node
// leaves instead of lingering on its port.
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is not null)
    {
    }
    await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
});

await system.WhenTerminated;
EventLine.Write("stopped", ("node", cluster.SelfAddress.ToString()));
return 0;

// The desk's order journal on an SQLite file through Akka.Persistence.Sql, with the desk's serializer, as a desk started
// by the hosting layer journals; desk nodes on one file take turns through SQLite's own file locking (only the
// active desk writes).
static string SqliteJournal(string path) =>
    TradingDesk.Testing.Journal.SqlJournalHocon.For($"Data Source={path}") + TradingDesk.Desk.Orders.Journal.OrderJournalSerializer.Hocon;
