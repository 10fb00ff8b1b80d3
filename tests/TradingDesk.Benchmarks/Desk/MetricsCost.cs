using System.Diagnostics;
using Akka.Actor;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Strategies;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Simulator.Server;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// What the desk's meters cost on the tick path: the tick-latency run of <see cref="TickLatency"/> to a strategy actor
/// (so the strategy's tick-latency histogram records too), once with nothing listening and once with OpenTelemetry's
/// SDK collecting the desk's meter as an export would (aggregating every measurement; a Prometheus scrape endpoint
/// on a free loopback port, not scraped). Run by <c>desk [runs] metrics</c>; the two alternate within each repetition.
/// </summary>
internal static class MetricsCost
{
    /// <summary>Records each tick's latency from the size field the pusher stamped, as a strategy would see it.</summary>
    private sealed class LatencyStrategy : StrategyActor
    {
        public LatencyStrategy(IActorRef desk, long[] latencies, TaskCompletionSource done) : base(desk, new StrategyId("bench"))
        {
            var n = 0;
            Receive<Tick>(t =>
            {
                var now = Stopwatch.GetTimestamp();
                if (n < latencies.Length) latencies[n] = now - (long)t.Size!.Value;
                if (++n == latencies.Length) done.TrySetResult();
            });
            ReceiveAny(_ => { });
        }

        protected override void OnStart() => Subscribe(new SubscribeMarketData(Contract.Stock("AAPL")));
    }

    public static async Task<TickLatency.Result> RunAsync(int ticksPerSecond, int ticks, bool metrics)
    {
        using var provider = metrics
            ? Sdk.CreateMeterProviderBuilder().AddMeter(DeskMetrics.MeterName).AddPrometheusHttpListener(o => o.Port = FreePort()).Build()
            : null;
        var backend = new BenchBackend();
        await using var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        var system = BenchSystems.Create("bench");
        try
        {
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Connected.Latch(system, connected);
            var desk = DeskSystem.Start(system, new DeskOptions { Port = server.Port, PacerStatusInterval = TimeSpan.Zero });
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(20));

            var warmup = Math.Min(ticks, 2_000);
            var latencies = new long[warmup + ticks];
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new LatencyStrategy(desk, latencies, done)));
            await backend.WaitForLinesAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
            if (metrics && !DeskMetrics.For(system).TicksReceived.Enabled) throw new InvalidOperationException("the SDK did not enable the desk's meter");
            var (id, session) = backend.Lines.First();
            await Sender.OnOwnThread(() => TickLatency.Push(ticksPerSecond, warmup + ticks, () => session.Send(TickLatency.Tick(id))));
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return TickLatency.Summarise(latencies[warmup..]);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
