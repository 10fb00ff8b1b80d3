using System.Diagnostics.Metrics;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using IBApi.protobuf;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using TradingDesk.Desk.Telemetry;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// Who listens to the desk's meter in a measurement: nobody (a desk without exports), a bare
/// <see cref="MeterListener"/> that takes every measurement and does nothing with it (what the .NET API's dispatch
/// alone costs), or OpenTelemetry's SDK aggregating the meter behind a Prometheus scrape endpoint as the desk's
/// metrics export sets it up (not scraped: a scrape's cost is the scraper's, not the tick's).
/// </summary>
internal static class MeterListening
{
    public const string None = "none";
    public const string Listener = "listener";
    public const string OpenTelemetry = "otel";

    public static IDisposable? Attach(string who) => who switch
    {
        None => null,
        Listener => Bare(),
        OpenTelemetry => Sdk.CreateMeterProviderBuilder().AddMeter(DeskMetrics.MeterName)
            .AddPrometheusHttpListener(o => o.Port = FreePort()).Build(),
        _ => throw new ArgumentException($"no listener {who}"),
    };

    private static MeterListener Bare()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == DeskMetrics.MeterName) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        listener.SetMeasurementEventCallback<int>((_, _, _, _) => { });
        listener.Start();
        return listener;
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}

/// <summary>
/// What one tick's recording costs, in ns, beside the line actor's own work on the tick: the calls the tick path makes
/// (the line actor's <see cref="DeskMetrics.LineTicks.Tick"/>, the strategy's tick-latency record behind its
/// <c>Enabled</c> check with the scheduler's clock), through the same production code, with nobody, a bare listener
/// or OpenTelemetry's SDK listening. The baseline is the line actor's mapping of the same frame to the Tick it fans
/// out (<see cref="MarketDataStream"/>), the least work a tick costs the desk; <see cref="TickPathBenchmarks"/> gives
/// the whole in-process path. Each operation is one tick.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
[MedianColumn]
public class TickRecordingBenchmarks
{
    private const int Ticks = 1_000;
    private static readonly SubscriptionId Line = new(1);

    private IDisposable? _listening;
    private ActorSystem _system = null!;
    private IScheduler _clock = null!;
    private DeskMetrics _metrics = null!;
    private DeskMetrics.LineTicks _line;
    private MarketDataStream _plan = null!;
    private GatewayMessages.Inbound _inbound = null!;
    private Tick _tick = null!;

    [Params(MeterListening.None, MeterListening.Listener, MeterListening.OpenTelemetry)]
    public string Listening { get; set; } = MeterListening.None;

    [GlobalSetup]
    public void Setup()
    {
        _listening = MeterListening.Attach(Listening);
        _system = BenchSystems.Create("bench");
        _clock = _system.Scheduler;
        _metrics = DeskMetrics.For(_system);
        _line = _metrics.ForLine(Line.ToString());
        _plan = new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL")));
        _inbound = new GatewayMessages.Inbound(new TickPrice { ReqId = InboundRoutes.FirstRequestId, TickType = 1, Price = 101.25, Size = "100" }, _clock.Now);
        _tick = (Tick)_plan.Map(_inbound.Message, Line, _inbound.ReceivedAt)!;
        if (Listening != MeterListening.None && !(_metrics.TicksReceived.Enabled && _metrics.TickLatency.Enabled))
            throw new InvalidOperationException($"{Listening} did not enable the desk's meter");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait();
        _listening?.Dispose();
    }

    // A tick decoded a moment ago (renewed per invocation, 1 in 1,000 ticks), so the latencies land in the buckets a
    // live desk's do, not the last one.
    private object Fresh() => _tick with { LocalTime = _clock.Now };

    [Benchmark(Baseline = true, OperationsPerInvoke = Ticks, Description = "line maps the frame (no recording)")]
    public object? Map()
    {
        object? item = null;
        for (var i = 0; i < Ticks; i++) item = _plan.Map(_inbound.Message, Line, _inbound.ReceivedAt);
        return item;
    }

    [Benchmark(OperationsPerInvoke = Ticks, Description = "line: ticks received + delivered")]
    public void LineCounters()
    {
        for (var i = 0; i < Ticks; i++) _line.Tick(1);
    }

    [Benchmark(OperationsPerInvoke = Ticks, Description = "strategy: tick latency")]
    public void Latency()
    {
        var message = Fresh();
        for (var i = 0; i < Ticks; i++)
            if (message is Tick tick && _metrics.TickLatency.Enabled) _metrics.RecordTickLatency(tick.LocalTime, _clock.Now);
    }

    [Benchmark(OperationsPerInvoke = Ticks, Description = "one tick's recording (all three)")]
    public void AllThree()
    {
        var message = Fresh();
        for (var i = 0; i < Ticks; i++)
        {
            _line.Tick(1);
            if (message is Tick tick && _metrics.TickLatency.Enabled) _metrics.RecordTickLatency(tick.LocalTime, _clock.Now);
        }
    }
}
