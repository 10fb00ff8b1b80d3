using Akka.Actor;
using BenchmarkDotNet.Attributes;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using TradingDesk.Desk.Strategies;
using TradingDesk.Desk.Telemetry;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// The desk's in-process tick path from the line actor on, per tick: decoded frames told to a
/// <see cref="SubscriptionActor"/> (which maps each, counts it and fans it out) and taken by a
/// <see cref="StrategyActor"/> (whose AroundReceive records the tick's latency), with nobody, a bare listener or
/// OpenTelemetry's SDK listening to the desk's meter. Each operation is one tick; an invocation tells
/// <see cref="Ticks"/> frames and waits until the strategy has had them all. The socket, the decode and the router
/// are left out, so this is less than a tick's whole work and the recording's share of it is an upper bound.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
[MedianColumn]
public class TickPathBenchmarks
{
    private const int Ticks = 20_000;

    /// <summary>Completes a fresh task once the strategy has had the invocation's ticks.</summary>
    private sealed class Arrivals
    {
        private TaskCompletionSource _done = new();
        private int _left;

        public Task Arm(int ticks)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _left, ticks);
            return _done.Task;
        }

        public void Arrived()
        {
            if (Interlocked.Decrement(ref _left) == 0) _done.TrySetResult();
        }
    }

    /// <summary>Counts the ticks it is handed; the base class records their latency as every strategy's does.</summary>
    private sealed class CountingStrategy : StrategyActor
    {
        public CountingStrategy(IActorRef desk, Arrivals arrivals) : base(desk, new StrategyId("bench"))
        {
            Receive<Tick>(_ => arrivals.Arrived());
        }
    }

    private IDisposable? _listening;
    private ActorSystem _system = null!;
    private IActorRef _line = null!;
    private readonly Arrivals _arrivals = new();
    private TickPrice _frame = null!;

    [Params(MeterListening.None, MeterListening.Listener, MeterListening.OpenTelemetry)]
    public string Listening { get; set; } = MeterListening.None;

    [GlobalSetup]
    public void Setup()
    {
        _listening = MeterListening.Attach(Listening);
        _system = BenchSystems.Create("bench");
        // The desk and the pacer: the strategy's registration and the line's request go here and are dropped.
        var sink = _system.ActorOf(Props.Create(() => new CountingSink(new CountingSink.Countdown(long.MaxValue), null)));
        var strategy = _system.ActorOf(Props.Create(() => new CountingStrategy(sink, _arrivals)));
        _line = _system.ActorOf(SubscriptionActor.Props(new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL"))),
            new SubscriptionId(1), strategy, sink, InboundRoutes.FirstRequestId));
        _frame = new TickPrice { ReqId = InboundRoutes.FirstRequestId, TickType = 1, Price = 101.25, Size = "100" };
        if (Listening != MeterListening.None && !DeskMetrics.For(_system).TickLatency.Enabled)
            throw new InvalidOperationException($"{Listening} did not enable the desk's meter");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait();
        _listening?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Ticks, Description = "frame → line actor → strategy")]
    public Task LineToStrategy()
    {
        var done = _arrivals.Arm(Ticks);
        // Stamped as the connection stamps a decoded frame, so the latencies are the path's own.
        for (var i = 0; i < Ticks; i++) _line.Tell(new GatewayMessages.Inbound(_frame, _system.Scheduler.Now));
        return done;
    }
}
