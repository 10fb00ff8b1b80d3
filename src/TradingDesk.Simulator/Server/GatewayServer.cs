using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TradingDesk.Simulator.Server;

/// <summary>
/// The simulated gateway's TCP side: accepts API clients, runs the handshake and startApi, enforces client ids and
/// the message rate, and hands every other request to the <see cref="IGatewayBackend"/> on one serial loop.
/// Start on port 0 in tests and read <see cref="Port"/>.
/// </summary>
public sealed partial class GatewayServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, GatewaySession> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly object _listenerGate = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _nextConnectionId;

    public GatewayServer(GatewayOptions options, IGatewayBackend backend, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        options.Validate();
        Options = options;
        Backend = backend;
        Time = time ?? TimeProvider.System;
        var factory = loggers ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger<GatewayServer>();
        Loop = new SerialLoop(factory.CreateLogger<SerialLoop>());
        Faults = new GatewayFaults(this);
    }

    public GatewayOptions Options { get; }
    public IGatewayBackend Backend { get; }
    public TimeProvider Time { get; }

    /// <summary>The loop every request and market event runs on.</summary>
    public SerialLoop Loop { get; }

    /// <summary>Fault injection: drops, refusals, stalls, connectivity notices, garbage.</summary>
    public GatewayFaults Faults { get; }

    /// <summary>The port listened on (the real one when started on port 0).</summary>
    public int Port { get; private set; }

    /// <summary>Open connections, started or not.</summary>
    public IReadOnlyCollection<GatewaySession> Sessions => _sessions.Values.ToList();

    public void Start()
    {
        Listen(Options.Port);
        _logger.LogInformation("simulated gateway listening on {Address}:{Port}, versions {Min}..{Max}",
            Options.Address, Port, Options.MinVersion, Options.MaxVersion);
    }

    internal void Listen(int port)
    {
        lock (_listenerGate)
        {
            var listener = new TcpListener(Options.Address, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start(backlog: 64);
            _listener = listener;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _acceptLoop = AcceptLoopAsync(listener);
        }
    }

    /// <summary>Stops accepting (connections are refused) without touching open ones.</summary>
    internal void StopListening()
    {
        lock (_listenerGate)
        {
            _listener?.Stop();
            _listener = null;
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return; // stopped, or stopped listening for a refusal period
            }
            socket.NoDelay = true;
            var session = new GatewaySession(Interlocked.Increment(ref _nextConnectionId), socket, this, _logger);
            _sessions[session.ConnectionId] = session;
            _ = session.RunAsync(_stopping.Token);
        }
    }

    internal void OnSessionClosed(GatewaySession session)
    {
        if (!_sessions.TryRemove(session.ConnectionId, out _)) return;
        _logger.LogInformation("connection {Connection} closed (client id {ClientId})", session.ConnectionId, session.ClientId?.ToString() ?? "none");
        if (session.IsStarted) Loop.Post(() => Backend.OnClientClosed(session));
    }

    /// <summary>The started session of a client id, if connected.</summary>
    public GatewaySession? FindClient(int clientId) =>
        _sessions.Values.FirstOrDefault(s => s.ClientId == clientId && !s.IsClosed);

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        StopListening();
        foreach (var session in _sessions.Values) session.Close();
        await _acceptLoop.ConfigureAwait(false);
        await Loop.DisposeAsync().ConfigureAwait(false);
        Faults.Dispose();
    }
}
