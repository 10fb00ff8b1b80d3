using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Grpc.Access;

/// <summary>
/// Logs each refused call once per client address and reason: a client retrying in a loop (or a scan) writes one line,
/// not one per call. The memory is capped; past the cap one more line says so and further refusals go unlogged.
/// </summary>
internal sealed class RejectionLog(ILogger logger)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<(string Peer, string Reason), byte> _seen = new();
    private int _full;

    public void Refused(string peer, string reason, string method)
    {
        peer = Address(peer);
        if (_seen.Count >= Capacity)
        {
            if (Interlocked.Exchange(ref _full, 1) == 0)
                logger.LogWarning("gRPC: {Count} distinct refusals logged; further ones are not", Capacity);
            return;
        }
        if (_seen.TryAdd((peer, reason), 0))
            logger.LogWarning("gRPC call refused from {Peer}: {Reason} ({Method}); further refusals from this address for this reason are not logged", peer, reason, method);
    }

    // gRPC's peer is "ipv4:127.0.0.1:50312": the port changes with every connection, the address is the client.
    private static string Address(string peer)
    {
        var colon = peer.LastIndexOf(':');
        return colon > peer.IndexOf(':') ? peer[..colon] : peer;
    }
}
