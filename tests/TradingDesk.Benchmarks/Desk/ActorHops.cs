using System.Diagnostics;
using Akka.Actor;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// What Akka.NET's mailbox hops cost at a given message rate, with nothing else in the path: a stamped message told
/// through a chain of plain relay actors to a recorder. The desk's tick path has two such hops (read loop → line
/// actor → strategy), its order path four (→ desk → order manager → pacer → connection); this baseline shows how
/// much of the desk's latency is the hops themselves (dispatcher wake-ups) rather than the desk's work.
/// </summary>
internal static class ActorHops
{
    public static async Task<TickLatency.Result> RunAsync(int hops, int ticksPerSecond, int count, string? hocon = null)
    {
        var system = BenchSystems.Create("hops", hocon);
        try
        {
            var warmup = Math.Min(count, 2_000);
            var latencies = new long[warmup + count];
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            IActorRef next = system.ActorOf(Props.Create(() => new StampRecorder(latencies, done)));
            for (var i = 1; i < hops; i++)
            {
                var target = next;
                next = system.ActorOf(Props.Create(() => new Relay(target)));
            }
            var first = next;
            await Sender.OnOwnThread(() =>
            {
                if (ticksPerSecond >= 1_000) TickLatency.Push(ticksPerSecond, latencies.Length, () => first.Tell(new Stamped(Stopwatch.GetTimestamp())));
                else
                {
                    var spacing = TimeSpan.FromSeconds(1.0 / ticksPerSecond);
                    for (var i = 0; i < latencies.Length; i++)
                    {
                        first.Tell(new Stamped(Stopwatch.GetTimestamp()));
                        Thread.Sleep(spacing);
                    }
                }
            });
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return TickLatency.Summarise(latencies[warmup..]);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed record Stamped(long At);

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef next) => Receive<Stamped>(m => next.Tell(m));
    }

    private sealed class StampRecorder : ReceiveActor
    {
        public StampRecorder(long[] latencies, TaskCompletionSource done)
        {
            var n = 0;
            Receive<Stamped>(m =>
            {
                latencies[n] = Stopwatch.GetTimestamp() - m.At;
                if (++n == latencies.Length) done.TrySetResult();
            });
        }
    }
}
