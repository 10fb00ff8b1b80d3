using System.Diagnostics;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// One measured stream: what its probes received. A stream is a run of Bid ticks closed by one Ask tick (the marker).
/// The marker has a tick type of its own, so conflation (latest per subscription and tick type) never replaces it, and
/// it is queued behind every Bid tick, so when each probe has seen it every tick was either delivered or counted as
/// skipped. Shared by the probes of one stream; they update it from their own mailbox turns.
/// </summary>
internal sealed class Phase(int probes, long[]? latencies)
{
    private long _received;
    private long _skipped;
    private int _open = probes;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Latency per received tick in stopwatch ticks (single-probe streams only), in arrival order.</summary>
    public long[]? Latencies => latencies;

    public long Received => Interlocked.Read(ref _received);
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Stopwatch time the last probe saw the marker.</summary>
    public long FinishedAt { get; private set; }

    public void OnTick(int index, long latency)
    {
        Interlocked.Increment(ref _received);
        if (latencies is not null && index < latencies.Length) latencies[index] = latency;
    }

    public void OnSkipped(int count) => Interlocked.Add(ref _skipped, count);

    public void OnMarker()
    {
        if (Interlocked.Decrement(ref _open) != 0) return;
        FinishedAt = Stopwatch.GetTimestamp();
        Done.TrySetResult();
    }
}
