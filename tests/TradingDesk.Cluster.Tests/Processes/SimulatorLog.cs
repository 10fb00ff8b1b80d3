using Google.Protobuf;
using TradingDesk.Simulator;
using Tws = IBApi.protobuf;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>One request the simulated gateway handled: from which connection (and client id), and when.</summary>
internal sealed record GatewayRequest(int Index, int Connection, int? ClientId, IMessage Message);

/// <summary>
/// Every request the shared simulator handled from started clients, in order (from its RequestHandled event, raised
/// on its loop): what the tests count reqMktData, cancelMktData and placeOrder by. A test waits for a request as it
/// waits for a node's line.
/// </summary>
internal sealed class SimulatorLog
{
    private readonly List<GatewayRequest> _requests = [];
    private readonly List<(Func<GatewayRequest, bool> Match, TaskCompletionSource<GatewayRequest> Done)> _waiters = [];

    public SimulatorLog(GatewaySimulator simulator)
    {
        simulator.Server.RequestHandled += (session, message) =>
        {
            lock (_requests)
            {
                var request = new GatewayRequest(_requests.Count, session.ConnectionId, session.ClientId, message);
                _requests.Add(request);
                foreach (var waiter in _waiters.Where(w => w.Match(request)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(request);
                }
            }
        };
    }

    public IReadOnlyList<GatewayRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public int Mark
    {
        get { lock (_requests) return _requests.Count; }
    }

    public async Task<GatewayRequest> WaitFor(Func<GatewayRequest, bool> match, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<GatewayRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_requests)
        {
            var seen = _requests.FirstOrDefault(match);
            if (seen is not null) return seen;
            _waiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the simulator saw no {what} within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>reqMktData requests for a symbol's line.</summary>
    public IReadOnlyList<Tws.MarketDataRequest> MarketDataRequests(string symbol) =>
        [.. Requests.Select(r => r.Message).OfType<Tws.MarketDataRequest>().Where(m => m.Contract?.Symbol == symbol)];

    /// <summary>cancelMktData requests for a request id.</summary>
    public int Cancels(int reqId) => Requests.Select(r => r.Message).OfType<Tws.CancelMarketData>().Count(c => c.ReqId == reqId);

    public static bool IsCancel(GatewayRequest r, int reqId) => r.Message is Tws.CancelMarketData c && c.ReqId == reqId;
}
