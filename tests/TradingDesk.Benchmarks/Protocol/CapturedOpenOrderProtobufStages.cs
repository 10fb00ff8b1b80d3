using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>
/// Where the time of the captured openOrder's protobuf decode goes. The same 274-byte payload as
/// <see cref="CapturedOpenOrderBenchmarks"/> (the order of vector [1] encoded at server 225), measured stage by stage
/// in one run beside the same copy of that payload: Google.Protobuf's own parse of the body (the generated
/// <c>OpenOrder.Parser</c>, from an array and from a span), a parser built as <c>new(() =&gt; new T())</c> in shared
/// generic code (how the codec built its parsers before it took the generated ones), the codec's parse through its
/// registry entry, the whole <c>TwsCodec.Decode</c>, the same decode of the payload handed over in two pipe segments
/// (parsed in place) beside copying those segments into a pooled array first (what the codec did before), and the
/// floor of allocating the four empty messages the parse must build.
/// Run: dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*CapturedOpenOrder*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CapturedOpenOrderProtobufStages
{
    private const int CapturedVersion = 164;
    private const int ProtobufVersion = 225;

    private readonly TwsCodec _codec = TwsCodec.Default;
    private byte[] _payload = null!;
    private byte[] _body = null!;
    private byte[] _copy = null!;
    private MessageCodec _entry = null!;
    private MessageParser<OpenOrder> _newTParser = null!;
    private ReadOnlySequence<byte> _twoSegments;

    [GlobalSetup]
    public void Setup()
    {
        var text = Encoding.ASCII.GetBytes(CapturedFrames.TslaOpenOrder.Replace("\\0", "\0"));
        var order = _codec.Decode(text, CapturedVersion, Direction.ServerToClient).Message!;
        _payload = _codec.EncodeToArray(order, ProtobufVersion, Direction.ServerToClient, WireEncoding.Protobuf)[FrameReader.HeaderLength..];
        // The body is what follows the 4-byte binary id: the bytes Google.Protobuf parses.
        _body = _payload[4..];
        _copy = new byte[_payload.Length];
        _entry = _codec.Registry.Find(Direction.ServerToClient, IncomingIds.OpenOrder)!;
        _newTParser = NewTParser<OpenOrder>();
        _twoSegments = TwoSegments.Split(_payload, _payload.Length / 2);
        var expected = OpenOrder.Parser.ParseFrom(_body);
        if (expected.OrderId != 13
            || !expected.Equals(_codec.Decode(_payload, ProtobufVersion, Direction.ServerToClient).Message)
            || !expected.Equals(_codec.Decode(_twoSegments, ProtobufVersion, Direction.ServerToClient).Message)
            || !expected.Equals(NewTParserParse()))
            throw new InvalidOperationException("the stages disagree on the captured openOrder");
    }

    /// <summary>The same baseline as <see cref="CapturedOpenOrderBenchmarks"/>: one copy of the whole payload.</summary>
    [Benchmark(Baseline = true)]
    public int CopyPayload()
    {
        _payload.AsSpan().CopyTo(_copy);
        return _copy[^1];
    }

    [Benchmark]
    public IMessage BareParseFromArray() => OpenOrder.Parser.ParseFrom(_body);

    [Benchmark]
    public IMessage BareParseFromSpan() => OpenOrder.Parser.ParseFrom(new ReadOnlySpan<byte>(_body));

    [Benchmark]
    public IMessage NewTParserParse() => _newTParser.ParseFrom(new ReadOnlySpan<byte>(_body));

    [Benchmark]
    public IMessage CodecEntryParse() => _entry.ParseProtobuf(new ReadOnlySpan<byte>(_body));

    [Benchmark]
    public IMessage? Decode() => _codec.Decode(_payload, ProtobufVersion, Direction.ServerToClient).Message;

    [Benchmark]
    public IMessage? DecodeTwoSegments() => _codec.Decode(_twoSegments, ProtobufVersion, Direction.ServerToClient).Message;

    [Benchmark]
    public IMessage? CopySegmentsThenDecode()
    {
        var length = (int)_twoSegments.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _twoSegments.CopyTo(rented);
            return _codec.Decode(rented.AsSpan(0, length), ProtobufVersion, Direction.ServerToClient).Message;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>What any parser into these generated types pays before reading a byte.</summary>
    [Benchmark]
    public IMessage EmptyMessages() => new OpenOrder { Contract = new Contract(), Order = new Order(), OrderState = new OrderState() };

    // Generic code over reference types is shared, so new T() here is Activator.CreateInstance<T> on every call.
    private static MessageParser<T> NewTParser<T>() where T : IMessage<T>, new() => new(() => new T());
}
