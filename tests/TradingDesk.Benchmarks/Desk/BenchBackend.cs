using System.Collections.Concurrent;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// A gateway backend that records market-data lines so the benchmark can push ticks to them, and answers the order
/// queries of a desk's first connect (open orders, completed orders, executions) with empty lists: until they are
/// answered the desk holds new orders back.
/// </summary>
internal sealed class BenchBackend : IGatewayBackend
{
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Done)> _lineWaiters = new();

    public ConcurrentDictionary<int, GatewaySession> Lines { get; } = new();

    /// <summary>Completes once the gateway holds at least <paramref name="count"/> market-data lines (at once if it does).</summary>
    public Task WaitForLinesAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lineWaiters.Enqueue((count, done));
        // A line noted between the enqueue and here completes it too: the check after the enqueue misses nothing.
        if (Lines.Count >= count) done.TrySetResult();
        return done.Task;
    }

    /// <summary>Called on the gateway's serial loop with every placeOrder it decodes (order latency benchmarks).</summary>
    public Action<PlaceOrderRequest>? OrderPlaced { get; set; }
    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }
    public void OnClientClosed(GatewaySession session) => Lines.Clear();
    public void OnRequest(GatewaySession session, IMessage request)
    {
        if (request is PlaceOrderRequest order) OrderPlaced?.Invoke(order);
        else if (request is MarketDataRequest r) NoteLine(r.ReqId, session);
        else if (request is CancelMarketData c) Lines.TryRemove(c.ReqId, out _);
        else if (request is OpenOrdersRequest or AllOpenOrdersRequest or AutoOpenOrdersRequest) session.Send(new OpenOrdersEnd());
        else if (request is CompletedOrdersRequest) session.Send(new CompletedOrdersEnd());
        else if (request is ExecutionRequest e) session.Send(new ExecutionDetailsEnd { ReqId = e.ReqId });
    }

    private void NoteLine(int id, GatewaySession session)
    {
        Lines[id] = session;
        foreach (var (count, done) in _lineWaiters) if (Lines.Count >= count) done.TrySetResult();
    }
}
