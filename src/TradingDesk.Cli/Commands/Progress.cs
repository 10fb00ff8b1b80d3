namespace TradingDesk.Cli.Commands;

/// <summary>
/// A one-line "waiting …" indicator for long requests, on stderr and only when stderr is a terminal (never in pipes,
/// files or tests, so stdout stays clean data and stderr stays one line per failure). Cleared when disposed.
/// </summary>
public sealed class Progress : IDisposable
{
    private static readonly char[] Spinner = ['|', '/', '-', '\\'];
    private readonly TextWriter _writer;
    private readonly string _text;
    private readonly Timer? _timer;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly object _gate = new();
    private int _frame;
    private int _width;
    private bool _disposed;

    private Progress(TextWriter writer, string text, bool active, TimeSpan interval)
    {
        _writer = writer;
        _text = text;
        if (!active) return;
        Draw();
        _timer = new Timer(_ => Draw(), null, interval, interval);
    }

    /// <summary>Shows <paramref name="text"/> with a spinner and the seconds waited; <paramref name="interactive"/> overrides terminal detection.</summary>
    public static Progress Start(TextWriter stderr, string text, bool? interactive = null, TimeSpan? interval = null) =>
        new(stderr, text, interactive ?? (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected), interval ?? TimeSpan.FromMilliseconds(250));

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed) return;
            var line = $"{Spinner[_frame++ % Spinner.Length]} {_text} {(DateTime.UtcNow - _started).TotalSeconds:0} s";
            _width = Math.Max(_width, line.Length);
            _writer.Write("\r" + line.PadRight(_width));
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer?.Dispose();
            if (_timer is null) return;
            _writer.Write("\r" + new string(' ', _width) + "\r");
            _writer.Flush();
        }
    }
}
