using System.Diagnostics.Metrics;
using Akka.Actor;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Desk.Telemetry;

/// <summary>
/// The desk's meters, one set per actor system (an Akka extension: <c>DeskMetrics.For(system)</c>), on the .NET
/// metrics API that OpenTelemetry, <c>dotnet-counters</c> and Prometheus exporters listen to. The meter is named
/// <see cref="MeterName"/> in every desk and tagged with the actor system's name, so two desks in one process (tests,
/// a desk and a strategy node) are told apart and a listener can take exactly one of them.
///
/// Recording costs one check when nothing listens: every instrument's <c>Enabled</c> is false until a listener
/// (an exporter) enables it, and the hot paths test it before they compute anything to record.
/// docs/operations.md lists every name, unit and tag.
/// </summary>
public sealed class DeskMetrics : IExtension, IDisposable
{
    /// <summary>The meter every desk publishes under; give it to OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "TradingDesk.Desk";

    // Latency buckets from 10 µs to 10 s: a tick inside one process takes tens of microseconds, a tick on a loaded
    // machine or across nodes milliseconds, a journal write on a slow disk up to seconds. The default OpenTelemetry
    // buckets start at 5 (seconds would all land in the first one).
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly int[] _queued = new int[3];
    private IReadOnlyList<StrategyFigures> _strategies = [];
    private IReadOnlyDictionary<string, int> _lines = new Dictionary<string, int> { ["mkt"] = 0 };
    private int _connected;

    public DeskMetrics(string systemName)
    {
        Meter = new Meter(new MeterOptions(MeterName)
        {
            Version = typeof(DeskMetrics).Assembly.GetName().Version?.ToString(),
            Tags = [new("desk.system", systemName)],
        });
        var latency = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        TicksReceived = Meter.CreateCounter<long>("tradingdesk.ticks.received", "{tick}", "Stream items from the gateway, per line (tag line: the subscription id)");
        TicksDelivered = Meter.CreateCounter<long>("tradingdesk.ticks.delivered", "{tick}", "Stream items handed to subscribers: one per item and subscriber (tag line)");
        TickLatency = Meter.CreateHistogram("tradingdesk.tick.latency", "s", "From the frame's decode at the desk's socket to the strategy's turn with the tick", advice: latency);
        MessagesSent = Meter.CreateCounter<long>("tradingdesk.gateway.messages.sent", "{message}", "Messages the pacer wrote to the gateway (tag priority: order, data, historical); IB allows 50 per second");
        PacerWait = Meter.CreateHistogram("tradingdesk.pacer.wait", "s", "Time a message spent in the pacer's queue before it was written (tag priority)", advice: latency);
        Meter.CreateObservableGauge("tradingdesk.pacer.queue.length", ObserveQueues, "{message}", "Messages waiting in the pacer's queue (tag priority)");
        Reconnects = Meter.CreateCounter<long>("tradingdesk.gateway.reconnects", "{reconnect}", "Times the desk connected again after losing the gateway");
        DisconnectedTime = Meter.CreateCounter<double>("tradingdesk.gateway.disconnected.time", "s", "Time without the gateway between losing it and connecting again (added at the reconnect)");
        Meter.CreateObservableGauge("tradingdesk.gateway.connected", () => Volatile.Read(ref _connected), "{connection}", "1 while the desk has a ready session with the gateway, else 0");
        Meter.CreateObservableGauge("tradingdesk.lines.active", ObserveLines, "{line}",
            "Gateway lines the desk holds open now, shared lines counted once (tag kind: mkt market data, tbt tick-by-tick, depth, rtb real-time bars, pnl, scan …); IB limits market-data lines per account, 100 by default");
        Orders = Meter.CreateCounter<long>("tradingdesk.orders", "{order}",
            "What became of orders (tag event: placed, acknowledged by the gateway, filled (one per execution), rejected, lost, denied by the risk gate)");
        JournalWrite = Meter.CreateHistogram("tradingdesk.journal.write.duration", "s", "How long the order journal took to write one batch of facts", advice: latency);
        Meter.CreateObservableGauge("tradingdesk.strategy.pnl", ObservePnl, null,
            "A strategy's PnL in the account's currency: cash from its fills, minus commissions, plus its positions marked at the last fill price (tag strategy)");
        Meter.CreateObservableGauge("tradingdesk.strategy.position", ObservePositions, null, "A strategy's position per symbol, signed (tags strategy, symbol)");
        RemoteDelivery = Meter.CreateHistogram("tradingdesk.remote.delivery.latency", "s", "On a strategy node: from the desk's outlet sending a batch of stream items to the node receiving it", advice: latency);
        GrpcCalls = Meter.CreateCounter<long>("tradingdesk.grpc.calls", "{call}", "gRPC calls the front answered, streams counted when they end (tags method, status: the gRPC status code)");
        GrpcCallDuration = Meter.CreateHistogram("tradingdesk.grpc.call.duration", "s", "How long a unary gRPC call took, refusals included (tags method, status)", advice: latency);
        GrpcStreams = Meter.CreateUpDownCounter<long>("tradingdesk.grpc.streams.active", "{stream}", "Server streams open now (tag method)");
    }

    /// <summary>The actor system's metrics (created with the system's first use, disposed with the system).</summary>
    public static DeskMetrics For(ActorSystem system) => system.WithExtension<DeskMetrics, DeskMetricsProvider>();

    public Meter Meter { get; }

    public Counter<long> TicksReceived { get; }

    public Counter<long> TicksDelivered { get; }

    public Histogram<double> TickLatency { get; }

    public Counter<long> MessagesSent { get; }

    public Histogram<double> PacerWait { get; }

