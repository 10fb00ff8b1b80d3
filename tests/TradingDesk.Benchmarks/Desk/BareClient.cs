using System.IO.Pipelines;
using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// The baselines' client: a socket with the API handshake and startApi done, no actors. What the desk's connection
/// does before its first request, without the desk.
/// </summary>
internal sealed class BareClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private BareClient(TcpClient tcp, NetworkStream stream, PipeReader reader, int version) =>
        (_tcp, Stream, Reader, Version) = (tcp, stream, reader, version);

    public NetworkStream Stream { get; }
    public PipeReader Reader { get; }
    public int Version { get; }

    public static async Task<BareClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(HandshakeCodec.EncodeClientHello(new ClientHello(100, 225)));
        var reader = PipeReader.Create(stream);
        ServerHello hello;
        while (true)
        {
            var r = await reader.ReadAsync();
            var b = r.Buffer;
            if (HandshakeCodec.TryReadServerHello(ref b, out hello)) { reader.AdvanceTo(b.Start); break; }
            reader.AdvanceTo(b.Start, b.End);
        }
        await stream.WriteAsync(TwsCodec.Default.EncodeToArray(new StartApiRequest { ClientId = 1 }, hello.ServerVersion, Direction.ClientToServer));
        return new BareClient(tcp, stream, reader, hello.ServerVersion);
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.CompleteAsync();
        _tcp.Dispose();
    }
}
