using Microsoft.Extensions.Logging;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// A minimal console logger: one line per entry on a TextWriter. The CLI needs nothing more, and this keeps the
/// command free of a logging package (the Simulator only references the abstractions).
/// </summary>
public sealed class TextWriterLoggerFactory(TextWriter output, LogLevel minimum = LogLevel.Debug, TimeProvider? time = null) : ILoggerFactory
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("TextWriterLoggerFactory writes to its own TextWriter only");

    public void Dispose() => _output.Flush();

    private sealed class Logger(TextWriterLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{owner._time.GetUtcNow():HH:mm:ss.fff} {Short(logLevel)} {category}: {formatter(state, exception)}";
            if (exception is not null) line += " | " + exception.GetType().Name + ": " + exception.Message;
            owner._output.WriteLine(line);
        }

        private static string Short(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce", LogLevel.Debug => "dbug", LogLevel.Information => "info",
            LogLevel.Warning => "warn", LogLevel.Error => "fail", _ => "crit",
        };
    }
}
