using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Simulator.Server;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// Tick latency from the simulated gateway's Send (the message is queued to the session's output loop, which encodes
/// and writes it to the socket) to the strategy actor's receive, through the whole desk: socket, read loop, codec,
/// router, line actor, fan-out. Baseline in the same run: a bare codec client (socket + PipeReader + decode, no actors).
/// </summary>
internal static class TickLatency
{
    public sealed record Result(double P50Micros, double P99Micros, double P999Micros, int Ticks)
    {
        /// <summary>Process-wide, over the pushing interval: what the run cost besides the path (a coarse profile).</summary>
        public Profile? Cost { get; init; }
    }

    /// <summary>GCs and their total pause, thread-pool work items per tick, pool threads at the end, lock contentions.</summary>
    public sealed record Profile(int Gen0, int Gen1, int Gen2, double PauseMillis, double WorkItemsPerTick, int PoolThreads, long LockContentions)
    {
        public override string ToString() => $"GCs {Gen0}/{Gen1}/{Gen2}, pause {PauseMillis:0.0} ms, {WorkItemsPerTick:0.00} work items per tick, {PoolThreads} pool threads, {LockContentions} lock contentions";
    }

    /// <summary>Runs <paramref name="push"/> and returns what it cost the process (see <see cref="Profile"/>).</summary>
    internal static async Task<Profile> Profiled(int ticks, Func<Task> push)
    {
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var items = ThreadPool.CompletedWorkItemCount;
        var locks = Monitor.LockContentionCount;
        await push();
        return new Profile(GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, (ThreadPool.CompletedWorkItemCount - items) / (double)ticks,
            ThreadPool.ThreadCount, Monitor.LockContentionCount - locks);
    }

    public static async Task<Result> RunDeskAsync(int ticksPerSecond, int ticks)
    {
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
            var recorder = system.ActorOf(Props.Create(() => new LatencyRecorder(latencies, done)));
            desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), recorder);
            await backend.WaitForLinesAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
            var (id, session) = backend.Lines.First();
            var cost = await Profiled(warmup + ticks, async () =>
            {
                await Sender.OnOwnThread(() => Push(ticksPerSecond, warmup + ticks, () => session.Send(Tick(id))));
                await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            });
            return Summarise(latencies[warmup..]) with { Cost = cost };
        }
        finally
        {
            await system.Terminate();
        }
    }

    public static async Task<Result> RunBaselineAsync(int ticksPerSecond, int ticks)
    {
        var backend = new BenchBackend();
        await using var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        await using var client = await BareClient.ConnectAsync(server.Port);
        var (stream, reader, version) = (client.Stream, client.Reader, client.Version);
        await stream.WriteAsync(TwsCodec.Default.EncodeToArray(new MarketDataRequest { ReqId = 1, Contract = Contract.Stock("AAPL").ToProto() }, version, Direction.ClientToServer));

        var warmup = Math.Min(ticks, 2_000);
        var latencies = new long[warmup + ticks];
        var loop = Task.Run(async () =>
        {
            var n = 0;
            while (n < latencies.Length)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                while (FrameReader.TryReadFrame(ref buffer, out var payload))
                {
                    var decoded = TwsCodec.Default.Decode(payload, version, Direction.ServerToClient);
                    if (decoded.Message is TickPrice t)
                    {
                        // The same mapping work the desk does: decimal size.
                        var sent = (long)decimal.Parse(t.Size, NumberStyles.Float, CultureInfo.InvariantCulture);
                        latencies[n++] = Stopwatch.GetTimestamp() - sent;
                    }
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
        });
        await backend.WaitForLinesAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
        var (id, session) = backend.Lines.First();
        var cost = await Profiled(warmup + ticks, async () =>
        {
            await Sender.OnOwnThread(() => Push(ticksPerSecond, warmup + ticks, () => session.Send(Tick(id))));
            await loop.WaitAsync(TimeSpan.FromSeconds(60));
        });
        return Summarise(latencies[warmup..]) with { Cost = cost };
    }

    internal static TickPrice Tick(int id) =>
        new() { ReqId = id, TickType = 1, Price = 101.25, Size = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), AttrMask = 0 };

    /// <summary>
    /// Sends <paramref name="count"/> ticks at <paramref name="perSecond"/>, in 1 ms slots. Between slots the pusher
    /// yields its core (Thread.Yield) rather than spin: on a 2-core machine a spinning pusher would take a core from
    /// the desk (and the baseline) it is measuring.
    /// </summary>
    internal static void Push(int perSecond, int count, Action send)
    {
        var perSlot = Math.Max(1, perSecond / 1000);
        var slot = Stopwatch.Frequency * perSlot / perSecond;
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        for (var i = 0; sent < count; i++)
        {
            var due = start + i * slot;
            while (Stopwatch.GetTimestamp() < due) Thread.Yield();
            for (var k = 0; k < perSlot && sent < count; k++, sent++) send();
        }
    }

    internal static Result Summarise(long[] latencies)
    {
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new Result(Stats.TicksToMicros(Stats.Percentile(sorted, 50)), Stats.TicksToMicros(Stats.Percentile(sorted, 99)),
            Stats.TicksToMicros(Stats.Percentile(sorted, 99.9)), sorted.Length);
    }
}
