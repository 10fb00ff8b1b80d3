using TradingDesk.Cli.Commands;
using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>How the cluster flags combine with TradingDesk:Cluster from config: a flag given replaces the setting, nothing else changes.</summary>
public sealed class ClusterRequestTests
{
    private static readonly TradingDeskOptions Configured = new()
    {
        Strategies = [new StrategyConfig { Name = "crossover", Type = "MovingAverageCrossover" }, new StrategyConfig { Name = "maker", Type = "MeanReversionMaker" }],
    };

    private static ClusterSettings Apply(string[] args, TradingDeskOptions? options = null)
    {
        var parse = Program.Parse(args);
        Assert.Empty(parse.Errors);
        var request = ClusterRequest.From(parse);
        return request.ApplyTo(options ?? Configured).Cluster;
    }

    [Fact]
    public void Run_without_cluster_flags_leaves_the_cluster_settings_as_configured()
    {
        var cluster = Apply(["run", "--duration", "5"]);
        Assert.Null(cluster.Port);
        Assert.False(cluster.Enabled);
        Assert.Equal(["desk", "strategy"], cluster.Roles);
        Assert.Null(cluster.RunStrategies);
    }

    [Fact]
    public void A_desk_node_takes_port_seeds_and_addresses_from_the_flags()
    {
        var cluster = Apply(["run", "--cluster-port", "4054", "--seed-node", "akka.tcp://trading-desk@127.0.0.1:4053/", "--hostname", "0.0.0.0", "--public-hostname", "desk-2"]);
        Assert.Equal(4054, cluster.Port);
        Assert.Equal(["akka.tcp://trading-desk@127.0.0.1:4053"], cluster.SeedNodes); // as Akka compares addresses: no trailing slash
        Assert.Equal("0.0.0.0", cluster.Hostname);
        Assert.Equal("desk-2", cluster.PublicHostname);
        Assert.Equal(["desk", "strategy"], cluster.Roles);
        Assert.Null(cluster.RunStrategies);
    }

    [Fact]
    public void Strategies_none_makes_a_pure_desk_node_and_names_pick_the_strategies()
    {
        var none = Apply(["run", "--cluster-port", "4053", "--strategies", "none"]);
        Assert.Equal(["desk"], none.Roles);
        Assert.Equal([], none.RunStrategies!);

        var some = Apply(["run", "--cluster-port", "4053", "--strategies", "maker, crossover,maker"]);
        Assert.Equal(["desk", "strategy"], some.Roles);
        Assert.Equal(["maker", "crossover"], some.RunStrategies!);
    }

    [Fact]
    public void A_strategy_node_has_the_strategy_role_only_and_any_free_port_by_default()
    {
        var cluster = Apply(["node", "--seed-node", "akka.tcp://trading-desk@127.0.0.1:4053", "--seed-node", "akka.tcp://trading-desk@127.0.0.1:4054", "--strategy", "maker"]);
        Assert.Equal(0, cluster.Port);
        Assert.Equal(["strategy"], cluster.Roles);
        Assert.Equal(["akka.tcp://trading-desk@127.0.0.1:4053", "akka.tcp://trading-desk@127.0.0.1:4054"], cluster.SeedNodes);
        Assert.Equal(["maker"], cluster.RunStrategies!);
        Assert.Null(Apply(["node", "--seed-node", "akka.tcp://trading-desk@127.0.0.1:4053"]).RunStrategies); // all configured
    }

    [Fact]
    public void Seed_nodes_and_the_port_from_config_are_kept_when_the_flags_do_not_say()
    {
        var configured = Configured with { Cluster = new ClusterSettings { Port = 4060, SeedNodes = ["akka.tcp://trading-desk@10.0.0.1:4053"], PublicHostname = "me" } };
        var cluster = Apply(["run", "--seed-node", "akka.tcp://trading-desk@10.0.0.2:4053"], configured);
        Assert.Equal(4060, cluster.Port); // config's port makes --seed-node valid without --cluster-port
        Assert.Equal(["akka.tcp://trading-desk@10.0.0.2:4053"], cluster.SeedNodes);
        Assert.Equal("me", cluster.PublicHostname);

        var node = Apply(["node"], configured);
        Assert.Equal(["akka.tcp://trading-desk@10.0.0.1:4053"], node.SeedNodes); // a node may take its seeds from config
    }
}
