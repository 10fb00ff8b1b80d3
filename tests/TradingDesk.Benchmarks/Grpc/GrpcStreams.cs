using System.Diagnostics;
using TradingDesk.Benchmarks.Cluster;
using TradingDesk.Benchmarks.Desk;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// The measurements on one target. Latency: paced in 1 ms slots, warm-up then measured, source's stamp → client's
/// receive. Throughput: delivered = Bid ticks the client received ÷ (first send → marker received), with what the
/// front conflated (the bare server never conflates).
/// </summary>
internal static class GrpcStreams
{
    public const int Warmup = 2_000;

    public sealed record Latency(double P50, double P99, double P999, double Max, int Samples, long Skipped);

    public sealed record Throughput(double Delivered, long Received, long Skipped, int Pushed);

    /// <summary>Where a phase's ticks are counted (<paramref name="Arm"/>) and how the source pushes one of a type.</summary>
    public sealed record TickPath(Action<Phase> Arm, Action<int> Send);

    public static async Task<Latency> LatencyAsync(TickPath target, int perSecond, int ticks)
    {
        var phase = new Phase(1, new long[Warmup + ticks]);
        target.Arm(phase);
        await Sender.OnOwnThread(() =>
        {
            TickLatency.Push(perSecond, Warmup + ticks, () => target.Send(1));
            target.Send(2);
        });
        await phase.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        // Conflated ticks leave no sample: summarise the ones that arrived, after the warm-up.
        var received = (int)Math.Min(phase.Received, phase.Latencies!.Length);
        var measured = phase.Latencies[Math.Min(Warmup, received)..received];
        var r = TickLatency.Summarise(measured);
        return new Latency(r.P50Micros, r.P99Micros, r.P999Micros, measured.Length == 0 ? double.NaN : Stats.TicksToMicros(measured.Max()), r.Ticks, phase.Skipped);
    }

    /// <summary>Unpaced: <paramref name="ticks"/> as fast as the source takes them, then the marker.</summary>
    public static Task<Throughput> FloodAsync(TickPath target, int ticks) => ThroughputAsync(target, () =>
    {
        for (var i = 0; i < ticks; i++) target.Send(1);
        target.Send(2);
    }, ticks);

    /// <summary>Paced at <paramref name="perSecond"/> in 1 ms slots: what is delivered of an offered rate.</summary>
    public static Task<Throughput> PacedAsync(TickPath target, int perSecond, int ticks) => ThroughputAsync(target, () =>
    {
        TickLatency.Push(perSecond, ticks, () => target.Send(1));
        target.Send(2);
    }, ticks);

    private static async Task<Throughput> ThroughputAsync(TickPath target, Action push, int ticks)
    {
        var phase = new Phase(1, null);
        target.Arm(phase);
        var start = Stopwatch.GetTimestamp();
        await Sender.OnOwnThread(push);
        await phase.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var seconds = (phase.FinishedAt - start) / (double)Stopwatch.Frequency;
        return new Throughput(phase.Received / seconds, phase.Received, phase.Skipped, ticks);
    }
}
