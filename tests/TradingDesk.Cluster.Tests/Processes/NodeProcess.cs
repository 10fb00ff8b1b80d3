using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>One JSON line a node host wrote, with its place in that node's output and when this process read it.</summary>
internal sealed record NodeEvent(int Index, JsonElement Json, long ReadAt)
{
    public string Name => Json.GetProperty("event").GetString()!;

    public string Str(string key) => Json.GetProperty(key).ToString();

    public long Long(string key) => Json.GetProperty(key).GetInt64();

    public decimal Dec(string key) => Json.GetProperty(key).GetDecimal();

    public bool Is(string name, string? strategy = null) =>
        Name == name && (strategy is null || (Json.TryGetProperty("strategy", out var s) && s.GetString() == strategy));
}

/// <summary>
/// A node host (tests/TradingDesk.Cluster.NodeHost) running as its own process. Its stdout is read line by line as it
/// comes; a test waits for a line that matches, bounded by a timeout that fails it. Disposing kills the process.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly Process _process;
    private readonly List<NodeEvent> _events = [];
    private readonly List<string> _log = [];
    private readonly List<(Func<NodeEvent, bool> Match, int After, TaskCompletionSource<NodeEvent> Done)> _waiters = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _logWaiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The process id, kept from the start (the process object forgets it once disposed).</summary>
    public int Pid { get; private set; }

    /// <summary>Completes when the process has ended, whatever ended it.</summary>
    public Task Exited => _exited.Task;

    public static NodeProcess Start(string name, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(NodeHostPath());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(name, process);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node.Log("stderr: " + e.Data); };
        process.Exited += (_, _) => node._exited.TrySetResult();
        process.Start();
        node.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>How many event lines were read so far: a mark to wait for lines after.</summary>
    public int Mark
    {
        get { lock (_events) return _events.Count; }
    }

    public IReadOnlyList<NodeEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    /// <summary>The first line at or after <paramref name="after"/> that matches, read already or still to come.</summary>
    public async Task<NodeEvent> WaitFor(Func<NodeEvent, bool> match, TimeSpan timeout, int after = 0, string? what = null)
    {
        var done = new TaskCompletionSource<NodeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events)
        {
            var seen = _events.Skip(after).FirstOrDefault(match);
            if (seen is not null) return seen;
            _waiters.Add((match, after, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name}: no {what ?? "matching line"} within {timeout.TotalSeconds:0} s; its last lines:\n{Tail(40)}");
        }
    }

    /// <summary>The first log line (not an event line) that matches, read already or still to come.</summary>
    public async Task<string> WaitForLog(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events)
        {
            if (_log.FirstOrDefault(match) is { } seen) return seen;
            _logWaiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name}: no {what} within {timeout.TotalSeconds:0} s; its last lines:\n{Tail(40)}");
        }
    }

    public Task<NodeEvent> WaitFor(string name, string? strategy, TimeSpan timeout, int after = 0) =>
        WaitFor(e => e.Is(name, strategy), timeout, after, $"'{name}'{(strategy is null ? "" : " of " + strategy)}");

    /// <summary>Writes a line to the node's stdin (the node host reads commands there, such as "stop-trading").</summary>
    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public void Freeze() => Signal(SigStop);

    public void Resume() => Signal(SigCont);

    /// <summary>The node's last log and event lines, ticks left out (they would drown the rest).</summary>
    public string Tail(int lines)
    {
        lock (_events) return string.Join('\n', _log.TakeLast(lines));
    }

    public void Dispose()
    {
        try
        {
            // A frozen process ignores everything but SIGKILL, which is what Kill sends: it dies either way.
            Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (Kill(Pid, signal) != 0) throw new InvalidOperationException($"kill({Pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        if (!line.StartsWith('{'))
        {
            Log(line);
            return;
        }
        var json = JsonDocument.Parse(line).RootElement.Clone();
        var readAt = Stopwatch.GetTimestamp();
        lock (_events)
        {
            var e = new NodeEvent(_events.Count, json, readAt);
            _events.Add(e);
            if (e.Name != "tick") _log.Add(line);
            foreach (var waiter in _waiters.Where(w => e.Index >= w.After && w.Match(e)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(e);
            }
        }
    }

    private void Log(string line)
    {
        lock (_events)
        {
            if (SkipsWriteFinishedTrace(line)) return;
            _log.Add(line);
            foreach (var waiter in _logWaiters.Where(w => w.Match(line)).ToList())
            {
                _logWaiters.Remove(waiter);
                waiter.Done.TrySetResult(line);
            }
        }
    }

    // With serialize-messages on, Akka's verification refuses a message Akka.Persistence.Sql's journal sends itself after
    // every write (WriteFinished holds a Task), logs it with a stack trace of some forty lines and goes on: the journal
    // only uses it to forget a finished write. Those traces would fill the tails this class prints when a test fails,
    // so each one is kept as a single line.
    private bool SkipsWriteFinishedTrace(string line)
    {
        if (_inWriteFinishedTrace)
        {
            if (!line.StartsWith('[')) return true;
            _inWriteFinishedTrace = false;
        }
        if (!line.Contains("[Akka.Persistence.Sql.Journal.Types.WriteFinished]", StringComparison.Ordinal)) return false;
        _inWriteFinishedTrace = true;
        if (_log.Count > 0 && _log[^1].Contains("Swallowing exception during message send", StringComparison.Ordinal)) _log.RemoveAt(_log.Count - 1);
        _log.Add("(serialization verification refused the journal's WriteFinished; its stack trace is left out)");
        return true;
    }

    private bool _inWriteFinishedTrace;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string NodeHostPath()
    {
        var path = typeof(NodeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NodeHostPath").Value!;
        if (!File.Exists(path)) throw new FileNotFoundException($"the node host is not built at {path}: build TradingDesk.sln (or the tests' project) first", path);
        return path;
    }
}
