using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// The cluster flags of <c>desk run</c>, <c>desk node</c> and <c>desk cluster status</c>: every bad value, and every
/// combination that cannot work with the config, is one line on stderr and exit code 2, before anything starts.
/// </summary>
public sealed class ClusterFlagTests : IDisposable
{
    private const string Seed = "akka.tcp://trading-desk@127.0.0.1:4053";

    private readonly string _dir = Directory.CreateTempSubdirectory("desk-cluster-").FullName;

    public ClusterFlagTests() => File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """
        {
          "TradingDesk": {
            "Strategies": [
              { "Name": "crossover", "Type": "MovingAverageCrossover" },
              { "Name": "maker", "Type": "MeanReversionMaker" },
              { "Name": "idle", "Type": "MeanReversionMaker", "Enabled": false }
            ]
          },
          "Serilog": { "MinimumLevel": { "Default": "Fatal" } }
        }
        """);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Stdout, string[] Stderr) Desk(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr, () => Stream.Null);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData(new[] { "run", "--cluster-port", "x" }, "desk run: --cluster-port: 'x' is not a port (expected a whole number from 0 to 65535, like 4053)")]
    [InlineData(new[] { "run", "--cluster-port", "65536" }, "desk run: --cluster-port: '65536' is not a port (expected a whole number from 0 to 65535, like 4053)")]
    [InlineData(new[] { "run", "--cluster-port", "-1" }, "desk run: --cluster-port: '-1' is not a port (expected a whole number from 0 to 65535, like 4053)")]
    [InlineData(new[] { "node", "--seed-node", Seed, "--cluster-port", "http" }, "desk node: --cluster-port: 'http' is not a port (expected a whole number from 0 to 65535, like 4053)")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--seed-node", "akka://trading-desk@h:4053" },
        "desk run: --seed-node: 'akka://trading-desk@h:4053' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the scheme must be akka.tcp, not 'akka'")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--seed-node", "akka.tcp://desk@h:4053" },
        "desk run: --seed-node: 'akka.tcp://desk@h:4053' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the actor system is trading-desk, not 'desk'")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--seed-node", "akka.tcp://h:4053" },
        "desk run: --seed-node: 'akka.tcp://h:4053' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the actor system's name is missing before '@'")]
    [InlineData(new[] { "node", "--seed-node", "akka.tcp://trading-desk@h" },
        "desk node: --seed-node: 'akka.tcp://trading-desk@h' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the port is missing (1..65535)")]
    [InlineData(new[] { "node", "--seed-node", "akka.tcp://trading-desk@h:4053/user/desk" },
        "desk node: --seed-node: 'akka.tcp://trading-desk@h:4053/user/desk' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): nothing may follow the port")]
    [InlineData(new[] { "node", "--seed-node", "desk-1:4053" },
        "desk node: --seed-node: 'desk-1:4053' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the scheme must be akka.tcp, not 'desk-1'")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--hostname", "bad host" }, "desk run: --hostname: 'bad host' is not a host name or IP address")]
    [InlineData(new[] { "node", "--seed-node", Seed, "--public-hostname", "a/b" }, "desk node: --public-hostname: 'a/b' is not a host name or IP address")]
    [InlineData(new[] { "run", "--strategies", "," }, "desk run: --strategies must name configured strategies (NAME,NAME) or be none, not ','")]
    [InlineData(new[] { "cluster", "status" }, "desk cluster status: --seed-node is required: the node to ask, like akka.tcp://trading-desk@127.0.0.1:4053")]
    [InlineData(new[] { "cluster", "status", "--seed-node", "akka.tcp://trading-desk@h" },
        "desk cluster status: --seed-node: 'akka.tcp://trading-desk@h' is not a seed node (expected akka.tcp://trading-desk@host:port, like akka.tcp://trading-desk@127.0.0.1:4053): the port is missing (1..65535)")]
    [InlineData(new[] { "cluster", "status", "--seed-node", Seed, "--timeout", "soon" }, "desk cluster status: --timeout must be a number of seconds (10) or a duration (10s, 500ms, 1m), not 'soon'")]
    [InlineData(new[] { "cluster", "status", "--seed-node", Seed, "--timeout", "0" }, "desk cluster status: --timeout must be more than 0 and at most 10m, not '0'")]
    [InlineData(new[] { "cluster", "status", "--seed-node", Seed, "--timeout", "1h" }, "desk cluster status: --timeout must be more than 0 and at most 10m, not '1h'")]
    public void A_bad_value_is_one_line_and_exit_2(string[] args, string expected)
    {
        var (code, stdout, stderr) = Desk(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(expected, Assert.Single(stderr));
    }

    [Theory]
    [InlineData(new[] { "run", "--seed-node", Seed }, "desk run: --seed-node only apply to a cluster node: add --cluster-port P (0: any free port) or set TradingDesk:Cluster:Port")]
    [InlineData(new[] { "run", "--hostname", "0.0.0.0", "--public-hostname", "desk-1" },
        "desk run: --hostname, --public-hostname only apply to a cluster node: add --cluster-port P (0: any free port) or set TradingDesk:Cluster:Port")]
    [InlineData(new[] { "run", "--strategies", "crossover,nope" }, "desk run: --strategies names 'nope', not among the strategies in config (configured: crossover, maker)")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--strategies", "idle" }, "desk run: --strategies names 'idle', not among the strategies in config (configured: crossover, maker)")]
    [InlineData(new[] { "node", "--seed-node", Seed, "--strategy", "maker", "--strategy", "nope,other" },
        "desk node: --strategy names 'nope', 'other', not among the strategies in config (configured: crossover, maker)")]
    [InlineData(new[] { "node" }, "desk node: no seed node: add --seed-node akka.tcp://trading-desk@127.0.0.1:4053 (a running desk node) or set TradingDesk:Cluster:SeedNodes")]
    [InlineData(new[] { "node", "--strategy", "maker" }, "desk node: no seed node: add --seed-node akka.tcp://trading-desk@127.0.0.1:4053 (a running desk node) or set TradingDesk:Cluster:SeedNodes")]
    [InlineData(new[] { "run", "--cluster-port", "0" },
        "desk run: --cluster-port 0 with no seed node founds a cluster no one can find: give this first node a known port (e.g. --cluster-port 4053), or --seed-node to join one")]
    [InlineData(new[] { "run", "--cluster-port", "4053", "--hostname", "0.0.0.0" },
        "desk run: --hostname 0.0.0.0 binds every interface but is no address other nodes can reach: add --public-hostname NAME (e.g. the container's service name)")]
    [InlineData(new[] { "node", "--seed-node", Seed, "--hostname", "0.0.0.0" },
        "desk node: --hostname 0.0.0.0 binds every interface but is no address other nodes can reach: add --public-hostname NAME (e.g. the container's service name)")]
    public void Flags_that_cannot_work_with_the_config_are_one_line_and_exit_2(string[] args, string expected)
    {
        var (code, stdout, stderr) = Desk([.. args, "--duration", "1", "--config", _dir]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(expected, Assert.Single(stderr));
    }

    [Fact]
    public void None_among_names_is_read_as_a_name()
    {
        // "none" alone means no strategies; in a list it is a name like the others, and no strategy is called that.
        var (code, _, stderr) = Desk("run", "--strategies", "none,nope", "--duration", "1", "--config", _dir);
        Assert.Equal(2, code);
        Assert.Contains("--strategies names 'none', 'nope'", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_new_flag_is_in_the_help()
    {
        var run = Help("run");
        foreach (var flag in new[] { "--cluster-port", "--seed-node", "--strategies", "--hostname", "--public-hostname", "--gateway", "--duration" })
            Assert.Contains(flag, run, StringComparison.Ordinal);
        var node = Help("node");
        foreach (var flag in new[] { "--seed-node", "--strategy", "--cluster-port", "--hostname", "--public-hostname", "--config", "--environment", "--duration", "--plain" })
            Assert.Contains(flag, node, StringComparison.Ordinal);
        Assert.DoesNotContain("--gateway", node, StringComparison.Ordinal); // a strategy node has no gateway of its own
        var status = Help("cluster", "status");
        foreach (var flag in new[] { "--seed-node", "--json", "--timeout" })
            Assert.Contains(flag, status, StringComparison.Ordinal);
    }

    private static string Help(params string[] verb)
    {
        var (code, stdout, _) = Desk([.. verb, "--help"]);
        Assert.Equal(0, code);
        return stdout;
    }
}
