using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Codec;

/// <summary>
/// Turns frame payloads into canonical messages and messages into frames, for a negotiated server version,
/// in either direction. Stateless and thread-safe.
///
/// Wire rules: below server 201 the first text field is the ASCII id. From 201 every
/// frame starts with a 4-byte big-endian id; an id above 200 means a protobuf payload for message (id − 200),
/// otherwise the payload is the text fields without the id field. Decoders accept either form for every id,
/// as IB's own decoders do; encoders pick the form IB uses at that version unless told otherwise.
/// </summary>
public sealed class TwsCodec
{
    public TwsCodec(CodecRegistry registry) => Registry = registry;

    public static TwsCodec Default { get; } = new(CodecRegistry.Default);

    public CodecRegistry Registry { get; }

    /// <summary>Decodes one frame payload that may span several buffer segments.</summary>
    public DecodedMessage Decode(in ReadOnlySequence<byte> payload, int serverVersion, Direction direction, long payloadOffset = 0)
    {
        if (payload.IsSingleSegment) return Decode(payload.FirstSpan, serverVersion, direction, payloadOffset);
        // A protobuf body is parsed where it lies: Google.Protobuf reads a sequence segment by segment, so a large frame
        // (historical bars) that a pipe hands over in pieces is not copied first. The text reader needs contiguous bytes.
        if (ServerVersions.UsesBinaryIds(serverVersion) && payload.Length >= 4)
        {
            Span<byte> head = stackalloc byte[4];
            payload.Slice(0, 4).CopyTo(head);
            var rawId = BinaryPrimitives.ReadInt32BigEndian(head);
            if (rawId > ServerVersions.ProtobufIdOffset)
                return DecodeProtobuf(rawId - ServerVersions.ProtobufIdOffset, payload.Slice(4), direction, payloadOffset + 4);
        }
        var length = checked((int)payload.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            return Decode(rented.AsSpan(0, length), serverVersion, direction, payloadOffset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes one frame payload (the bytes after the length prefix).</summary>
    /// <param name="payloadOffset">Stream offset of the payload's first byte, for error messages.</param>
    /// <exception cref="ProtocolException">The payload is malformed; nothing else escapes.</exception>
    public DecodedMessage Decode(ReadOnlySpan<byte> payload, int serverVersion, Direction direction, long payloadOffset = 0)
    {
        if (payload.IsEmpty) throw new ProtocolException("empty frame", offset: payloadOffset);

        if (ServerVersions.UsesBinaryIds(serverVersion))
        {
            if (payload.Length < 4)
                throw new ProtocolException($"frame of {payload.Length} bytes is too short for a binary message id", field: "id", offset: payloadOffset);
            var rawId = BinaryPrimitives.ReadInt32BigEndian(payload);
            if (rawId > ServerVersions.ProtobufIdOffset)
                return DecodeProtobuf(rawId - ServerVersions.ProtobufIdOffset, payload[4..], direction, payloadOffset + 4);
            return DecodeText(rawId, payload, 4, serverVersion, direction, payloadOffset);
        }

        var nul = payload.IndexOf((byte)0);
        if (nul < 0) throw new ProtocolException("message id is not NUL-terminated", field: "id", offset: payloadOffset);
        if (!int.TryParse(payload[..nul], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw new ProtocolException("message id is not a number", field: "id", offset: payloadOffset);
        return DecodeText(id, payload, nul + 1, serverVersion, direction, payloadOffset);
    }

    private DecodedMessage DecodeProtobuf(int id, ReadOnlySpan<byte> body, Direction direction, long bodyOffset)
    {
        var codec = Registry.Find(direction, id);
        if (codec is null) return UnknownProtobuf(id, direction, body.ToArray());
        try
        {
            return new DecodedMessage(id, direction, WireEncoding.Protobuf, codec.ParseProtobuf(body));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or MalformedProtobufException)
        {
            throw InvalidProtobuf(codec, id, bodyOffset, ex);
        }
    }

    private DecodedMessage DecodeProtobuf(int id, in ReadOnlySequence<byte> body, Direction direction, long bodyOffset)
    {
        var codec = Registry.Find(direction, id);
        if (codec is null) return UnknownProtobuf(id, direction, body.ToArray());
        try
        {
            return new DecodedMessage(id, direction, WireEncoding.Protobuf, codec.ParseProtobuf(body));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or MalformedProtobufException)
        {
            throw InvalidProtobuf(codec, id, bodyOffset, ex);
        }
    }

    private static DecodedMessage UnknownProtobuf(int id, Direction direction, byte[] body) =>
        new(id, direction, WireEncoding.Protobuf, null, Unknown: new UnknownMessage(id, WireEncoding.Protobuf, body));

    private static ProtocolException InvalidProtobuf(MessageCodec codec, int id, long bodyOffset, Exception ex) =>
        new($"invalid {codec.Name} protobuf: {ex.Message}", id, codec.MessageType.Name, bodyOffset, ex);

    private DecodedMessage DecodeText(int id, ReadOnlySpan<byte> payload, int start, int serverVersion, Direction direction, long payloadOffset)
    {
        var codec = Registry.Find(direction, id);
        if (codec is null || !codec.HasTextForm)
            return new DecodedMessage(id, direction, WireEncoding.Text, null, Unknown: new UnknownMessage(id, WireEncoding.Text, payload[start..].ToArray()));
        var reader = new TextFieldReader(payload, start, id, payloadOffset);
        IMessage message;
        try
        {
            message = codec.DecodeText(ref reader, serverVersion);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            // Decoders validate as they read; this only catches what a setter or a conversion refuses.
            throw new ProtocolException($"invalid {codec.Name}: {ex.Message}", id, offset: payloadOffset + reader.Position, inner: ex);
        }
        reader.EnsureEnd();
        return new DecodedMessage(id, direction, WireEncoding.Text, message, reader.Companion);
    }

    /// <summary>The encoding IB uses for <paramref name="message"/> at <paramref name="serverVersion"/>.</summary>
    public WireEncoding PreferredEncoding(IMessage message, int serverVersion, Direction direction) =>
        serverVersion < ServerVersions.Protobuf ? WireEncoding.Text : Registry.FindFor(message, direction).PreferredEncoding(serverVersion);

    /// <summary>
    /// Encodes one whole frame (length prefix included) into <paramref name="output"/>.
    /// </summary>
    /// <param name="encoding">Force text or protobuf; by default the form IB uses at this version.</param>
    /// <param name="companion">The second message a text frame must carry (historicalData before 196 needs its HistoricalDataEnd).</param>
    /// <exception cref="ProtocolException">The message cannot be expressed at this version or in this encoding.</exception>
    public void Encode(IMessage message, int serverVersion, Direction direction, FrameBuffer output,
        WireEncoding? encoding = null, IMessage? companion = null)
    {
        var codec = Registry.FindFor(message, direction);
        if (serverVersion < codec.MinVersion)
            throw new ProtocolException($"{codec.Name} needs server version {codec.MinVersion} or later, not {serverVersion}", codec.Id);
        var form = encoding ?? codec.PreferredEncoding(serverVersion);
        if (form == WireEncoding.Protobuf && !ServerVersions.UsesBinaryIds(serverVersion))
            throw new ProtocolException($"protobuf needs server version {ServerVersions.Protobuf} or later, not {serverVersion}", codec.Id);
        if (form == WireEncoding.Text && !codec.HasTextForm)
            throw new ProtocolException($"{codec.Name} has no text form", codec.Id);

        var lengthAt = output.WrittenCount;
        output.WriteInt32BigEndian(0); // patched below
        if (form == WireEncoding.Protobuf)
        {
            output.WriteInt32BigEndian(codec.Id + ServerVersions.ProtobufIdOffset);
            message.WriteTo(output);
        }
        else
        {
            var writer = new TextFieldWriter(output, companion);
            if (ServerVersions.UsesBinaryIds(serverVersion)) output.WriteInt32BigEndian(codec.Id);
            else writer.WriteInt(codec.Id);
            codec.EncodeText(message, ref writer, serverVersion);
        }
        var length = output.WrittenCount - lengthAt - FrameReader.HeaderLength;
        if (length > FrameReader.MaxPayloadLength)
            throw new ProtocolException($"encoded {codec.Name} is {length} bytes, over the frame cap", codec.Id);
        output.PatchInt32BigEndian(lengthAt, length);
    }

    /// <summary>Encodes one whole frame to a new array (tests, tools; the hot path uses a reused <see cref="FrameBuffer"/>).</summary>
    public byte[] EncodeToArray(IMessage message, int serverVersion, Direction direction, WireEncoding? encoding = null, IMessage? companion = null)
    {
        using var buffer = new FrameBuffer();
        Encode(message, serverVersion, direction, buffer, encoding, companion);
        return buffer.ToArray();
    }
}
