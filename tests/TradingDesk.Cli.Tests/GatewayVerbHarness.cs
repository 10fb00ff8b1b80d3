using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TradingDesk.Simulator;

namespace TradingDesk.Cli.Tests;

/// <summary>A simulated gateway on a free port (manual clock at a Tuesday 15:00 UTC, market open) and a way to run verbs against it.</summary>
public sealed class GatewayVerbHarness : IAsyncDisposable
{
    public GatewaySimulator Simulator { get; private init; } = null!;
    public string Gateway => $"127.0.0.1:{Simulator.Port}";

    public static async Task<GatewayVerbHarness> StartAsync() => new()
    {
        Simulator = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 42, ClockMode = ClockMode.Manual, Accounts = ["DU111111"] }),
    };

    /// <summary>Runs <c>desk ARGS --gateway 127.0.0.1:PORT</c> in-process, off the test's thread.</summary>
    /// <remarks>
    /// Returns once the simulator has also seen the verb's connection close, as a shell script would see a finished
    /// process: otherwise the next verb with the same client id may race the previous session's teardown.
    /// </remarks>
    public async Task<(int Code, string Stdout, string Stderr)> Desk(params string[] args)
    {
        var flag = Array.IndexOf(args, "--client-id");
        var clientId = flag >= 0 ? int.Parse(args[flag + 1], System.Globalization.CultureInfo.InvariantCulture) : 17;
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnClosed(int id)
        {
            if (id == clientId) released.TrySetResult();
        }
        Simulator.ClientClosed += OnClosed;
        try
        {
            var result = await Run([.. args, "--gateway", Gateway]);
            if (Simulator.Connections.Any(s => s.ClientId == clientId))
                await released.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the session is still closing: wait for its end
            else
                await Simulator.InvokeAsync(_ => 0); // it is gone from the server; one loop turn runs its posted cleanup
            return result;
        }
        finally
        {
            Simulator.ClientClosed -= OnClosed;
        }
    }

    public static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => Program.Run(args, new StringReader(""), stdout, stderr, () => Stream.Null));
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) != run)
            throw new TimeoutException($"desk {string.Join(' ', args)} did not finish; trace:\n{string.Join("\n", TraceLog)}");
        var code = await run;
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a verb against the simulator writing to <paramref name="stdout"/> (to watch its lines as they come).</summary>
    public Task<int> Start(LineWriter stdout, StringWriter stderr, params string[] args) =>
        Task.Run(() => Program.Run([.. args, "--gateway", Gateway], new StringReader(""), stdout, stderr, () => Stream.Null));

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> TraceLog = new();

    static GatewayVerbHarness() => TradingDesk.Cli.Commands.GatewayVerb.Trace = line => TraceLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static List<JsonElement> JsonLines(string text) => Lines(text).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}

/// <summary>A StringWriter that lets a test wait for the next line written.</summary>
public sealed class LineWriter : StringWriter
{
    private readonly SemaphoreSlim _lines = new(0);

    public override void WriteLine(string? value)
    {
        lock (this) { base.Write(value); base.Write(NewLine); }
        _lines.Release();
    }

    public Task<bool> NextLineAsync(TimeSpan within) => _lines.WaitAsync(within);

    public override string ToString() { lock (this) return base.ToString(); }
}
