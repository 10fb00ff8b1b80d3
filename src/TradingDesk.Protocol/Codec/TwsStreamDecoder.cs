using System.Buffers;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Protocol.Codec;

/// <summary>One item of a decoded byte stream: a handshake part or a message, with its stream offset.</summary>
public readonly record struct StreamItem(long Offset, DecodedMessage? Message = null, ClientHello? ClientHello = null, ServerHello? ServerHello = null);

/// <summary>
/// Decodes a captured one-way TWS byte stream, with or without the handshake at its start.
/// A client→server stream may start with <c>API\0</c> and the version range; a server→client stream with the
/// version/time reply. When the handshake is there, the server version comes from it (for a client→server stream,
/// which only holds the client's range, the top of the range unless a version is given).
/// </summary>
public sealed class TwsStreamDecoder
{
    private readonly TwsCodec _codec;
    private bool _started;

    public TwsStreamDecoder(Direction direction, int? serverVersion, TwsCodec? codec = null)
    {
        Direction = direction;
        ServerVersion = serverVersion;
        _codec = codec ?? TwsCodec.Default;
    }

    public Direction Direction { get; }

    /// <summary>The version in force; null until given or read from the handshake.</summary>
    public int? ServerVersion { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// Decodes the next item from the front of <paramref name="buffer"/>, advancing it.
    /// Returns false when the buffer holds no whole item yet.
    /// </summary>
    /// <exception cref="ProtocolException">Bad bytes; <see cref="Offset"/> still points at the bad frame.</exception>
    public bool TryDecodeNext(ref ReadOnlySequence<byte> buffer, out StreamItem item)
    {
        item = default;
        if (!_started)
        {
            switch (TryReadHandshake(ref buffer, out item))
            {
                case Start.NeedMore: return false;
                case Start.Handshake: return true;
            }
        }

        var rest = buffer;
        if (!FrameReader.TryReadFrame(ref rest, out var payload, Offset)) return false;
        var version = ServerVersion ?? throw new ProtocolException(
            "no server version: the stream has no handshake at its start, so pass one", offset: Offset);
        var message = _codec.Decode(payload, version, Direction, Offset + FrameReader.HeaderLength);
        item = new StreamItem(Offset, message);
        Offset += buffer.Length - rest.Length;
        buffer = rest;
        return true;
    }

    private enum Start { NeedMore, Handshake, NoHandshake }

    // Looks once at the very start of the stream for a handshake.
    private Start TryReadHandshake(ref ReadOnlySequence<byte> buffer, out StreamItem item)
    {
        item = default;
        if (Direction == Direction.ClientToServer)
        {
            if (buffer.Length < HandshakeCodec.Prologue.Length) return Start.NeedMore;
            Span<byte> head = stackalloc byte[4];
            buffer.Slice(0, 4).CopyTo(head);
            if (!head.SequenceEqual(HandshakeCodec.Prologue))
            {
                _started = true;
                return Start.NoHandshake;
            }
            var before = buffer.Length;
            if (!HandshakeCodec.TryReadClientHello(ref buffer, out var hello, Offset)) return Start.NeedMore;
            item = new StreamItem(Offset, ClientHello: hello);
            Offset += before - buffer.Length;
            ServerVersion ??= hello.MaxVersion;
            _started = true;
            return Start.Handshake;
        }

        var rest = buffer;
        if (!FrameReader.TryReadFrame(ref rest, out var payload, Offset)) return Start.NeedMore;
        _started = true;
        if (HandshakeCodec.TryParseServerHello(payload) is not { } serverHello) return Start.NoHandshake;
        item = new StreamItem(Offset, ServerHello: serverHello);
        Offset += buffer.Length - rest.Length;
        buffer = rest;
        ServerVersion = serverHello.ServerVersion;
        return Start.Handshake;
    }
}
