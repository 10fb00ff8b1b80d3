using System.Collections.Concurrent;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// A gateway backend that only notes each market-data line by its symbol, so a benchmark can push ticks to it. The
/// benchmark awaits <see cref="Line"/> rather than polling for the request to arrive.
/// </summary>
internal sealed class LineBackend : IGatewayBackend
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(int ReqId, GatewaySession Session)>> _lines = new();

    /// <summary>Completes when the desk has asked the gateway for <paramref name="symbol"/>'s market data.</summary>
    public Task<(int ReqId, GatewaySession Session)> Line(string symbol) => Entry(symbol).Task;

    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }
    public void OnClientClosed(GatewaySession session) { }

    public void OnRequest(GatewaySession session, IMessage request)
    {
        if (request is MarketDataRequest r) Entry(r.Contract.Symbol).TrySetResult((r.ReqId, session));
    }

    private TaskCompletionSource<(int, GatewaySession)> Entry(string symbol) =>
        _lines.GetOrAdd(symbol, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
