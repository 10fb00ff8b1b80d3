using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TradingDesk.Testing;

/// <summary>
/// The requests the simulator of a <see cref="SimulatorFixture"/> has handled (fed by its server's RequestHandled event,
/// on the simulator's loop), so a test can wait for "the simulator has the request" instead of guessing; and, as the
/// simulator's logger factory, its log lines (Information and above) in the test output.
/// </summary>
internal sealed class SimulatorRequestLog(ITestOutputHelper? output) : ILoggerFactory
{
    private readonly object _gate = new();
    private readonly List<IMessage> _seen = [];
    private readonly List<(Func<IMessage, bool> Match, TaskCompletionSource<IMessage> Done)> _waiting = [];

    /// <summary>Completes with the first request, already read or still to come, that matches.</summary>
    public Task<IMessage> WhenRead(Func<IMessage, bool> match)
    {
        lock (_gate)
        {
            if (_seen.FirstOrDefault(match) is { } seen) return Task.FromResult(seen);
            var done = new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, done));
            return done.Task;
        }
    }

    public void Handled(IMessage request)
    {
        List<TaskCompletionSource<IMessage>> matched = [];
        lock (_gate)
        {
            _seen.Add(request);
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (!_waiting[i].Match(request)) continue;
                matched.Add(_waiting[i].Done);
                _waiting.RemoveAt(i);
            }
        }
        foreach (var done in matched) done.TrySetResult(request);
    }

    private void Write(string category, LogLevel level, string text)
    {
        if (output is null || level < LogLevel.Information) return;
        try
        {
            output.WriteLine($"[simulator {level}] {category}: {text}");
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once the test is over; the simulator's last lines (connection closed) may come then.
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(SimulatorRequestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            log.Write(category, logLevel, formatter(state, exception) + (exception is null ? "" : $" {exception}"));
        }
    }
}
