using System.Collections.Concurrent;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>A gateway backend that only records market-data lines so the benchmark can push ticks to them.</summary>
internal sealed class BenchBackend : IGatewayBackend
{
    public ConcurrentDictionary<int, GatewaySession> Lines { get; } = new();
    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }
    public void OnClientClosed(GatewaySession session) => Lines.Clear();
    public void OnRequest(GatewaySession session, IMessage request)
    {
        if (request is MarketDataRequest r) Lines[r.ReqId] = session;
        else if (request is CancelMarketData c) Lines.TryRemove(c.ReqId, out _);
    }
}
