using TradingDesk.Desk.Gateway;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Prints each connection attempt and its backoff on stderr: always until the first connection (so a desk waiting for
/// a gateway says so), and afterwards in plain mode only (the live view shows the connection in its header).
/// Called from the desk's actor thread: writes a line and returns.
/// </summary>
public sealed class ConnectionProgress(TextWriter stderr, bool plain, string verb = "run")
{
    private readonly object _gate = new();
    private bool _connectedOnce;
    private bool _viewRunning;
    private bool _finished;

    public void Report(ConnectionEvents.StateChanged change)
    {
        lock (_gate)
        {
            if (_finished || (_viewRunning && !plain)) return;
            var line = Line(change, _connectedOnce);
            if (change is ConnectionEvents.Connected) _connectedOnce = true;
            if (line is not null) stderr.WriteLine($"desk {verb}: {line}");
        }
    }

    /// <summary>The view starts: from now on only plain mode prints.</summary>
    public void Connected()
    {
        lock (_gate) _viewRunning = true;
    }

    /// <summary>Nothing more is printed (the run reports its own end).</summary>
    public void Finish()
    {
        lock (_gate) _finished = true;
    }

    /// <summary>The line for a state change, or null for one not worth a line.</summary>
    public static string? Line(ConnectionEvents.StateChanged change, bool connectedBefore) => change switch
    {
        ConnectionEvents.Connecting c => $"connecting to {c.Host}:{c.Port} (attempt {c.Attempt})",
        ConnectionEvents.Reconnecting r => $"attempt {r.Attempt} failed: {r.LastError}; next attempt in {Durations.Format(r.Delay)}",
        ConnectionEvents.Connected c when c.IsReconnect || connectedBefore => $"reconnected (server version {c.ServerVersion})",
        ConnectionEvents.Connected => null, // the verb prints its own "connected to …" line
        ConnectionEvents.Disconnected d when connectedBefore => $"connection lost: {d.Reason}",
        _ => null,
    };
}
