using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Xunit;
using static TradingDesk.Cluster.Messages.ClusterStatusMessages;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk cluster status</c> against a node that answers (a stand-in on a real remote port) and against none.</summary>
public sealed class ClusterStatusTests
{
    private static (int Code, string Stdout, string[] Stderr) Desk(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr, () => Stream.Null);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void No_node_listening_is_one_line_on_stderr_and_exit_2_soon_after_the_timeout()
    {
        var address = $"akka.tcp://trading-desk@127.0.0.1:{FreePort()}";
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = Desk("cluster", "status", "--seed-node", address, "--timeout", "1s");
        clock.Stop();

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr);
        Assert.StartsWith($"desk cluster status: no answer from {address} within 1s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}"); // the ask's timeout, then a bounded stop
    }

    // Arrays, not collection expressions: a collection expression typed IReadOnlyList is a compiler-made type that Akka's
    // default (JSON) serializer cannot rebuild, and this stand-in sends with the default serializer.
    private static readonly ClusterStatus Answer = new(
        "akka.tcp://trading-desk@127.0.0.1:4053",
        new[]
        {
            new MemberInfo("akka.tcp://trading-desk@127.0.0.1:4053", new[] { "desk" }, "Up", true),
            new MemberInfo("akka.tcp://trading-desk@127.0.0.1:4055", new[] { "strategy" }, "Up", false),
        },
        "akka.tcp://trading-desk@127.0.0.1:4053",
        "Connected (server version 176)",
        new[] { new StrategyPlacement("maker", "akka.tcp://trading-desk@127.0.0.1:4055", "akka.tcp://trading-desk@127.0.0.1:4055/user/strategies/maker") });

    [Fact]
    public async Task A_nodes_answer_is_printed_as_lines_and_with_json_as_one_document()
    {
        // A stand-in for a cluster node: a remote actor system named like the cluster's, answering at /user/cluster-status.
        using var node = ActorSystem.Create("trading-desk", ConfigurationFactory.ParseString("""
            akka.loglevel = OFF
            akka.stdout-loglevel = OFF
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            """).WithFallback(TradingDesk.Cluster.Serialization.DeskSerialization.Config)); // as real nodes answer
        node.ActorOf(Props.Create(() => new StatusStandIn(Answer)), "cluster-status");
        var address = ((ExtendedActorSystem)node).Provider.DefaultAddress.ToString();

        var (code, stdout, stderr) = Desk("cluster", "status", "--seed-node", address);
        Assert.True(code == 0, string.Join("\n", stderr));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("cluster as seen by akka.tcp://trading-desk@127.0.0.1:4053", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("akka.tcp://trading-desk@127.0.0.1:4055", StringComparison.Ordinal) && l.Contains("UNREACHABLE", StringComparison.Ordinal)
            && l.Contains("roles strategy", StringComparison.Ordinal));
        Assert.Contains("desk: akka.tcp://trading-desk@127.0.0.1:4053", lines);
        Assert.Contains("gateway: Connected (server version 176)", lines);
        Assert.Contains("maker on akka.tcp://trading-desk@127.0.0.1:4055", lines);

        (code, stdout, stderr) = Desk("cluster", "status", "--seed-node", address, "--json");
        Assert.True(code == 0, string.Join("\n", stderr));
        using var json = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = json.RootElement;
        Assert.Equal("akka.tcp://trading-desk@127.0.0.1:4053", root.GetProperty("deskNode").GetString());
        Assert.Equal(2, root.GetProperty("members").GetArrayLength());
        Assert.False(root.GetProperty("members")[1].GetProperty("reachable").GetBoolean());
        Assert.Equal("strategy", root.GetProperty("members")[1].GetProperty("roles")[0].GetString());
        Assert.Equal("maker", root.GetProperty("strategies")[0].GetProperty("strategy").GetString());
        Assert.Equal("Connected (server version 176)", root.GetProperty("gateway").GetString());
        await node.Terminate();
    }

    private sealed class StatusStandIn : ReceiveActor
    {
        public StatusStandIn(ClusterStatus answer) => Receive<GetClusterStatus>(_ => Sender.Tell(answer));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
