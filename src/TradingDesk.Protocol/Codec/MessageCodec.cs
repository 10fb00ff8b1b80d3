using System.Buffers;
using Google.Protobuf;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Codec;

/// <summary>Reads one message's text fields into its canonical protobuf form. The id and framing are already consumed.</summary>
public delegate T TextDecoder<out T>(ref TextFieldReader reader, int serverVersion);

/// <summary>Writes one message's text fields (everything after the id) for a server version.</summary>
public delegate void TextEncoder<in T>(T message, ref TextFieldWriter writer, int serverVersion);

/// <summary>
/// Parses one message's protobuf body (after the id) with a parser of the codec's own instead of the generated
/// type's; it must build what the generated parser builds.
/// </summary>
public delegate T ProtobufDecoder<out T>(ReadOnlySpan<byte> body);

/// <summary>
/// Everything the codec knows about one message id in one direction: its canonical type, the server version from
/// which IB sends it as protobuf, and its text layout (if it has one).
/// </summary>
public abstract class MessageCodec
{
    protected MessageCodec(int id, Direction direction, Type messageType, int protobufGate, int minVersion)
    {
        Id = id;
        Direction = direction;
        MessageType = messageType;
        ProtobufGate = protobufGate;
        MinVersion = minVersion;
    }

    public int Id { get; }
    public Direction Direction { get; }
    public Type MessageType { get; }

    /// <summary>
    /// First server version at which IB sends this message as protobuf.
    /// <see cref="int.MaxValue"/> when the message never switches. Never below 201: protobuf needs binary ids.
    /// </summary>
    public int ProtobufGate { get; }

    /// <summary>First server version at which the message exists at all.</summary>
    public int MinVersion { get; }

    public string Name => MessageNames.Of(Direction, Id);

    public abstract bool HasTextForm { get; }

    /// <summary>When several codecs share a type in one direction (contractData 10 and bondContractData 18), picks the one for a message.</summary>
    public abstract bool Accepts(IMessage message);

    public abstract IMessage ParseProtobuf(ReadOnlySpan<byte> payload);

    /// <summary>Parses a body that may span several buffer segments, where it lies (no contiguous copy).</summary>
    public abstract IMessage ParseProtobuf(in ReadOnlySequence<byte> payload);
    public abstract IMessage DecodeText(ref TextFieldReader reader, int serverVersion);
    public abstract void EncodeText(IMessage message, ref TextFieldWriter writer, int serverVersion);

    /// <summary>The encoding IB uses for this message at a server version.</summary>
    public WireEncoding PreferredEncoding(int serverVersion) =>
        serverVersion >= ProtobufGate || !HasTextForm ? WireEncoding.Protobuf : WireEncoding.Text;
}

/// <summary>A codec for one generated protobuf type.</summary>
public sealed class MessageCodec<T> : MessageCodec where T : IMessage<T>, new()
{
    // The generated type's own parser, which its descriptor holds: it builds each message with a direct constructor
    // call. A parser made here as new(() => new T()) would run Activator.CreateInstance<T> on every parse, since this
    // class's code is shared by all reference types; and an instance field is read without the generic-statics lookup.
    private readonly MessageParser<T> _parser;
    private readonly ProtobufDecoder<T>? _parse;
    private readonly TextDecoder<T>? _decode;
    private readonly TextEncoder<T>? _encode;
    private readonly Func<T, bool>? _accepts;

    public MessageCodec(int id, Direction direction, int protobufGate, TextDecoder<T>? decode, TextEncoder<T>? encode,
        int minVersion = ServerVersions.Min, Func<T, bool>? accepts = null, ProtobufDecoder<T>? parse = null)
        : base(id, direction, typeof(T), Math.Max(protobufGate, ServerVersions.Protobuf), minVersion)
    {
        if ((decode is null) != (encode is null))
            throw new ArgumentException("a text form needs both a decoder and an encoder");
        _parser = (MessageParser<T>)new T().Descriptor.Parser;
        _parse = parse;
        _decode = decode;
        _encode = encode;
        _accepts = accepts;
    }

    public override bool HasTextForm => _decode is not null;

    public override bool Accepts(IMessage message) => message is T typed && (_accepts?.Invoke(typed) ?? true);

    public override IMessage ParseProtobuf(ReadOnlySpan<byte> payload) =>
        _parse is null ? _parser.ParseFrom(payload) : _parse(payload);

    public override IMessage ParseProtobuf(in ReadOnlySequence<byte> payload)
    {
        if (_parse is null) return _parser.ParseFrom(payload);
        if (payload.IsSingleSegment) return _parse(payload.FirstSpan);
        // The codec's own parsers read one span: a body a pipe hands over in pieces is copied together first.
        var body = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        try
        {
            payload.CopyTo(body);
            return _parse(body.AsSpan(0, (int)payload.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    public override IMessage DecodeText(ref TextFieldReader reader, int serverVersion) =>
        _decode is null
            ? throw reader.Error($"{Name} has no text form", "(id)", 0)
            : _decode(ref reader, serverVersion);

    public override void EncodeText(IMessage message, ref TextFieldWriter writer, int serverVersion)
    {
        if (_encode is null) throw new ProtocolException($"{Name} has no text form", Id);
        _encode((T)message, ref writer, serverVersion);
    }
}
