using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Simulator.Tests.Support;

/// <summary>
/// A minimal TWS API client over real TCP, built on the project's codec: handshake, startApi, send requests,
/// and wait for decoded replies (never sleeps: every wait is for a message, with a timeout).
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _tcp = new();
    private readonly Channel<DecodedMessage> _inbox = Channel.CreateUnbounded<DecodedMessage>();
    private readonly CancellationTokenSource _stop = new();
    private NetworkStream _stream = null!;
    private Task _reader = Task.CompletedTask;

    public int ServerVersion { get; private set; }
    public string ConnectionTime { get; private set; } = "";

    /// <summary>Set when the server closed the connection (EOF) or the stream could not be decoded.</summary>
    public TaskCompletionSource<Exception?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Frames the client could not decode (garbage-frame faults).</summary>
    public Channel<ProtocolException> DecodeErrors { get; } = Channel.CreateUnbounded<ProtocolException>();

    public static async Task<TestClient> ConnectAsync(int port, int minVersion = 100, int maxVersion = 225, string? options = null)
    {
        var client = new TestClient();
        await client._tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        client._stream = client._tcp.GetStream();
        await client._stream.WriteAsync(HandshakeCodec.EncodeClientHello(new ClientHello(minVersion, maxVersion, options)));
        var pipe = PipeReader.Create(client._stream);
        var hello = await ReadHelloAsync(pipe);
        client.ServerVersion = hello.ServerVersion;
        client.ConnectionTime = hello.ConnectionTime;
        client._reader = client.ReadLoopAsync(pipe);
        return client;
    }

    /// <summary>Connects and sends startApi; returns after managedAccounts and nextValidId arrived.</summary>
    public static async Task<(TestClient Client, int NextValidId, string Accounts)> StartAsync(int port, int clientId, int maxVersion = 225)
    {
        var client = await ConnectAsync(port, maxVersion: maxVersion);
        await client.SendAsync(new StartApiRequest { ClientId = clientId });
        var accounts = await client.ExpectAsync<ManagedAccounts>();
        var next = await client.ExpectAsync<NextValidId>();
        return (client, next.OrderId, accounts.AccountsList);
    }

    private static async Task<ServerHello> ReadHelloAsync(PipeReader pipe)
    {
        while (true)
        {
            var result = await pipe.ReadAsync().AsTask().WaitAsync(DefaultTimeout);
            var buffer = result.Buffer;
            if (HandshakeCodec.TryReadServerHello(ref buffer, out var hello))
            {
                pipe.AdvanceTo(buffer.Start);
                return hello;
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted) throw new IOException("the server closed the connection during the handshake");
        }
    }

    public Task SendAsync(IMessage message, WireEncoding? encoding = null) =>
        SendRawAsync(TwsCodec.Default.EncodeToArray(message, ServerVersion, Direction.ClientToServer, encoding));

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Waits for the next message of type <typeparamref name="T"/> matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> ExpectAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : class, IMessage
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var skipped = new List<string>();
        try
        {
            while (true)
            {
                var next = await _inbox.Reader.ReadAsync(cts.Token);
                if (next.Message is T typed && (match?.Invoke(typed) ?? true)) return typed;
                skipped.Add(next.Name);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {typeof(T).Name} within {timeout ?? DefaultTimeout}; skipped: [{string.Join(", ", skipped)}]");
        }
        catch (ChannelClosedException)
        {
            throw new IOException($"connection closed before a {typeof(T).Name} arrived; skipped: [{string.Join(", ", skipped)}]");
        }
    }

    /// <summary>Waits for the next decoded message of any kind.</summary>
    public async Task<DecodedMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return await _inbox.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True if a message is already waiting (for asserting that nothing arrived, after a later marker).</summary>
    public bool TryPeekPending(out DecodedMessage message) => _inbox.Reader.TryPeek(out message);

    public Task<ErrorMessage> ExpectErrorAsync(int code, TimeSpan? timeout = null) =>
        ExpectAsync<ErrorMessage>(e => e.ErrorCode == code, timeout);

    private async Task ReadLoopAsync(PipeReader pipe)
    {
        Exception? failure = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await pipe.ReadAsync(_stop.Token);
                var buffer = result.Buffer;
                while (FrameReader.TryReadFrame(ref buffer, out var payload))
                {
                    try
                    {
                        _inbox.Writer.TryWrite(TwsCodec.Default.Decode(payload, ServerVersion, Direction.ServerToClient));
                    }
                    catch (ProtocolException ex)
                    {
                        DecodeErrors.Writer.TryWrite(ex); // a bad frame is skipped; the stream goes on
                    }
                }
                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            _inbox.Writer.TryComplete();
            Closed.TrySetResult(failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _tcp.Dispose();
        await _reader.ConfigureAwait(false);
    }
}
