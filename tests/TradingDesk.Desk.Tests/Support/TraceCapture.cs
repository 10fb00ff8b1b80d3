using System.Collections.Concurrent;
using System.Diagnostics;
using TradingDesk.Desk.Telemetry;

namespace TradingDesk.Testing.Tracing;

/// <summary>
/// Records every span of the desk's activity source that ends while it is alive. Listeners are process-wide, so
/// tests running beside this one add their spans too: a test picks its own trace (by a tag it chose) with
/// <see cref="TraceOf"/>.
/// </summary>
public sealed class TraceCapture : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TraceCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DeskTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>The spans of the trace whose span <paramref name="name"/> has tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Activity> TraceOf(string name, string key, string value)
    {
        var root = Stopped.First(a => a.OperationName == name && a.GetTagItem(key) as string == value);
        return [.. Stopped.Where(a => a.TraceId == root.TraceId)];
    }

    public void Dispose() => _listener.Dispose();
}
