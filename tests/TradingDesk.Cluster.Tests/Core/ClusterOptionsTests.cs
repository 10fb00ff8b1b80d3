using Akka.Configuration;
using TradingDesk.Cluster;
using Xunit;

namespace TradingDesk.Cluster.Tests.Core;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void The_defaults_bind_loopback_and_configure_the_resolver_and_the_singleton()
    {
        var config = DeskClusterConfig.Create(new DeskClusterOptions { Port = 4053 });
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("127.0.0.1", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.tcp://trading-desk@127.0.0.1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(["desk", "strategy"], config.GetStringList("akka.cluster.roles"));
        Assert.Equal("keep-oldest", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.True(config.GetBoolean("akka.cluster.split-brain-resolver.keep-oldest.down-if-alone"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.True(config.GetBoolean("akka.cluster.run-coordinated-shutdown-when-down"));
        Assert.Equal("desk", config.GetString("akka.cluster.singleton.role"));
    }

    [Fact]
    public void A_public_hostname_is_what_others_and_a_founding_node_use()
    {
        var config = DeskClusterConfig.Create(new DeskClusterOptions { Port = 4053, Hostname = "0.0.0.0", PublicHostname = "desk-1" });
        Assert.Equal("0.0.0.0", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("desk-1", config.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal(["akka.tcp://trading-desk@desk-1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
    }

    [Theory]
    [InlineData("akka.tcp://trading-desk@127.0.0.1:4053", null)]
    [InlineData("akka.tcp://other@127.0.0.1:4053", "must look like")]
    [InlineData("akka://trading-desk@127.0.0.1:4053", "must look like")]
    [InlineData("akka.tcp://trading-desk@127.0.0.1", "host:port")]
    [InlineData("akka.tcp://trading-desk@127.0.0.1:70000", "host:port")]
    public void Seed_nodes_are_checked(string seed, string? problem)
    {
        var found = DeskClusterOptions.SeedNodeProblem(seed);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DeskClusterOptions
        {
            Port = 0, Hostname = "0.0.0.0", Roles = ["desk", "trader"], StableAfter = TimeSpan.FromMilliseconds(100),
        }.Validate());
        Assert.Contains("PublicHostname", ex.Message);
        Assert.Contains("Role 'trader' is unknown", ex.Message);
        Assert.Contains("needs a known Port", ex.Message);
        Assert.Contains("StableAfter", ex.Message);
    }

    [Fact]
    public void A_host_name_that_is_no_host_name_is_refused_before_it_reaches_the_configuration()
    {
        var ex = Assert.Throws<ArgumentException>(() => DeskClusterConfig.Create(new DeskClusterOptions { Port = 4053, PublicHostname = "a\"\nakka.actor.provider = local" }));
        Assert.Contains("PublicHostname", ex.Message);
    }
}
