using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Benchmarks.Cluster;

/// <summary>
/// A strategy stand-in: subscribes like a strategy (its sender is the subscriber), and while armed stamps each Bid
/// tick's latency (the tick's size carries the stopwatch time it was sent at), counts what conflation skipped, and
/// closes the phase on the Ask marker. Unarmed it drops everything, so ticks of another phase cannot leak into one.
/// </summary>
internal sealed class TickProbe : ReceiveActor
{
    /// <summary>From the benchmark, in the probe's own actor system: measure <paramref name="Phase"/>.</summary>
    public sealed record Arm(Phase Phase);

    public TickProbe(TaskCompletionSource subscribed)
    {
        Phase? phase = null;
        var n = 0;
        Receive<SubscriptionMessages.Subscribed>(_ => { subscribed.TrySetResult(); });
        Receive<Arm>(a => { phase = a.Phase; n = 0; });
        Receive<MarketDataMessages.Tick>(t =>
        {
            if (phase is null) return;
            if (t.Type == TickType.Bid) phase.OnTick(n++, Stopwatch.GetTimestamp() - (long)t.Size!.Value);
            else if (t.Type == TickType.Ask)
            {
                phase.OnMarker();
                phase = null;
            }
        });
        Receive<SubscriptionMessages.Conflated>(c => phase?.OnSkipped(c.Skipped));
        ReceiveAny(_ => { });
    }

    public static Props Props(TaskCompletionSource subscribed) => Akka.Actor.Props.Create(() => new TickProbe(subscribed));
}
