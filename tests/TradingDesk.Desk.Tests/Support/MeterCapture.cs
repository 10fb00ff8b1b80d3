using System.Diagnostics.Metrics;

namespace TradingDesk.Testing.Metrics;

/// <summary>
/// Listens to one <see cref="Meter"/> (one desk's, so tests running beside it do not count) and keeps every
/// measurement. <see cref="WhenAsync"/> completes when a measurement satisfying the condition arrives: tests wait for
/// it instead of polling.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private readonly MeterListener _listener = new();
    private readonly List<Measurement> _measurements = [];
    private readonly List<(Func<Measurement, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public MeterCapture(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>Collects the observable gauges now (their callbacks run on this thread, into the capture).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public IReadOnlyList<Measurement> Of(string instrument, string? tag = null, object? value = null)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).ToList();
    }

    public double Sum(string instrument, string? tag = null, object? value = null) => Of(instrument, tag, value).Sum(m => m.Value);

    /// <summary>The latest observation of a gauge with this tag (after <see cref="Observe"/>).</summary>
    public double Last(string instrument, string? tag = null, object? value = null) => Of(instrument, tag, value)[^1].Value;

    public Task WhenAsync(Func<Measurement, bool> condition)
    {
        lock (_measurements)
        {
            if (_measurements.Any(condition)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task;
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagMap = new Dictionary<string, object?>();
        foreach (var tag in tags) tagMap[tag.Key] = tag.Value;
        var measurement = new Measurement(instrument.Name, value, tagMap);
        lock (_measurements)
        {
            _measurements.Add(measurement);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Condition(measurement)) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
