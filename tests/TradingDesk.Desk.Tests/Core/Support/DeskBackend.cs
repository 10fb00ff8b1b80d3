using System.Collections.Concurrent;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Desk.Tests.Core.Support;

/// <summary>
/// A small gateway backend for the desk's integration tests (the full paper market is built elsewhere): answers
/// contract details for any stock symbol (symbol "NOPE" → error 200), positions, account summary; records
/// market-data requests so a test can push ticks; never answers reqHeadTimestamp (for timeout tests).
/// Runs on the gateway's serial loop; the counters are read from the test thread, and <see cref="WaitFor"/> blocks
/// the test thread until a condition holds, checked again on every request and every closed session (no polling).
/// </summary>
public sealed class DeskBackend : IGatewayBackend
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly object _gate = new();
    private readonly List<(Func<DeskBackend, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    /// <summary>Live market-data request ids → the session that asked (ticks are pushed to these).</summary>
    public ConcurrentDictionary<int, GatewaySession> MarketData { get; } = new();

    /// <summary>
    /// Lines open on connections that are still open. <see cref="MarketData"/> forgets a closed connection's lines only
    /// when the server's loop tells the backend of the close, which a busy machine may do after the desk's next
    /// connection has already asked for lines again.
    /// </summary>
    public int LiveLines => MarketData.Count(line => !line.Value.IsClosed);

    public ConcurrentQueue<IMessage> Received { get; } = new();

    public int Count<T>() where T : IMessage => _counts.GetValueOrDefault(typeof(T).Name);

    public override string ToString() =>
        $"backend: live lines [{string.Join(", ", MarketData.Keys)}], received [{string.Join(", ", Received.Select(r => r.Descriptor.Name + (r is MarketDataRequest m ? $"({m.ReqId})" : r is CancelMarketData c ? $"({c.ReqId})" : "")))}]";

    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }

    public void OnClientClosed(GatewaySession session)
    {
        foreach (var (id, s) in MarketData) if (s == session) MarketData.TryRemove(id, out _);
        Changed();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds (at once if it does). The backend checks it after each change it
    /// sees; fails with what it saw when <paramref name="timeout"/> (default 10 s) passes first.
    /// </summary>
    public void WaitFor(Func<DeskBackend, bool> condition, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this)) return;
            _waiters.Add((condition, done));
        }
        var wait = timeout ?? TimeSpan.FromSeconds(10);
        if (!done.Task.Wait(wait))
            throw new Xunit.Sdk.XunitException($"backend: not {what} within {wait.TotalSeconds:0.#} s; {this}");
    }

    private void Changed()
    {
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Condition(this)) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    public void OnRequest(GatewaySession session, IMessage request)
    {
        _counts.AddOrUpdate(request.Descriptor.Name, 1, (_, n) => n + 1);
        Received.Enqueue(request);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        switch (request)
        {
            case ContractDataRequest r when r.Contract.Symbol == "NOPE":
                session.Send(new ErrorMessage { Id = r.ReqId, ErrorTime = now, ErrorCode = 200, ErrorMsg = "No security definition has been found for the request" });
                break;
            case ContractDataRequest r when r.Contract.SecType == "FUT":
                // Three expiries: one expired, two ahead (the nearer one is the front month).
                foreach (var days in new[] { -400, 120, 30 })
                {
                    var expiry = DateTime.UtcNow.AddDays(days).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
                    var future = r.Contract.Clone();
                    future.LastTradeDateOrContractMonth = expiry;
                    future.ConId = 500_000 + days + 1000;
                    session.Send(new ContractData { ReqId = r.ReqId, Contract = future, ContractDetails = new ContractDetails { LongName = "E-mini", RealExpirationDate = expiry, ContractMonth = expiry[..6] } });
                }
                session.Send(new ContractDataEnd { ReqId = r.ReqId });
                break;
            case MarketDataRequest r when r.Snapshot:
                session.Send(new TickPrice { ReqId = r.ReqId, TickType = 1, Price = 10.5, Size = "3" });
                session.Send(new TickPrice { ReqId = r.ReqId, TickType = 2, Price = 10.75, Size = "4" });
                session.Send(new TickSnapshotEnd { ReqId = r.ReqId });
                break;
            case ContractDataRequest r:
                var contract = r.Contract.Clone();
                contract.ConId = Math.Abs(r.Contract.Symbol.GetHashCode(StringComparison.Ordinal) % 1_000_000) + 1;
                session.Send(new ContractData { ReqId = r.ReqId, Contract = contract, ContractDetails = new ContractDetails { LongName = r.Contract.Symbol + " INC", MinTick = "0.01", TimeZoneId = "US/Eastern" } });
                session.Send(new ContractDataEnd { ReqId = r.ReqId });
                break;
            case MarketDataRequest r:
                MarketData[r.ReqId] = session;
                break;
            case CancelMarketData c:
                MarketData.TryRemove(c.ReqId, out _);
                break;
            case PositionsRequest:
                session.Send(new Position { Account = "DU111111", Contract = new Contract { ConId = 265598, Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" }, Position_ = "100", AvgCost = 150.25 });
                session.Send(new Position { Account = "DU111111", Contract = new Contract { ConId = 272093, Symbol = "MSFT", SecType = "STK", Exchange = "SMART", Currency = "USD" }, Position_ = "-20", AvgCost = 400.5 });
                session.Send(new PositionEnd());
                break;
            case AccountSummaryRequest r:
                session.Send(new AccountSummary { ReqId = r.ReqId, Account = "DU111111", Tag = "NetLiquidation", Value = "1000000.00", Currency = "USD" });
                session.Send(new AccountSummaryEnd { ReqId = r.ReqId });
                break;
        }
        Changed();
    }

    /// <summary>Sends an error for one live market-data line.</summary>
    public void SendError(int requestId, int code, string text)
    {
        if (MarketData.TryGetValue(requestId, out var session))
            session.Send(new ErrorMessage { Id = requestId, ErrorTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ErrorCode = code, ErrorMsg = text });
    }

    /// <summary>Pushes one bid tick to every live market-data line of an open connection (from any thread: Send only queues).</summary>
    public int PushTick(double price)
    {
        var pushed = 0;
        foreach (var (id, session) in MarketData.Where(line => !line.Value.IsClosed))
        {
            session.Send(new TickPrice { ReqId = id, TickType = 1, Price = price, Size = "100", AttrMask = 0 });
            pushed++;
        }
        return pushed;
    }
}
