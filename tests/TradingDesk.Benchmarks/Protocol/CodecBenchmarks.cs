using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>
/// Decode and encode cost per message, text (server 176) and protobuf (server 225), each beside a baseline measured
/// in the same run: copying the payload bytes once (the floor any decoder pays to look at every byte).
/// Run: dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*CodecBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CodecBenchmarks
{
    private readonly TwsCodec _codec = TwsCodec.Default;
    private readonly FrameBuffer _output = new(64 * 1024);
    private IMessage _message = null!;
    private byte[] _payload = null!;
    private byte[] _copy = null!;
    private Direction _direction;

    [Params("tickPrice", "orderStatus", "openOrder", "execDetails", "historical1000")]
    public string Message { get; set; } = "tickPrice";

    /// <summary>176: text era; 225: protobuf for every one of these families.</summary>
    [Params(176, 225)]
    public int Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessages.Create(Message);
        _direction = SampleMessages.DirectionOf(Message);
        var frame = _codec.EncodeToArray(_message, Version, _direction);
        _payload = frame[FrameReader.HeaderLength..];
        _copy = new byte[_payload.Length];
        var check = _codec.Decode(_payload, Version, _direction);
        if (!check.Message!.Equals(_message)) throw new InvalidOperationException($"{Message} does not round-trip at {Version}");
    }

    [Benchmark(Baseline = true)]
    public int CopyPayload()
    {
        _payload.AsSpan().CopyTo(_copy);
        return _copy[^1];
    }

    [Benchmark]
    public IMessage? Decode() => _codec.Decode(_payload, Version, _direction).Message;

    [Benchmark]
    public int Encode()
    {
        _output.Clear();
        _codec.Encode(_message, Version, _direction, _output);
        return _output.WrittenCount;
    }
}
