using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Simulator;

namespace TradingDesk.Benchmarks.Simulator;

/// <summary>
/// Tick messages per second from the simulator to 1 and to 50 clients over loopback (protobuf at 225, text at 200),
/// beside a baseline measured in the same run: the same number of pre-encoded tick frames written straight to a
/// loopback socket in 60 KB writes (the floor: no channel, no encoding). Each invocation streams 500,000 ticks in
/// total, split evenly between the clients; the figure per operation is one tick message.
/// Run: dotnet run -c Release --project tests/TradingDesk.Benchmarks -- --filter '*SimulatorTickBenchmarks*'
/// </summary>
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SimulatorTickBenchmarks
{
    private const int TotalTicks = 500_000;

    private GatewaySimulator _simulator = null!;
    private readonly List<FrameCounter> _simClients = [];
    private readonly List<(Socket Sender, FrameCounter Receiver)> _rawPairs = [];
    private TcpListener _rawListener = null!;
    private byte[] _preEncoded = null!;

    [Params(1, 50)]
    public int Clients { get; set; }

    [Params(200, 225)]
    public int Version { get; set; }

    private int PerClient => TotalTicks / Clients;

    [GlobalSetup]
    public async Task Setup()
    {
        _simulator = await GatewaySimulator.StartAsync(new SimulatorOptions
        {
            Port = 0, Seed = 42, MaxVersion = Version, ClockMode = ClockMode.Manual, MaxMessagesPerSecond = 1_000_000,
            MaxClients = 64, // IB's limit is 32; the 50-client case needs more
        });
        for (var c = 0; c < Clients; c++) _simClients.Add(await FrameCounter.ConnectToSimulatorAsync(_simulator.Port, c + 1));

        // Baseline: the bytes the simulator would send for the same ticks, encoded once up front.
        using var frames = new TradingDesk.Protocol.Framing.FrameBuffer(PerClient * 40);
        var bid = new TickPrice { ReqId = 1, TickType = 1, Price = 100.25, Size = "300", AttrMask = 0 };
        var ask = new TickPrice { ReqId = 1, TickType = 2, Price = 100.26, Size = "200", AttrMask = 0 };
        for (var i = 0; i < PerClient; i++) TwsCodec.Default.Encode((i & 1) == 0 ? bid : ask, Version, Direction.ServerToClient, frames);
        _preEncoded = frames.ToArray();
        _rawListener = new TcpListener(IPAddress.Loopback, 0);
        _rawListener.Start();
        for (var c = 0; c < Clients; c++)
        {
            var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var accept = _rawListener.AcceptSocketAsync();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_rawListener.LocalEndpoint).Port);
            var server = await accept;
            server.NoDelay = true;
            _rawPairs.Add((server, new FrameCounter(client)));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalTicks)]
    public async Task RawPreEncodedBytes()
    {
        var done = _rawPairs.Select(p => p.Receiver.ExpectMore(PerClient)).ToList();
        await Task.WhenAll(_rawPairs.Select(p => WriteAllAsync(p.Sender)));
        await Task.WhenAll(done);
    }

    private async Task WriteAllAsync(Socket socket)
    {
        for (var offset = 0; offset < _preEncoded.Length; offset += 60 * 1024)
            await socket.SendAsync(_preEncoded.AsMemory(offset, Math.Min(60 * 1024, _preEncoded.Length - offset)), SocketFlags.None);
    }

    [Benchmark(OperationsPerInvoke = TotalTicks)]
    public async Task SimulatorTicks()
    {
        var done = _simClients.Select(c => c.ExpectMore(PerClient)).ToList();
        for (var c = 0; c < Clients; c++)
            if (await _simulator.StreamTicksNowAsync(c + 1, 1, PerClient) != PerClient)
                throw new InvalidOperationException($"client {c + 1} has no live market-data line");
        await Task.WhenAll(done);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var c in _simClients) await c.DisposeAsync();
        foreach (var (sender, receiver) in _rawPairs)
        {
            sender.Dispose();
            await receiver.DisposeAsync();
        }
        _rawListener.Stop();
        await _simulator.DisposeAsync();
    }
}
