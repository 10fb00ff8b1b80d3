using Google.Protobuf;

namespace TradingDesk.Simulator.Server;

/// <summary>
/// Fault injection for tests and demos: what real gateways do to their clients. Every method acts at once;
/// periods are measured on the gateway's <see cref="TimeProvider"/>, so a test clock drives them.
/// </summary>
public sealed class GatewayFaults : IDisposable
{
    private readonly GatewayServer _server;
    private readonly object _gate = new();
    private ITimer? _refusalTimer;
    private TaskCompletionSource _stallEnded = CompletedSource();
    private ITimer? _stallTimer;

    internal GatewayFaults(GatewayServer server) => _server = server;

    /// <summary>Closes every client connection at once, as a gateway crash or a network cut would.</summary>
    public void DropAllConnections()
    {
        foreach (var session in _server.Sessions) session.Close();
    }

    /// <summary>Stops listening for <paramref name="period"/>: new connections are refused, open ones stay.</summary>
    public void RefuseConnections(TimeSpan period)
    {
        lock (_gate)
        {
            _server.StopListening();
            _refusalTimer?.Dispose();
            _refusalTimer = _server.Time.CreateTimer(_ => _server.Listen(_server.Port), null, period, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Holds every outgoing message for <paramref name="period"/>; requests are still read and answered after it.</summary>
    public void StallResponses(TimeSpan period)
    {
        lock (_gate)
        {
            if (_stallEnded.Task.IsCompleted) _stallEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var ended = _stallEnded;
            _stallTimer?.Dispose();
            _stallTimer = _server.Time.CreateTimer(_ => ended.TrySetResult(), null, period, Timeout.InfiniteTimeSpan);
        }
    }

    internal Task WaitWhileStalledAsync(CancellationToken token)
    {
        Task stall;
        lock (_gate) stall = _stallEnded.Task;
        return stall.IsCompleted ? Task.CompletedTask : stall.WaitAsync(token);
    }

    /// <summary>Sends 1100 (connectivity between IB and the gateway lost) to every started client.</summary>
    public void ConnectivityLost() => Broadcast(GatewayErrors.ConnectivityLost(_server.Time.GetUtcNow()));

    /// <summary>Sends 1101 (restored, data lost: clients must resubscribe) or 1102 (restored, data maintained).</summary>
    public void ConnectivityRestored(bool dataLost) => Broadcast(dataLost
        ? GatewayErrors.ConnectivityRestoredDataLost(_server.Time.GetUtcNow())
        : GatewayErrors.ConnectivityRestoredDataMaintained(_server.Time.GetUtcNow()));

    /// <summary>Sends one well-delimited frame of random bytes to a client: its decoder must reject it and go on.</summary>
    public void SendGarbageFrame(int clientId, int seed = 1)
    {
        // Binary id 204 (protobuf error message), then a length-delimited field claiming far more bytes than
        // follow, then random filler: a frame any correct decoder must refuse without losing the stream.
        var body = new byte[16];
        new Random(seed).NextBytes(body);
        body[0] = 0; body[1] = 0; body[2] = 0; body[3] = 204;
        body[4] = 0x0A; body[5] = 0xFF; body[6] = 0xFF; body[7] = 0x7F;
        var frame = new byte[4 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        _server.FindClient(clientId)?.SendRaw(frame);
    }

    /// <summary>Sends a frame whose length promises more bytes than follow, then closes: a truncated stream.</summary>
    public void SendTruncatedFrameAndClose(int clientId) =>
        _server.FindClient(clientId)?.SendRawAndClose([0, 0, 0, 50, 0x34, 0x00, 0x31]);

    private void Broadcast(IMessage message)
    {
        foreach (var session in _server.Sessions)
            if (session.IsStarted) session.Send(message);
    }

    private static TaskCompletionSource CompletedSource()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _refusalTimer?.Dispose();
            _stallTimer?.Dispose();
            _stallEnded.TrySetResult();
        }
    }
}
