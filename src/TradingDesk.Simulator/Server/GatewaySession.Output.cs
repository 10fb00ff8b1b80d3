using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Google.Protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Simulator.Server;

public sealed partial class GatewaySession
{
    // What goes out: messages to encode at the negotiated version, raw bytes (handshake reply, faults), or a close.
    private abstract record Outbound;
    private sealed record OutMessage(IMessage Message, IMessage? Companion) : Outbound;
    private sealed record OutRaw(byte[] Bytes, bool CloseAfter) : Outbound;

    private readonly Channel<Outbound> _output = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a message for this client. Safe from any thread; dropped once the connection is closed.</summary>
    public void Send(IMessage message) => _output.Writer.TryWrite(new OutMessage(message, null));

    /// <summary>
    /// Queues a message whose text frame carries a second one: historicalData before server 196 ends with its
    /// start and end dates, which the codec takes from a HistoricalDataEnd passed as the companion.
    /// </summary>
    public void Send(IMessage message, IMessage? companion) => _output.Writer.TryWrite(new OutMessage(message, companion));

    /// <summary>Queues raw bytes (the handshake reply, or garbage for fault injection).</summary>
    public void SendRaw(byte[] bytes) => _output.Writer.TryWrite(new OutRaw(bytes, CloseAfter: false));

    /// <summary>Queues raw bytes, then closes the connection once they are written.</summary>
    public void SendRawAndClose(byte[] bytes) => _output.Writer.TryWrite(new OutRaw(bytes, CloseAfter: true));

    /// <summary>Queues an error with code 326 style semantics: send, then close.</summary>
    public void SendAndClose(IMessage message)
    {
        using var frame = new FrameBuffer();
        TwsCodec.Default.Encode(message, ServerVersion, Direction.ServerToClient, frame);
        SendRawAndClose(frame.ToArray());
    }

    private void SendHelloAndClose(int version) =>
        SendRawAndClose(Protocol.Handshake.HandshakeCodec.EncodeServerHello(new Protocol.Handshake.ServerHello(version, ConnectionTime())));

    // Drains the queue in batches: many frames are encoded into one buffer and written with one socket write,
    // which is what lets one connection carry hundreds of thousands of ticks a second.
    private async Task WriteLoopAsync(CancellationToken token)
    {
        using var batch = new FrameBuffer(64 * 1024);
        var reader = _output.Reader;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                await _server.Faults.WaitWhileStalledAsync(token).ConfigureAwait(false);
                var closeAfter = false;
                batch.Clear();
                while (batch.WrittenCount < 60 * 1024 && !closeAfter && reader.TryRead(out var item))
                {
                    switch (item)
                    {
                        case OutMessage m:
                            TwsCodec.Default.Encode(m.Message, ServerVersion, Direction.ServerToClient, batch, companion: m.Companion);
                            break;
                        case OutRaw r:
                            batch.Write(r.Bytes);
                            closeAfter = r.CloseAfter;
                            break;
                    }
                }
                await _stream.WriteAsync(batch.WrittenMemory, token).ConfigureAwait(false);
                if (closeAfter)
                {
                    Close();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            Close();
        }
        catch (ProtocolException ex)
        {
            // A message the negotiated version cannot carry is a simulator bug; say which and drop the client.
            _logger.LogError(ex, "connection {Connection}: cannot encode a reply at v{Version}", ConnectionId, ServerVersion);
            Close();
        }
    }
}