    public Counter<long> Reconnects { get; }

    public Counter<double> DisconnectedTime { get; }

    public Counter<long> Orders { get; }

    public Histogram<double> JournalWrite { get; }

    public Histogram<double> RemoteDelivery { get; }

    public Counter<long> GrpcCalls { get; }

    public Histogram<double> GrpcCallDuration { get; }

    public UpDownCounter<long> GrpcStreams { get; }

    /// <summary>
    /// One line's tick counters with its <c>line</c> tag built once, for the line actor to hold: a tick then costs two
    /// <c>Enabled</c> checks when nothing listens and two tagged adds, with no allocation, when something does.
    /// </summary>
    public LineTicks ForLine(string line) => new(TicksReceived, TicksDelivered, new KeyValuePair<string, object?>("line", line));

    /// <summary>
    /// A line's per-tick recording (see <see cref="ForLine"/>). A struct over the system's shared instruments, so a line
    /// creates no instrument of its own and the tick path reads no dictionary or extension.
    /// </summary>
    public readonly struct LineTicks
    {
        private readonly Counter<long> _received;
        private readonly Counter<long> _delivered;
        private readonly KeyValuePair<string, object?> _tag;

        internal LineTicks(Counter<long> received, Counter<long> delivered, KeyValuePair<string, object?> tag)
        {
            (_received, _delivered, _tag) = (received, delivered, tag);
        }

        /// <summary>One item in from the gateway, handed to <paramref name="subscribers"/> subscribers.</summary>
        public void Tick(int subscribers)
        {
            if (_received.Enabled) _received.Add(1, _tag);
            if (_delivered.Enabled) _delivered.Add(subscribers, _tag);
        }
    }

    /// <summary>
    /// The strategy's turn with a tick stamped at the desk's socket at <paramref name="decodedAt"/>, <paramref name="now"/>
    /// read from the scheduler. Callers test <c>TickLatency.Enabled</c> first, so nothing listening costs no clock read.
    /// </summary>
    public void RecordTickLatency(DateTimeOffset decodedAt, DateTimeOffset now) => TickLatency.Record((now - decodedAt).TotalSeconds);

    /// <summary>The pacer reports its queue lengths here after each change; the gauge reads them when collected.</summary>
    public void SetQueued(int orders, int data, int historical)
    {
        Volatile.Write(ref _queued[(int)OutboundPriority.Order], orders);
        Volatile.Write(ref _queued[(int)OutboundPriority.Data], data);
        Volatile.Write(ref _queued[(int)OutboundPriority.Historical], historical);
    }

    /// <summary>
    /// The router reports its open lines after each change (subscriptions come and go far less often than ticks, so
    /// counting them then is cheap). Market data is always reported, at 0 too, as it is the kind with IB's limit.
    /// </summary>
    public void SetLines(IEnumerable<MarketData.LineKey> lines)
    {
        var counts = new Dictionary<string, int> { ["mkt"] = 0 };
        foreach (var key in lines) counts[key.Kind] = counts.GetValueOrDefault(key.Kind) + 1;
        Volatile.Write(ref _lines, counts);
    }

    /// <summary>The open lines per kind, as last reported.</summary>
    public IReadOnlyDictionary<string, int> Lines => Volatile.Read(ref _lines);

    /// <summary>One strategy's PnL and positions, as the host's monitor last computed them.</summary>
    public sealed record StrategyFigures(string Strategy, decimal Pnl, IReadOnlyDictionary<string, decimal> Positions);

    /// <summary>The host's monitor reports every strategy's figures after each fill or commission.</summary>
    public void SetStrategies(IReadOnlyList<StrategyFigures> strategies) => Volatile.Write(ref _strategies, strategies);

    /// <summary>The connection reports whether its session is ready.</summary>
    public void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    /// <summary>The tag value of a pacer priority, in the words docs/operations.md uses.</summary>
    public static string PriorityTag(OutboundPriority priority) => priority switch
    {
        OutboundPriority.Order => "order",
        OutboundPriority.Data => "data",
        _ => "historical",
    };

    private IEnumerable<Measurement<int>> ObserveQueues()
    {
        foreach (var priority in (OutboundPriority[])[OutboundPriority.Order, OutboundPriority.Data, OutboundPriority.Historical])
            yield return new Measurement<int>(Volatile.Read(ref _queued[(int)priority]), new KeyValuePair<string, object?>("priority", PriorityTag(priority)));
    }

    private IEnumerable<Measurement<double>> ObservePnl()
    {
        foreach (var s in Volatile.Read(ref _strategies)) yield return new Measurement<double>((double)s.Pnl, new KeyValuePair<string, object?>("strategy", s.Strategy));
    }

    private IEnumerable<Measurement<double>> ObservePositions()
    {
        foreach (var s in Volatile.Read(ref _strategies))
            foreach (var (symbol, quantity) in s.Positions)
                yield return new Measurement<double>((double)quantity, new KeyValuePair<string, object?>("strategy", s.Strategy), new KeyValuePair<string, object?>("symbol", symbol));
    }

    private IEnumerable<Measurement<int>> ObserveLines()
    {
        foreach (var (kind, count) in Lines) yield return new Measurement<int>(count, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Dispose() => Meter.Dispose();
}

/// <summary>Creates a system's <see cref="DeskMetrics"/> and disposes it when the system terminates.</summary>
public sealed class DeskMetricsProvider : ExtensionIdProvider<DeskMetrics>
{
    public override DeskMetrics CreateExtension(ExtendedActorSystem system)
    {
        var metrics = new DeskMetrics(system.Name);
        system.RegisterOnTermination(metrics.Dispose);
        return metrics;
    }
}
