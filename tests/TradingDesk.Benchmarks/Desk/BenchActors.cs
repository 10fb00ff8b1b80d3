using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>A strategy stand-in: records (receive time − push time) of each tick; the push time travels in the tick's size.</summary>
internal sealed class LatencyRecorder : ReceiveActor
{
    public LatencyRecorder(long[] latencies, TaskCompletionSource done)
    {
        var n = 0;
        Receive<Tick>(t =>
        {
            var now = Stopwatch.GetTimestamp();
            if (n < latencies.Length) latencies[n] = now - (long)t.Size!.Value;
            if (++n == latencies.Length) done.TrySetResult();
        });
        ReceiveAny(_ => { });
    }
}

/// <summary>Counts every message it gets on a shared counter; completes when the counter reaches zero.</summary>
internal sealed class CountingSink : ReceiveActor
{
    public sealed class Countdown(long total)
    {
        private long _left = total;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Signal() { if (Interlocked.Decrement(ref _left) == 0) Done.TrySetResult(); }
        public void Reset(long total) => Interlocked.Exchange(ref _left, total);
    }

    public CountingSink(Countdown countdown, Type? counted)
    {
        ReceiveAny(m => { if (counted is null || counted.IsInstanceOfType(m)) countdown.Signal(); });
    }
}

/// <summary>The fan-out baseline: re-tells each message it gets to every subscriber, nothing else.</summary>
internal sealed class PlainBroadcaster : ReceiveActor
{
    public PlainBroadcaster(IActorRef[] subscribers)
    {
        ReceiveAny(m =>
        {
            for (var i = 0; i < subscribers.Length; i++) subscribers[i].Tell(m, Self);
        });
    }
}

/// <summary>Completes when the desk publishes Connected.</summary>
internal sealed class ConnectedLatch : ReceiveActor
{
    public ConnectedLatch(TaskCompletionSource done)
    {
        // A block body: TrySetResult returns bool, and an expression body would pick Receive(Func<T, bool>).
        Receive<ConnectionEvents.Connected>(_ => { done.TrySetResult(); });
    }
}

internal static class Connected
{
    /// <summary>A latch subscribed before this returns, so a desk started afterwards cannot connect unseen.</summary>
    public static IActorRef Latch(ActorSystem system, TaskCompletionSource done)
    {
        var latch = system.ActorOf(Props.Create(() => new ConnectedLatch(done)));
        system.EventStream.Subscribe(latch, typeof(ConnectionEvents.Connected));
        return latch;
    }
}

/// <summary>
/// A strategy stand-in for order benchmarks: stamps the first <c>accepted.Length</c> OrderAccepted replies in arrival
/// order (the order manager answers one sender's orders in the order it got them) and drops everything else.
/// </summary>
internal sealed class ReplySink : ReceiveActor
{
    public ReplySink(long[] accepted)
    {
        var n = 0;
        Receive<OrderEvents.OrderAccepted>(_ =>
        {
            if (n < accepted.Length) accepted[n++] = Stopwatch.GetTimestamp();
        });
        ReceiveAny(_ => { });
    }
}
