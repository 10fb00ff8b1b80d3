using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Grpc.Tests;

/// <summary>A logger factory that keeps every line at Warning and above, for tests that count what was logged.</summary>
internal sealed class ListLoggers : ILoggerFactory
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggers owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Warnings.Enqueue(formatter(state, exception));
        }
    }
}
