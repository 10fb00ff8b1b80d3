using System.Text;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>
/// Decoding a real gateway's openOrder: the captured 656-byte text frame (vector [1] of the protocol's captured
/// vectors, server 164: fifteen UNSET_DOUBLE sentinels, plain decimals, empty fields), and the same order as the
/// protobuf frame a server at 225 sends. Each decode is set beside copying its own payload once, in the same run.
/// Run: dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*CapturedOpenOrder*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CapturedOpenOrderBenchmarks
{
    private const int CapturedVersion = 164;
    private const int ProtobufVersion = 225;

    private readonly TwsCodec _codec = TwsCodec.Default;
    private byte[] _payload = null!;
    private byte[] _copy = null!;
    private int _version;

    [Params("text", "protobuf")]
    public string Form { get; set; } = "text";

    [GlobalSetup]
    public void Setup()
    {
        var text = Encoding.ASCII.GetBytes(CapturedFrames.TslaOpenOrder.Replace("\\0", "\0"));
        if (Form == "text")
        {
            _payload = text;
            _version = CapturedVersion;
        }
        else
        {
            var order = _codec.Decode(text, CapturedVersion, Direction.ServerToClient).Message!;
            _payload = _codec.EncodeToArray(order, ProtobufVersion, Direction.ServerToClient, WireEncoding.Protobuf)[FrameReader.HeaderLength..];
            _version = ProtobufVersion;
        }
        _copy = new byte[_payload.Length];
        if (_codec.Decode(_payload, _version, Direction.ServerToClient).Message is not IBApi.protobuf.OpenOrder { OrderId: 13 })
            throw new InvalidOperationException($"the captured openOrder does not decode as order 13 in {Form}");
    }

    [Benchmark(Baseline = true)]
    public int CopyPayload()
    {
        _payload.AsSpan().CopyTo(_copy);
        return _copy[^1];
    }

    [Benchmark]
    public IMessage? Decode() => _codec.Decode(_payload, _version, Direction.ServerToClient).Message;
}
