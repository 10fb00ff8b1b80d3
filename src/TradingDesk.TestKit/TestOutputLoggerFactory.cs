using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TradingDesk.Testing;

/// <summary>Writes the actor system's log to xunit's test output, so a failing test shows what the actors logged.</summary>
public sealed class TestOutputLoggerFactory(ITestOutputHelper output, LogLevel minimumLevel = LogLevel.Information) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName, minimumLevel);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = $"{DateTime.UtcNow:HH:mm:ss.fff} [{logLevel}] {category}: {formatter(state, exception)}";
            if (exception is not null) text += Environment.NewLine + exception;
            try
            {
                output.WriteLine(text);
            }
            catch (InvalidOperationException)
            {
                // xunit refuses output once the test has finished; late log lines from shutdown are dropped.
            }
        }
    }
}
