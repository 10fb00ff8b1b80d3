using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Google.Protobuf;
using IBApi.protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Desk.Connection;

/// <summary>
/// One TCP link to the gateway: the socket, a read loop and a write loop that run OUTSIDE any mailbox and only
/// Tell. Not an actor; owned by the ConnectionActor, which creates one per connect attempt (a generation number
/// keeps a dead link's late messages from being mistaken for the live one's).
/// Nothing reaches the socket unless the desk's <see cref="IGatewayWriteGate"/> is open just before the write: the
/// client hello checks it (a closed gate fails the attempt), and the write loop checks it before every flush. When the
/// loop finds it closed it stops writing, tells the connection <see cref="WritesHeld"/> and waits for
/// <see cref="ResumeWrites"/>; the frames stay queued, in order, and leave after it (the connection retries the gate
/// on a timer). The check sits next to the socket on purpose: a process frozen between queueing a frame and writing it
/// asks again when it wakes.
/// </summary>
internal sealed class GatewayLink : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly IGatewayWriteGate _gate;
    private TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loops = Task.CompletedTask;
    private int _queued; // counted here: a single-reader channel cannot count its items

    private GatewayLink(TcpClient tcp, NetworkStream stream, PipeReader reader, ServerHello hello, IGatewayWriteGate gate)
    {
        _gate = gate;
        _tcp = tcp;
        _stream = stream;
        _reader = reader;
        ServerVersion = hello.ServerVersion;
        ConnectionTime = hello.ConnectionTime;
    }

    public int ServerVersion { get; }
    public string ConnectionTime { get; }

    /// <summary>
    /// Told to the connection when the link dies (EOF, framing error, socket error, write failure); never once the
    /// connection has begun disposing the link.
    /// </summary>
    public sealed record Down(int Generation, string Reason) : INoSerializationVerificationNeeded;

    /// <summary>
    /// Told to the connection when the write loop found the write gate closed (<paramref name="Reason"/> is the gate's):
    /// it writes nothing more until <see cref="ResumeWrites"/>.
    /// </summary>
    public sealed record WritesHeld(int Generation, string Reason) : INoSerializationVerificationNeeded;

    /// <summary>Frames queued and not yet written (held behind a closed gate, or on their way).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Lets a write loop held by a closed gate ask the gate again (it holds on if the gate is still closed).</summary>
    public void ResumeWrites() => Volatile.Read(ref _resume).TrySetResult();

    /// <summary>Opens TCP, sends the client hello in one write and reads the server's version/time reply.</summary>
    public static async Task<GatewayLink> OpenAsync(string host, int port, ClientHello hello, IGatewayWriteGate gate, CancellationToken token)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, token).ConfigureAwait(false);
            var stream = tcp.GetStream();
            // The hello is a write too: a desk that may not write does not begin a session (the attempt fails and the
            // connection retries on its backoff).
            if (!gate.MayWrite(out var closed)) throw new IOException($"the write gate is closed: {closed}");
            await stream.WriteAsync(HandshakeCodec.EncodeClientHello(hello), token).ConfigureAwait(false);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (HandshakeCodec.TryReadServerHello(ref buffer, out var serverHello))
                {
                    reader.AdvanceTo(buffer.Start);
                    if (serverHello.ServerVersion < hello.MinVersion || serverHello.ServerVersion > hello.MaxVersion)
                        throw new IOException($"the gateway offers server version {serverHello.ServerVersion}, outside {hello.MinVersion}..{hello.MaxVersion}");
                    return new GatewayLink(tcp, stream, reader, serverHello, gate);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) throw new IOException("the gateway closed the connection during the handshake");
            }
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the read and write loops. Session messages (managedAccounts, nextValidId, currentTime) and errors that
    /// refuse the session (<see cref="SessionRefusal"/>) also go to the connection.
    /// </summary>
    public void Start(int generation, IActorRef connection, IActorRef router, Routing.RouteTable routes, ITimeProvider time, ILoggingAdapter log)
    {
        var read = Task.Run(() => ReadLoopAsync(generation, connection, router, routes, time, log));
        var write = Task.Run(() => WriteLoopAsync(generation, connection, log));
        _loops = Task.WhenAll(read, write);
    }

    /// <summary>Queues one encoded frame for the write loop; false when the link is closing.</summary>
    public bool TryWrite(byte[] frame)
    {
        Interlocked.Increment(ref _queued);
        if (_frames.Writer.TryWrite(frame)) return true;
        Interlocked.Decrement(ref _queued);
        return false;
    }

    private async Task ReadLoopAsync(int generation, IActorRef connection, IActorRef router, Routing.RouteTable routes, ITimeProvider time, ILoggingAdapter log)
    {
        string reason = "the gateway closed the connection (EOF)";
        long offset = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var before = buffer.Length;
                try
                {
                    while (!_stop.IsCancellationRequested && FrameReader.TryReadFrame(ref buffer, out var payload, offset + (before - buffer.Length)))
                        Deliver(payload, connection, router, routes, time, log);
                }
                finally
                {
                    offset += before - buffer.Length;
                    _reader.AdvanceTo(buffer.Start, buffer.End);
                }
                if (result.IsCompleted) break;
            }
        }
        catch (OperationCanceledException) { }
        catch (ProtocolException ex) { reason = $"framing error: {ex.Message}"; } // bad length: the stream cannot be trusted past it
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException) { reason = $"socket error: {ex.Message}"; }
        // Disposal is the connection's own doing (it closed this link, or it is stopping): it needs no news of it, and a
        // stopped connection would only dead-letter it.
        if (!_stop.IsCancellationRequested) connection.Tell(new Down(generation, reason));
    }

    private void Deliver(ReadOnlySequence<byte> payload, IActorRef connection, IActorRef router, Routing.RouteTable routes, ITimeProvider time, ILoggingAdapter log)
    {
        DecodedMessage decoded;
        try
        {
            decoded = TwsCodec.Default.Decode(payload, ServerVersion, Direction.ServerToClient);
        }
        catch (ProtocolException ex)
        {
            // A well-delimited frame we cannot decode: skip it, the next frame starts cleanly.
            log.Warning("gateway: skipped a malformed frame of {0} bytes: {1}", payload.Length, ex.Message);
            return;
        }
        if (decoded.Message is not { } message)
        {
            log.Warning("gateway: skipped a message with unknown id {0} ({1})", decoded.Id, decoded.Encoding);
            return;
        }
        var now = time.Now;
        var inbound = new GatewayMessages.Inbound(message, now);
        // The connection also hears the session messages, and an error that refuses the session (326, …): the gateway
        // closes the socket right after it, and the error, not the EOF, is the reason the session ended.
        if (message is ManagedAccounts or NextValidId or CurrentTime || message is ErrorMessage error && SessionRefusal.Refuses(error))
            connection.Tell(inbound);
        if (routes.TryRoute(message, out var owner)) owner.Tell(inbound); // stream items skip the router's mailbox
        else router.Tell(inbound);
        if (decoded.Companion is { } companion) router.Tell(new GatewayMessages.Inbound(companion, now));
    }

    private async Task WriteLoopAsync(int generation, IActorRef connection, ILoggingAdapter log)
    {
        var writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            var frames = _frames.Reader;
            while (await frames.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                if (!_gate.MayWrite(out var reason))
                {
                    // Hold: the frames stay queued in order; the connection resumes this loop when the gate opens.
                    var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref _resume, resume);
                    connection.Tell(new WritesHeld(generation, reason));
                    await resume.Task.WaitAsync(_stop.Token).ConfigureAwait(false);
                    continue; // ask the gate again before writing anything
                }
                // Batch what is queued into one flush: fewer syscalls under load, no added latency when idle.
                while (frames.TryRead(out var frame))
                {
                    writer.Write(frame);
                    Interlocked.Decrement(ref _queued);
                }
                var flushed = await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                if (flushed.IsCompleted) break;
            }
        }
        catch (OperationCanceledException) { return; }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            if (!_stop.IsCancellationRequested) connection.Tell(new Down(generation, $"write failed: {ex.Message}")); // see ReadLoopAsync
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _frames.Writer.TryComplete();
        try { _tcp.Client.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        _tcp.Dispose();
        try { await _loops.ConfigureAwait(false); } catch { /* loops report through Down */ }
    }
}
