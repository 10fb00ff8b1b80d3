using Google.Protobuf;
using TradingDesk.Protocol.Messages;

namespace TradingDesk.Protocol.Codec;

/// <summary>
/// The table of message codecs: by (direction, id) for decoding, by (type, direction) for encoding.
/// Built once from the message families under <c>Messages/</c>; read-only afterwards.
/// </summary>
public sealed class CodecRegistry
{
    private const int IdSpace = 256;
    private readonly MessageCodec?[] _clientToServer = new MessageCodec?[IdSpace];
    private readonly MessageCodec?[] _serverToClient = new MessageCodec?[IdSpace];
    private readonly Dictionary<(Type, Direction), List<MessageCodec>> _byType = [];

    /// <summary>Every family the codec implements.</summary>
    public static CodecRegistry Default { get; } = Build();

    private static CodecRegistry Build()
    {
        var registry = new CodecRegistry();
        SessionCodecs.Register(registry);
        ContractCodecs.Register(registry);
        MarketDataCodecs.Register(registry);
        HistoricalCodecs.Register(registry);
        OrderCodecs.Register(registry);
        ExecutionCodecs.Register(registry);
        AccountCodecs.Register(registry);
        TickHistoryCodecs.Register(registry);
        WshCodecs.Register(registry);
        FinancialAdvisorCodecs.Register(registry);
        MultiAccountCodecs.Register(registry);
        ReferenceDataCodecs.Register(registry);
        LinkingCodecs.Register(registry);
        GatewayConfigCodecs.Register(registry);
        OptionCodecs.Register(registry);
        ScannerCodecs.Register(registry);
        NewsCodecs.Register(registry);
        FundamentalCodecs.Register(registry);
        return registry;
    }

    public IEnumerable<MessageCodec> All =>
        _clientToServer.Concat(_serverToClient).OfType<MessageCodec>();

    public void Add(MessageCodec codec)
    {
        var table = Table(codec.Direction);
        if (codec.Id is <= 0 or >= IdSpace) throw new ArgumentOutOfRangeException(nameof(codec), $"id {codec.Id}");
        if (table[codec.Id] is not null)
            throw new InvalidOperationException($"{codec.Direction} id {codec.Id} is registered twice");
        table[codec.Id] = codec;
        var key = (codec.MessageType, codec.Direction);
        if (!_byType.TryGetValue(key, out var list)) _byType[key] = list = [];
        list.Add(codec);
    }

    /// <summary>Registers a codec for a type; see <see cref="MessageCodec{T}"/> for the parameters.</summary>
    public void Add<T>(int id, Direction direction, int protobufGate, TextDecoder<T>? decode, TextEncoder<T>? encode,
        int minVersion = ServerVersions.Min, Func<T, bool>? accepts = null, ProtobufDecoder<T>? parse = null)
        where T : IMessage<T>, new() =>
        Add(new MessageCodec<T>(id, direction, protobufGate, decode, encode, minVersion, accepts, parse));

    public MessageCodec? Find(Direction direction, int id) =>
        id is > 0 and < IdSpace ? Table(direction)[id] : null;

    /// <summary>The codec that encodes <paramref name="message"/> in <paramref name="direction"/>.</summary>
    /// <exception cref="ProtocolException">No codec handles this message type in this direction.</exception>
    public MessageCodec FindFor(IMessage message, Direction direction)
    {
        if (_byType.TryGetValue((message.GetType(), direction), out var list))
        {
            foreach (var codec in list)
                if (codec.Accepts(message)) return codec;
        }
        throw new ProtocolException($"no {direction} codec for {message.Descriptor.Name}");
    }

    private MessageCodec?[] Table(Direction direction) =>
        direction == Direction.ClientToServer ? _clientToServer : _serverToClient;
}
