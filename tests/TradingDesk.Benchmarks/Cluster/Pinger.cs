using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// Akka's raw remote round trip: sends a tick to an echo on the other node, waits for it to come back, stamps the round
/// trip and sends the next. One in flight at a time, so each figure is a round trip and not a queue.
/// </summary>
internal sealed class Pinger : ReceiveActor
{
    public sealed record Start(IActorRef Echo, long[] RoundTrips, TaskCompletionSource Done);

    public Pinger()
    {
        Start? run = null;
        var n = 0;
        Receive<Start>(s =>
        {
            (run, n) = (s, 0);
            Ping(s.Echo);
        });
        Receive<MarketDataMessages.Tick>(t =>
        {
            if (run is null) return;
            run.RoundTrips[n++] = Stopwatch.GetTimestamp() - (long)t.Size!.Value;
            if (n < run.RoundTrips.Length) Ping(run.Echo);
            else run.Done.TrySetResult();
        });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new Pinger());

    private void Ping(IActorRef echo) => echo.Tell(ClusterStreams.Tick(TickType.Bid), Self);
}

/// <summary>Sends every message back to its sender: the far end of <see cref="Pinger"/>.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(m => Sender.Tell(m, Self));

    public static Props Props() => Akka.Actor.Props.Create(() => new Echo());
}
