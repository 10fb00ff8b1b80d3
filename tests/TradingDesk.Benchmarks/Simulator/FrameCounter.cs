using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Benchmarks.Simulator;

/// <summary>
/// The receiving end of a benchmark connection: reads the socket and counts whole frames by their length
/// prefixes (no decoding, so the client costs as little as possible and the figure is the sender's).
/// </summary>
internal sealed class FrameCounter : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Task _loop;
    private readonly object _gate = new();
    private long _frames;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FrameCounter(Socket socket, int skipBytes = 0)
    {
        _socket = socket;
        _loop = Task.Run(() => ReadLoop(skipBytes));
    }

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Completes once <paramref name="more"/> frames beyond those counted so far have arrived.</summary>
    public Task ExpectMore(long more)
    {
        lock (_gate)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _target = Frames + more;
            if (Frames >= _target) _reached.TrySetResult();
            return _reached.Task;
        }
    }

    private async Task ReadLoop(int skipBytes)
    {
        var buffer = new byte[256 * 1024];
        var header = new byte[4];
        int headerFill = 0;
        long bodyLeft = 0;
        long skip = skipBytes;
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (n == 0) return;
                var i = 0;
                var counted = 0;
                while (i < n)
                {
                    if (skip > 0) { var s = (int)Math.Min(skip, n - i); skip -= s; i += s; continue; }
                    if (bodyLeft > 0) { var b = (int)Math.Min(bodyLeft, n - i); bodyLeft -= b; i += b; if (bodyLeft == 0) counted++; continue; }
                    header[headerFill++] = buffer[i++];
                    if (headerFill == 4)
                    {
                        headerFill = 0;
                        bodyLeft = BinaryPrimitives.ReadInt32BigEndian(header);
                        if (bodyLeft == 0) counted++;
                    }
                }
                if (counted > 0)
                {
                    var total = Interlocked.Add(ref _frames, counted);
                    lock (_gate) if (total >= _target) _reached.TrySetResult();
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>
    /// Connects a client to the simulator the ordinary way (handshake, startApi, reqMktData for reqId 1), decoding
    /// until its marker (currentTime) so that the counter starts from a quiet line.
    /// </summary>
    public static async Task<FrameCounter> ConnectToSimulatorAsync(int port, int clientId)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        await socket.SendAsync(HandshakeCodec.EncodeClientHello(new ClientHello(100, 225)));
        var received = new List<byte>();
        var chunk = new byte[64 * 1024];
        ServerHello? hello = null;
        while (true)
        {
            var n = await socket.ReceiveAsync(chunk, SocketFlags.None);
            if (n == 0) throw new IOException("simulator closed the connection");
            received.AddRange(chunk.AsSpan(0, n).ToArray());
            var seq = new ReadOnlySequence<byte>(received.ToArray());
            if (hello is null)
            {
                if (!HandshakeCodec.TryReadServerHello(ref seq, out var h)) continue;
                hello = h;
                var v = h.ServerVersion;
                foreach (var m in new Google.Protobuf.IMessage[]
                {
                    new StartApiRequest { ClientId = clientId },
                    new MarketDataRequest { ReqId = 1, Contract = new Contract { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" } },
                    new CurrentTimeRequest(),
                })
                    await socket.SendAsync(TwsCodec.Default.EncodeToArray(m, v, Direction.ClientToServer));
            }
            while (FrameReader.TryReadFrame(ref seq, out var payload))
            {
                if (TwsCodec.Default.Decode(payload, hello.ServerVersion, Direction.ServerToClient).Message is CurrentTime)
                {
                    if (!seq.IsEmpty) throw new InvalidOperationException("unexpected bytes after the marker");
                    return new FrameCounter(socket);
                }
            }
            received = [.. seq.ToArray()];
        }
    }
}
