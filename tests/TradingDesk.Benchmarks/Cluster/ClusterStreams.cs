using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using IBApi.protobuf;
using TradingDesk.Benchmarks.Desk;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// The measurements of one run on a pair of nodes. Latency: the simulated gateway's Send (queued to the session's
/// output loop) → the probe's receive, through the desk (socket, codec, router, line actor, fan-out) and, for a remote
/// probe, the node's outlet, Akka.Remote and the strategy node's link. Throughput: as many ticks as the gateway takes,
/// then the marker; delivered = Bid ticks the probes received over push start → last marker seen.
/// </summary>
internal static class ClusterStreams
{
    /// <summary>Ticks per second each strategy received, receptions per second over all of them, ticks conflated per strategy.</summary>
    public sealed record Throughput(double CrossingsPerSecond, double DeliveriesPerSecond, long Skipped, long Pushed);

    private const int Warmup = 2_000;

    /// <summary>Paced ticks on a line with one probe: latency percentiles, and what conflation skipped (none expected).</summary>
    public static async Task<(TickLatency.Result Result, long Skipped)> LatencyAsync(IActorRef probe, int reqId, GatewaySession session, int perSecond, int ticks)
    {
        var phase = new Phase(1, new long[Warmup + ticks]);
        probe.Tell(new TickProbe.Arm(phase));
        await Sender.OnOwnThread(() =>
        {
            TickLatency.Push(perSecond, Warmup + ticks, () => session.Send(Price(reqId, 1)));
            session.Send(Price(reqId, 2));
        });
        await phase.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return (Measured(phase), phase.Skipped);
    }

    /// <summary>Akka's raw remote Tell of the same tick record, paced the same way: no desk, no outlet, no flow control.</summary>
    public static async Task<TickLatency.Result> RawOneWayAsync(IActorRef localProbe, IActorRef remoteProbe, int perSecond, int ticks)
    {
        var phase = new Phase(1, new long[Warmup + ticks]);
        localProbe.Tell(new TickProbe.Arm(phase));
        await Sender.OnOwnThread(() =>
        {
            TickLatency.Push(perSecond, Warmup + ticks, () => remoteProbe.Tell(Tick(TickType.Bid)));
            remoteProbe.Tell(Tick(TickType.Ask));
        });
        await phase.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return Measured(phase);
    }

    /// <summary>Akka's raw remote round trip, one at a time.</summary>
    public static async Task<TickLatency.Result> RoundTripAsync(IActorRef pinger, IActorRef remoteEcho, int count)
    {
        var roundTrips = new long[Warmup + count];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pinger.Tell(new Pinger.Start(remoteEcho, roundTrips, done));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return TickLatency.Summarise(roundTrips[Warmup..]);
    }

    /// <summary>Unpaced: <paramref name="ticks"/> ticks as fast as the gateway's session takes them, then the marker.</summary>
    public static Task<Throughput> ThroughputAsync(IActorRef[] probes, int reqId, GatewaySession session, int ticks) =>
        ThroughputAsync(probes, () =>
        {
            for (var i = 0; i < ticks; i++) session.Send(Price(reqId, 1));
            session.Send(Price(reqId, 2));
        }, ticks);

    /// <summary>Paced at <paramref name="perSecond"/> in 1 ms slots: what is delivered of an offered rate, and what conflated.</summary>
    public static Task<Throughput> PacedThroughputAsync(IActorRef[] probes, int reqId, GatewaySession session, int perSecond, int ticks) =>
        ThroughputAsync(probes, () =>
        {
            TickLatency.Push(perSecond, ticks, () => session.Send(Price(reqId, 1)));
            session.Send(Price(reqId, 2));
        }, ticks);

    private static async Task<Throughput> ThroughputAsync(IActorRef[] probes, Action push, int ticks)
    {
        var phase = new Phase(probes.Length, null);
        foreach (var probe in probes) probe.Tell(new TickProbe.Arm(phase));
        var start = Stopwatch.GetTimestamp();
        await Sender.OnOwnThread(push);
        await phase.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var seconds = (phase.FinishedAt - start) / (double)Stopwatch.Frequency;
        // Every strategy of the line sees the same crossings: skipped per strategy is what conflation dropped on the wire.
        return new Throughput(phase.Received / (double)probes.Length / seconds, phase.Received / seconds, phase.Skipped / probes.Length, ticks);
    }

    /// <summary>A desk tick whose size is the stopwatch time now (the raw baselines send the record the desk delivers).</summary>
    public static MarketDataMessages.Tick Tick(TickType type) =>
        new(new SubscriptionId(1), type, 101.25m, Stopwatch.GetTimestamp(), null, 0, DateTimeOffset.UnixEpoch);

    private static TickPrice Price(int reqId, int tickType) =>
        new() { ReqId = reqId, TickType = tickType, Price = 101.25, Size = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), AttrMask = 0 };

    private static TickLatency.Result Measured(Phase phase)
    {
        // Conflated ticks leave no sample: summarise the ones that arrived, after the warm-up.
        var received = (int)Math.Min(phase.Received, phase.Latencies!.Length);
        return TickLatency.Summarise(phase.Latencies[Math.Min(Warmup, received)..received]);
    }
}
