using System.Net;
using System.Net.Sockets;

namespace TradingDesk.Hosting;

/// <summary>
/// Refuses to start a cluster node on an address where something already listens. On Linux .NET binds with
/// SO_REUSEPORT as well as SO_REUSEADDR (Akka.Remote asks for address reuse so that a node restarted at once can bind
/// its port while the old connections linger in TIME_WAIT), so a second node on the same port binds without an error,
/// founds a cluster of its own, and the kernel shares incoming connections between the two. A connection attempt tells
/// the two cases apart: a live listener accepts, lingering connections of a dead one do not.
/// </summary>
public static class ClusterPortProbe
{
    /// <summary>Throws <see cref="DeskStartException"/> when a listener answers on the node's port (port 0 picks a free one: nothing to check).</summary>
    public static void EnsureFree(ClusterSettings cluster)
    {
        if (cluster.Port is not ({ } port and > 0)) return;
        var host = cluster.Hostname is "0.0.0.0" or "::" or "*" ? "127.0.0.1" : cluster.Hostname;
        if (!Answers(host, port)) return;
        throw new DeskStartException(
            $"TradingDesk:Cluster:Port (--cluster-port) {port}: something already listens on {host}:{port}, another node perhaps. " +
            "A second node there would found a cluster of its own beside it: stop that one or choose another port (0 picks a free one)");
    }

    private static bool Answers(string host, int port)
    {
        using var client = new TcpClient();
        try
        {
            // Startup validation, before the actor system exists. Synchronous on purpose: the host is an address of this
            // machine (the node binds it), which accepts or refuses at once, and an asynchronous attempt's completion can
            // wait for a busy thread pool and pass the port as free.
            client.Connect(host, port);
            return true;
        }
        catch (SocketException)
        {
            return false; // refused, or a name that does not resolve: nothing of ours listens there
        }
    }
}
