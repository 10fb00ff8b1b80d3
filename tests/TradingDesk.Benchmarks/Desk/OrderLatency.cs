using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using IBApi.protobuf;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Pacing;
using TradingDesk.Protocol.Codec;
using TradingDesk.Simulator.Server;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.OrderCommands;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// Order latency through the desk: PlaceOrder told to the desk (as a strategy does) → desk → order manager → pacer →
/// connection → socket → the simulated gateway's decode of the placeOrder. Measured two ways on one desk:
/// spaced orders that never wait for the pacer (the path itself), and a burst above the pacing limit (the pacer's
/// queue and its pump timer, which Akka's scheduler fires on its tick: <c>akka.scheduler.tick-duration</c>).
/// Baseline in the same run: a bare client writing the same placeOrder frames to the same gateway (socket + the
/// gateway's decode, no desk).
/// </summary>
internal static class OrderLatency
{
    /// <summary>Latency of orders that find the pacer idle, and of a burst that the pacer queues.</summary>
    /// <summary>
    /// Spaced: tell → the gateway has the placeOrder. Accepted, a slice of it: tell → the strategy has OrderAccepted
    /// (desk → order manager → reply; the order manager hands the order to the pacer just before it replies).
    /// </summary>
    public sealed record Result(TickLatency.Result Spaced, TickLatency.Result Accepted, Burst Burst);

    /// <summary>
    /// A burst of orders told at once. Lateness is each order's arrival minus the time the pacing rules would let it
    /// out with exact timers (computed with the pacer's own <see cref="RateWindow"/>); Duration is first tell → last
    /// arrival, Ideal the same by the rules alone.
    /// </summary>
    public sealed record Burst(int Orders, double LatenessP50Micros, double LatenessP90Micros, double LatenessMaxMicros, double DurationMillis, double IdealMillis);

    private const int Warmup = 10;
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(50);

    public static async Task<Result> RunDeskAsync(string? hocon, int spaced, int burst, Akka.Actor.Setup.Setup? setup = null)
    {
        var backend = new BenchBackend();
        await using var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        var system = BenchSystems.Create("orders", hocon, setup);
        try
        {
            var options = new DeskOptions { Port = server.Port, PacerStatusInterval = TimeSpan.Zero };
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Connected.Latch(system, connected);
            var desk = DeskSystem.Start(system, options);
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var accepted = new long[Warmup + spaced];
            var strategy = system.ActorOf(Props.Create(() => new ReplySink(accepted)));

            // Warm-up and the spaced orders: 50 ms apart (20/s) never exhaust the pacer's burst or its 45/1.1 s window.
            var arrivals = new Arrivals(backend, Warmup + spaced);
            var sent = new long[Warmup + spaced];
            await Sender.OnOwnThread(() =>
            {
                for (var k = 0; k < sent.Length; k++)
                {
                    sent[k] = Stopwatch.GetTimestamp();
                    desk.Tell(Place(k), strategy);
                    Thread.Sleep(Spacing);
                }
            });
            await arrivals.All.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var spacedResult = TickLatency.Summarise(Enumerable.Range(Warmup, spaced).Select(k => arrivals.At[k] - sent[k]).ToArray());
            var acceptedResult = TickLatency.Summarise(Enumerable.Range(Warmup, spaced).Select(k => accepted[k] - sent[k]).ToArray());

            // Let the one-second window (plus its margin) empty and the burst bucket refill, then tell the burst at once.
            await Task.Delay(options.PacingJitterMargin + TimeSpan.FromSeconds(1.2));
            var burstArrivals = new Arrivals(backend, burst);
            var start = Stopwatch.GetTimestamp();
            for (var k = 0; k < burst; k++) desk.Tell(Place(k), strategy);
            await burstArrivals.All.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new Result(spacedResult, acceptedResult, Summarise(burstArrivals.At, start, options));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>The same spaced placeOrder frames written by a bare client: the socket and the gateway's side alone.</summary>
    public static async Task<TickLatency.Result> RunBaselineAsync(int spaced)
    {
        var backend = new BenchBackend();
        await using var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        await using var client = await BareClient.ConnectAsync(server.Port);
        var arrivals = new Arrivals(backend, Warmup + spaced);
        var sent = new long[Warmup + spaced];
        await Sender.OnOwnThread(() =>
        {
            for (var k = 0; k < sent.Length; k++)
            {
                var place = Place(k);
                var id = new OrderId(k + 1);
                // Encoded before the stamp: the desk's figure starts before its own encode, so this baseline is a floor.
                var request = new PlaceOrderRequest { OrderId = id.Value, Contract = place.Contract.ToProto(), Order = place.Order.ToProto(id, 1) };
                var frame = TwsCodec.Default.EncodeToArray(request, client.Version, Direction.ClientToServer);
                sent[k] = Stopwatch.GetTimestamp();
                client.Stream.Write(frame);
                Thread.Sleep(Spacing);
            }
        });
        await arrivals.All.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return TickLatency.Summarise(Enumerable.Range(Warmup, spaced).Select(k => arrivals.At[k] - sent[k]).ToArray());
    }

    /// <summary>Order k carries k in its orderRef, so the gateway side knows which one arrived.</summary>
    private static PlaceOrder Place(int k) =>
        new(Contract.Stock("AAPL"), TradingDesk.Desk.Domain.Order.Limit(OrderAction.Buy, 1, 100m) with { OrderRef = k.ToString(CultureInfo.InvariantCulture) }, new StrategyId("bench"));

    private static Burst Summarise(long[] arrivals, long start, DeskOptions options)
    {
        // The pacing rules with exact timers: the pacer's own rate window, driven by a clock that jumps to each release.
        var window = new RateWindow(options.MessagesPerSecond, options.Burst, options.PacingJitterMargin);
        var t0 = DateTimeOffset.UnixEpoch;
        var t = t0;
        var lateness = new long[arrivals.Length];
        for (var k = 0; k < arrivals.Length; k++)
        {
            t += window.DelayAt(t);
            window.Record(t);
            var ideal = (long)((t - t0).TotalSeconds * Stopwatch.Frequency);
            lateness[k] = arrivals[k] - start - ideal;
        }
        Array.Sort(lateness);
        var ms = 1000.0 / Stopwatch.Frequency;
        return new Burst(arrivals.Length, Stats.TicksToMicros(Stats.Percentile(lateness, 50)), Stats.TicksToMicros(Stats.Percentile(lateness, 90)),
            Stats.TicksToMicros(lateness[^1]), (arrivals.Max() - start) * ms, (t - t0).TotalMilliseconds);
    }

    /// <summary>Arrival stamps at the gateway, indexed by the orderRef each order carries.</summary>
    private sealed class Arrivals
    {
        private int _left;

        public Arrivals(BenchBackend backend, int count)
        {
            At = new long[count];
            _left = count;
            backend.OrderPlaced = order =>
            {
                var now = Stopwatch.GetTimestamp();
                // The desk writes its owner in front of the strategy's reference (OrderRefs); a bare client sends it alone.
                var k = TradingDesk.Desk.Orders.OrderRefs.TryParse(order.Order.OrderRef, out _, out var userRef) ? userRef! : order.Order.OrderRef;
                At[int.Parse(k, CultureInfo.InvariantCulture)] = now;
                if (Interlocked.Decrement(ref _left) == 0) All.TrySetResult();
            };
        }

        public long[] At { get; }
        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
