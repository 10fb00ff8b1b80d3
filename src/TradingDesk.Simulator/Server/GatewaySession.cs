using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Simulator.Server;

/// <summary>
/// One API client's connection: the V100+ handshake, then frames decoded as requests and posted to the gateway's
/// serial loop, and an output queue written by its own loop (see GatewaySession.Output.cs).
/// </summary>
public sealed partial class GatewaySession
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly GatewayServer _server;
    private readonly ILogger _logger;
    private readonly MessageRateLimiter _rate;
    private readonly CancellationTokenSource _closed = new();

    internal GatewaySession(int connectionId, Socket socket, GatewayServer server, ILogger logger)
    {
        ConnectionId = connectionId;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _server = server;
        _logger = logger;
        _rate = new MessageRateLimiter(server.Options.MaxMessagesPerSecond);
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
    }

    /// <summary>A number for this connection, in accept order (logs and fault targeting).</summary>
    public int ConnectionId { get; }
    public IPEndPoint? RemoteEndPoint { get; }

    /// <summary>The negotiated server version; 0 until the handshake is done.</summary>
    public int ServerVersion { get; private set; }

    /// <summary>The client's API client id, once startApi arrived.</summary>
    public int? ClientId { get; internal set; }

    /// <summary>True once startApi was accepted (the client id is registered).</summary>
    public bool IsStarted => ClientId is not null;

    /// <summary>The client sent "+PACEAPI": the gateway delays its messages instead of answering error 100.</summary>
    public bool Paced { get; private set; }

    public bool IsClosed => _closed.IsCancellationRequested;

    internal CancellationToken ClosedToken => _closed.Token;

    internal async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closed.Token);
        var writer = Task.Run(() => WriteLoopAsync(linked.Token));
        try
        {
            var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
            await ReadLoopAsync(reader, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            _logger.LogInformation("connection {Connection}: closed by the network ({Reason})", ConnectionId, ex.Message);
        }
        catch (ProtocolException ex)
        {
            // A frame we cannot even delimit (bad length, bad handshake): the stream cannot be trusted past it.
            _logger.LogWarning("connection {Connection}: dropped after a framing error: {Error}", ConnectionId, ex.Message);
        }
        finally
        {
            Close();
            await writer.ConfigureAwait(false);
            _server.OnSessionClosed(this);
        }
    }

    private async Task ReadLoopAsync(PipeReader reader, CancellationToken token)
    {
        long offset = 0;
        var handshakeDone = false;
        while (!token.IsCancellationRequested)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            var before = buffer.Length;
            try
            {
                if (!handshakeDone) handshakeDone = TryHandshake(ref buffer, offset);
                while (handshakeDone && !IsClosed && FrameReader.TryReadFrame(ref buffer, out var payload, offset + (before - buffer.Length)))
                {
                    var payloadOffset = offset + (before - buffer.Length) - payload.Length;
                    await OnFrameAsync(payload, payloadOffset, token).ConfigureAwait(false);
                }
            }
            finally
            {
                offset += before - buffer.Length;
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            if (result.IsCompleted || IsClosed) return;
        }
    }

    private bool TryHandshake(ref ReadOnlySequence<byte> buffer, long offset)
    {
        if (!HandshakeCodec.TryReadClientHello(ref buffer, out var hello, offset)) return false;
        var options = _server.Options;
        var version = hello.Negotiate(options.MinVersion, options.MaxVersion);
        _logger.LogInformation("connection {Connection} from {Remote}: client range v{Min}..{Max}{Options}",
            ConnectionId, RemoteEndPoint, hello.MinVersion, hello.MaxVersion, hello.ConnectOptions is null ? "" : " " + hello.ConnectOptions);
        if (version is null)
        {
            // No common version. TWS answers with its own version and the client, finding it outside its range,
            // gives up (IB's clients raise "TWS out of date"). We do the same and close. UNCONFIRMED: exact TWS timing.
            SendHelloAndClose(options.MaxVersion);
            _logger.LogWarning("connection {Connection}: refused, no version in common with v{Min}..{Max}", ConnectionId, options.MinVersion, options.MaxVersion);
            return false;
        }
        ServerVersion = version.Value;
        Paced = hello.AsksForPacing;
        SendRaw(HandshakeCodec.EncodeServerHello(new ServerHello(ServerVersion, ConnectionTime())));
        return true;
    }

    // IB Gateway sends its local time with the zone's short name ("20230405 22:20:39 PST"): the time and the name
    // always belong to the same zone, daylight saving included.
    private string ConnectionTime()
    {
        var now = _server.Time.GetUtcNow();
        var zone = _server.Options.TimeZone;
        return zone.ToLocal(now).ToString("yyyyMMdd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " + zone.Abbreviation(now);
    }

    private async ValueTask OnFrameAsync(ReadOnlySequence<byte> payload, long payloadOffset, CancellationToken token)
    {
        var now = _server.Time.GetUtcNow();
        if (!_rate.TryAccept(now))
        {
            if (!Paced)
            {
                // IB: error 100 and the message is not acted on. TWS "will likely disconnect"; we keep the client,
                // so tests can observe the error and recover. UNCONFIRMED whether TWS drops the socket.
                Send(GatewayErrors.MaxRateExceeded(now));
                return;
            }
            await Task.Delay(_rate.DelayUntilAccepted(now), _server.Time, token).ConfigureAwait(false);
            _rate.TryAccept(_server.Time.GetUtcNow());
        }

        DecodedMessage decoded;
        try
        {
            decoded = TwsCodec.Default.Decode(payload, ServerVersion, Direction.ClientToServer, payloadOffset);
        }
        catch (ProtocolException ex)
        {
            _logger.LogWarning("connection {Connection}: malformed request: {Error}", ConnectionId, ex.Message);
            Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, ex.Reason + (ex.Field is null ? "" : $" (field {ex.Field})"), now));
            return;
        }
        if (decoded.Message is not { } request)
        {
            _logger.LogWarning("connection {Connection}: unsupported message id {Id}", ConnectionId, decoded.Id);
            Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, $"unsupported message id {decoded.Id}", now));
            return;
        }
        _logger.LogDebug("connection {Connection}: {Name} {Request}", ConnectionId, decoded.Name, request);
        _server.Loop.Post(() => _server.OnRequest(this, request));
    }

    /// <summary>Closes the connection; the output loop stops and the backend hears of it once.</summary>
    public void Close()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        _output.Writer.TryComplete();
        try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        _stream.Dispose();
    }
}
