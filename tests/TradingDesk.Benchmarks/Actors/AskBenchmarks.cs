using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Akka.Actor;

namespace TradingDesk.Benchmarks.Actors;

/// <summary>
/// Round-trip latency of one request and its reply: Ask to an echo actor versus a request carrying a
/// TaskCompletionSource through a Channel to a consumer task that completes it. Sequential: each operation
/// awaits its reply before the next request.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
[MedianColumn]
public class AskBenchmarks
{
    private const int RoundTrips = 10_000;
    private static readonly object Request = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<TaskCompletionSource<object>> _channel = null!;
    private Task _consumer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystems.Create("bench");
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
        _channel = Channel.CreateUnbounded<TaskCompletionSource<object>>(new UnboundedChannelOptions { SingleReader = true });
        _consumer = Task.Run(async () =>
        {
            await foreach (var tcs in _channel.Reader.ReadAllAsync()) tcs.TrySetResult(Request);
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Writer.Complete();
        _consumer.Wait();
        _system.Terminate().Wait();
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Baseline = true)]
    public async Task Channels_RequestReply()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            var tcs = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _channel.Writer.TryWrite(tcs);
            await tcs.Task.ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task Actor_Ask()
    {
        for (var i = 0; i < RoundTrips; i++) await _echo.Ask<object>(Request, Timeout).ConfigureAwait(false);
    }

    internal sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }
}
