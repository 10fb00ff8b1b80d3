using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using TradingDesk.Benchmarks.Cluster;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// The client's side of one stream: reads the call's <see cref="W.MarketDataEvent"/>s with the generated stub (no
/// mapping to the desk's records, so the client library's own cost is not in the figures) and hands them to the armed
/// <see cref="Phase"/>. A phase is a run of Bid ticks (type 1) closed by one Ask tick (type 2), the marker, as in the
/// cluster benchmarks: conflation is per tick type, so it never replaces the marker, and the front writes a waiting
/// tick's conflation note before the tick, so at the marker every Bid was delivered or counted as skipped. The send
/// stamp travels in the tick's size (stopwatch ticks); latency = receive − stamp, one stopwatch for both ends.
/// </summary>
internal sealed class TickReader
{
    private Phase? _phase;

    private TickReader(Task loop) => Loop = loop;

    /// <summary>Ends when the call ends; faults if it fails.</summary>
    public Task Loop { get; private set; }

    public static TickReader Start(AsyncServerStreamingCall<W.MarketDataEvent> call)
    {
        var reader = new TickReader(Task.CompletedTask);
        // On the pool, as a client's reading loop would be: each MoveNext waits for the next HTTP/2 DATA frame.
        reader.Loop = Task.Run(() => reader.ReadAsync(call.ResponseStream));
        return reader;
    }

    /// <summary>The next ticks go to <paramref name="phase"/> until its marker.</summary>
    public void Arm(Phase phase) => Volatile.Write(ref _phase, phase);

    private async Task ReadAsync(IAsyncStreamReader<W.MarketDataEvent> stream)
    {
        while (await stream.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            var now = Stopwatch.GetTimestamp();
            var e = stream.Current;
            if (Volatile.Read(ref _phase) is not { } phase) continue;
            if (e.KindCase == W.MarketDataEvent.KindOneofCase.Tick)
            {
                if (e.Tick.Type == 1)
                {
                    // The desk carries a size as a decimal: parse it as one, on both paths alike.
                    var sent = (long)decimal.Parse(e.Tick.Size, NumberStyles.Float, CultureInfo.InvariantCulture);
                    phase.OnTick((int)phase.Received, now - sent);
                }
                else if (e.Tick.Type == 2)
                {
                    Volatile.Write(ref _phase, null);
                    phase.OnMarker();
                }
            }
            else if (e.KindCase == W.MarketDataEvent.KindOneofCase.Note && e.Note.KindCase == W.StreamNote.KindOneofCase.Conflated)
            {
                phase.OnSkipped(e.Note.Conflated.Skipped);
            }
        }
    }
}
