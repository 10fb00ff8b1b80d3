using System.Net;
using System.Net.Sockets;
using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>A node refuses a port where something listens (on Linux a second node would bind it too, and split the cluster).</summary>
public sealed class ClusterPortProbeTests
{
    [Fact]
    public void A_port_with_a_listener_is_refused_with_the_setting_to_change()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var refused = Assert.Throws<DeskStartException>(() => ClusterPortProbe.EnsureFree(new ClusterSettings { Port = port }));
        Assert.Contains($"TradingDesk:Cluster:Port (--cluster-port) {port}: something already listens on 127.0.0.1:{port}", refused.Message, StringComparison.Ordinal);
        // Bound to every interface: the probe asks loopback.
        Assert.Throws<DeskStartException>(() => ClusterPortProbe.EnsureFree(new ClusterSettings { Port = port, Hostname = "0.0.0.0" }));
    }

    [Fact]
    public void A_port_nothing_listens_on_and_port_0_pass()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        ClusterPortProbe.EnsureFree(new ClusterSettings { Port = port });
        ClusterPortProbe.EnsureFree(new ClusterSettings { Port = 0 });
        ClusterPortProbe.EnsureFree(new ClusterSettings());
    }
}
