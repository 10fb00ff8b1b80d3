using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Akka.Actor;

namespace TradingDesk.Benchmarks.Actors;

/// <summary>
/// Messages per second from one producer (1→1) and from several producers (N→1) to one consumer: an actor
/// versus a raw System.Threading.Channels consumer task, measured in the same run. Each operation is one
/// message; an invocation sends <see cref="Messages"/> and waits until the consumer has seen all of them.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
[MedianColumn]
public class TellThroughputBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Msg = new();
    private static readonly int Producers = Math.Max(2, Environment.ProcessorCount);

    private ActorSystem _system = null!;
    private IActorRef _counter = null!;
    private Completion _completion = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystems.Create("bench");
        _completion = new Completion();
        _counter = _system.ActorOf(Props.Create(() => new CountingActor(_completion, Messages)));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public async Task Channels_1to1()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = Consume(channel.Reader, Messages);
        for (var i = 0; i < Messages; i++) channel.Writer.TryWrite(Msg);
        await consumer;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task Actor_Tell_1to1()
    {
        var done = _completion.Arm();
        for (var i = 0; i < Messages; i++) _counter.Tell(Msg, ActorRefs.NoSender);
        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task Channels_NtoOne()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var consumer = Consume(channel.Reader, Messages);
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < Messages / Producers; i++) channel.Writer.TryWrite(Msg);
        })));
        for (var i = 0; i < Messages % Producers; i++) channel.Writer.TryWrite(Msg);
        await consumer;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task Actor_Tell_NtoOne()
    {
        var done = _completion.Arm();
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < Messages / Producers; i++) _counter.Tell(Msg, ActorRefs.NoSender);
        })));
        for (var i = 0; i < Messages % Producers; i++) _counter.Tell(Msg, ActorRefs.NoSender);
        await done;
    }

    private static async Task Consume(ChannelReader<object> reader, int expected)
    {
        var count = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
                if (++count == expected) return;
        }
    }

    /// <summary>Hands the actor a fresh completion per invocation; the Tell that follows publishes it.</summary>
    internal sealed class Completion
    {
        private volatile TaskCompletionSource _tcs = new();

        public Task Arm()
        {
            _tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _tcs.Task;
        }

        public void Signal() => _tcs.TrySetResult();
    }

    internal sealed class CountingActor : ReceiveActor
    {
        private int _count;

        public CountingActor(Completion completion, int expected) => Receive<object>(_ =>
        {
            if (++_count != expected) return;
            _count = 0;
            completion.Signal();
        });
    }
}
