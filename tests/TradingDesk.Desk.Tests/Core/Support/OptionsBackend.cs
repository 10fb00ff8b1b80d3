using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Desk.Tests.Core.Support;

/// <summary>
/// A gateway backend that answers the option and scanner requests in fixed, known ways, so the desk's tests can
/// check every field: stock contract details (conId from the symbol), option contract details for one expiration
/// (three strikes 95/100/105, both rights unless one is asked), reqSecDefOptParams (SMART: four expirations, strikes
/// 90 to 110 step 5; CBOE: the same under trading class "XYZ"), the calculators (an option price of 999 is never
/// answered), exercise (more than 10 contracts: error 321; otherwise silence, as IB), scanner parameters and
/// scanners (scan code NO_SUCH_SCAN: error 162), and option computations (tick 13, with sentinels) on option lines.
/// Every request's arrival time is kept for pacing checks; <see cref="WaitFor"/> blocks until a condition holds,
/// checked on every request (no polling).
/// </summary>
public sealed class OptionsBackend : IGatewayBackend
{
    public static readonly string[] Expirations = ["20270115", "20270219", "20270319", "20270416"];
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly object _gate = new();
    private readonly List<(Func<OptionsBackend, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public ConcurrentQueue<(DateTimeOffset At, IMessage Request)> Received { get; } = new();
    public ConcurrentDictionary<int, GatewaySession> Scanners { get; } = new();

    public int Count<T>() where T : IMessage => _counts.GetValueOrDefault(typeof(T).Name);

    /// <summary>An expiration whose option contract details are never answered (null: every one is), for deadline tests.</summary>
    public string? SilentExpiry { get; init; }

    public int NextValidOrderId(int clientId) => 1;
    public void OnClientStarted(GatewaySession session) { }
    public void OnClientClosed(GatewaySession session) => Changed();

    public void WaitFor(Func<OptionsBackend, bool> condition, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this)) return;
            _waiters.Add((condition, done));
        }
        var wait = timeout ?? TimeSpan.FromSeconds(10);
        if (!done.Task.Wait(wait))
            throw new Xunit.Sdk.XunitException($"options backend: not {what} within {wait.TotalSeconds:0.#} s; received [{string.Join(", ", _counts.Select(c => $"{c.Key}×{c.Value}"))}]");
    }

    private void Changed()
    {
        lock (_gate)
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Condition(this)) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
    }

    public void OnRequest(GatewaySession session, IMessage request)
    {
        Received.Enqueue((DateTimeOffset.UtcNow, request));
        _counts.AddOrUpdate(request.Descriptor.Name, 1, (_, n) => n + 1);
        switch (request)
        {
            case ContractDataRequest r when r.Contract.SecType == "OPT" && r.Contract.LastTradeDateOrContractMonth == SilentExpiry: break;
            case ContractDataRequest r when r.Contract.SecType == "OPT": SendOptions(session, r); break;
            case ContractDataRequest r:
                var stock = r.Contract.Clone();
                stock.ConId = ConIdOf(r.Contract.Symbol);
                session.Send(new ContractData { ReqId = r.ReqId, Contract = stock, ContractDetails = new ContractDetails { LongName = r.Contract.Symbol } });
                session.Send(new ContractDataEnd { ReqId = r.ReqId });
                break;
            case SecDefOptParamsRequest r:
                double[] strikes = [110, 90, 95, 100, 105];
                foreach (var (exchange, tradingClass) in new[] { ("SMART", r.UnderlyingSymbol), ("CBOE", "XYZ") })
                    session.Send(new SecDefOptParameter
                    {
                        ReqId = r.ReqId, Exchange = exchange, UnderlyingConId = r.UnderlyingConId, TradingClass = tradingClass, Multiplier = "100",
                        Expirations = { Expirations.Reverse() }, Strikes = { strikes },
                    });
                session.Send(new SecDefOptParameterEnd { ReqId = r.ReqId });
                break;
            case CalculateImpliedVolatilityRequest r when r.OptionPrice != 999:
                session.Send(new TickOptionComputation { ReqId = r.ReqId, TickType = 53, TickAttrib = 1, ImpliedVol = 0.25, Delta = 0.5, OptPrice = r.OptionPrice, PvDividend = 0, Gamma = 0.02, Vega = 0.1, Theta = -0.05, UndPrice = r.UnderPrice });
                break;
            case CalculateOptionPriceRequest r:
                // Not computed: -1 for the price, -2 for the greeks, as TWS sends them.
                session.Send(new TickOptionComputation { ReqId = r.ReqId, TickType = 53, ImpliedVol = r.Volatility, Delta = -2, OptPrice = 4.25, PvDividend = -1, Gamma = -2, Vega = -2, Theta = -2, UndPrice = r.UnderPrice });
                break;
            case ExerciseOptionsRequest r when r.ExerciseQuantity > 10:
                session.Send(new ErrorMessage { Id = r.OrderId, ErrorTime = Now(), ErrorCode = 321, ErrorMsg = "Error validating request.-'bO' : cause - the account holds fewer contracts" });
                break;
            case ScannerParametersRequest:
                session.Send(new ScannerParameters { Xml = "<ScanParameterResponse><ScanTypeList><ScanType><scanCode>TOP_PERC_GAIN</scanCode></ScanType></ScanTypeList></ScanParameterResponse>" });
                break;
            case ScannerSubscriptionRequest r when r.ScannerSubscription.ScanCode == "NO_SUCH_SCAN":
                session.Send(new ErrorMessage { Id = r.ReqId, ErrorTime = Now(), ErrorCode = 162, ErrorMsg = "Historical Market Data Service error message:Scanner type with code NO_SUCH_SCAN is not supported" });
                break;
            // As a gateway whose scanner slots another connection holds refuses any scan.
            case ScannerSubscriptionRequest r when r.ScannerSubscription.ScanCode == "SLOTS_TAKEN":
                session.Send(new ErrorMessage { Id = r.ReqId, ErrorTime = Now(), ErrorCode = 162, ErrorMsg = "Historical Market Data Service error message:Only 10 simultaneous API scanner subscriptions are allowed." });
                break;
            case ScannerSubscriptionRequest r:
                Scanners[r.ReqId] = session;
                session.Send(ScanResult(r.ReqId));
                break;
            case CancelScannerSubscription c: Scanners.TryRemove(c.ReqId, out _); break;
            case MarketDataRequest r when r.Contract.SecType == "OPT":
                session.Send(new TickOptionComputation { ReqId = r.ReqId, TickType = 13, TickAttrib = 0, ImpliedVol = 0.31, Delta = 0.45, OptPrice = 3.5, PvDividend = -1, Gamma = -2, Vega = 0.12, Theta = -0.04, UndPrice = 101.5 });
                break;
        }
        Changed();
    }

    public static int ConIdOf(string symbol) => Math.Abs(symbol.GetHashCode(StringComparison.Ordinal) % 1_000_000) + 1;

    /// <summary>Two ranked rows, rank 1 sent first (the desk sorts them).</summary>
    public static ScannerData ScanResult(int reqId) => new()
    {
        ReqId = reqId,
        ScannerDataElement =
        {
            new ScannerDataElement { Rank = 1, Contract = new Contract { ConId = 2, Symbol = "MSFT", SecType = "STK", Exchange = "SMART", Currency = "USD" }, MarketName = "NMS", Distance = "", Benchmark = "", Projection = "", ComboKey = "" },
            new ScannerDataElement { Rank = 0, Contract = new Contract { ConId = 1, Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" }, MarketName = "NMS", Distance = "1.5", Benchmark = "b", Projection = "p", ComboKey = "" },
        },
    };

    private static void SendOptions(GatewaySession session, ContractDataRequest r)
    {
        var expiry = r.Contract.LastTradeDateOrContractMonth;
        var rights = string.IsNullOrEmpty(r.Contract.Right) ? new[] { "C", "P" } : [r.Contract.Right];
        foreach (var strike in new[] { 95.0, 100.0, 105.0 })
            foreach (var right in rights)
            {
                var option = r.Contract.Clone();
                option.Strike = strike;
                option.Right = right;
                option.ConId = int.Parse(expiry[2..], CultureInfo.InvariantCulture) % 100_000 * 1000 + (int)strike * 2 + (right == "C" ? 0 : 1);
                if (string.IsNullOrEmpty(option.TradingClass)) option.TradingClass = r.Contract.Symbol;
                session.Send(new ContractData { ReqId = r.ReqId, Contract = option, ContractDetails = new ContractDetails { LongName = r.Contract.Symbol + " option" } });
            }
        session.Send(new ContractDataEnd { ReqId = r.ReqId });
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
