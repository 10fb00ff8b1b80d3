using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>
/// Decode and encode cost per message, text (server 200, the last text-era version) and protobuf (server 225), each beside a baseline measured
/// in the same run: copying the payload bytes once (the floor any decoder pays to look at every byte).
/// Run: dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*CodecBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
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

    /// <summary>200: text era (historicalDataEnd already separate); 225: protobuf for every one of these families.</summary>
    [Params(200, 225)]
    public int Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _direction = SampleMessages.DirectionOf(Message);
        // The canonical form at this version: what a client decodes from the gateway's frame. Benchmarking that
        // message keeps encode and decode symmetric (fields the text form cannot carry are already unset).
        var sample = SampleMessages.Create(Message);
        var frame = _codec.EncodeToArray(sample, Version, _direction);
        _payload = frame[FrameReader.HeaderLength..];
        _copy = new byte[_payload.Length];
        _message = _codec.Decode(_payload, Version, _direction).Message!;
        if (!_codec.EncodeToArray(_message, Version, _direction).AsSpan().SequenceEqual(frame))
            throw new InvalidOperationException($"{Message} does not re-encode to the same frame at {Version}");
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
