using Serilog.Core;
using Serilog.Events;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// A Serilog sink that keeps every event rendered as the desk's output template would print it (level, source,
/// message, exception), and lets a test await the first line that matches, from the start of the capture on.
/// </summary>
public sealed class LogLines : ILogEventSink
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiting = [];

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var s) ? s.ToString().Trim('"') : "";
        var line = $"[{logEvent.Level}] {source}: {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}"
            + (logEvent.Exception is null ? "" : Environment.NewLine + logEvent.Exception);
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var w in _waiting.Where(w => w.Match(line)).ToList())
            {
                _waiting.Remove(w);
                w.Seen.TrySetResult(line);
            }
        }
    }

    /// <summary>Everything captured so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    /// <summary>The first line (captured already or later) that matches; the caller bounds the wait.</summary>
    public Task<string> FirstAsync(Func<string, bool> match, int after = 0)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var found = _lines.Skip(after).FirstOrDefault(match);
            if (found is not null) seen.SetResult(found);
            else _waiting.Add((match, seen));
        }
        return seen.Task;
    }

    /// <summary>How many lines are captured: a mark for <see cref="FirstAsync"/>'s <c>after</c>.</summary>
    public int Count
    {
        get
        {
            lock (_lines) return _lines.Count;
        }
    }
}
