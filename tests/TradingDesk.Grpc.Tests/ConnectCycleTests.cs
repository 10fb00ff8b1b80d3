using System.Diagnostics;
using Akka.Actor;
using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using CancelMarketData = IBApi.protobuf.CancelMarketData;
using DeskClient = TradingDesk.Client.DeskClient;
using MarketDataRequest = IBApi.protobuf.MarketDataRequest;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// 1,000 clients come and go, each ending its stream abruptly: the desk releases every line, the front keeps no stream
/// actor, and managed memory does not grow with the number of cycles.
/// </summary>
[Collection(Alone.Name)]
public sealed class ConnectCycleTests : DeskTestKit
{
    private const int Cycles = 1000;
    private const int Warmup = 50;
    private const long AllowedGrowth = 20L * 1024 * 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private readonly ITestOutputHelper _output;

    public ConnectCycleTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task A_thousand_connect_stream_and_abrupt_end_cycles_leave_no_line_no_stream_actor_and_no_memory_growth()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var address = desk.Front.Address.ToString();
        var lines = new HashSet<int>();
        long baseline = 0;
        var clock = Stopwatch.StartNew();

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            if (cycle == Warmup) baseline = Settled();
            // Three gateway messages a cycle (the connect's time, the line, its cancel). The desk's pacer counts them on
            // its virtual clock and the simulator (IB's 50 a second, error 100 beyond) on its manual one: both move on
            // here, while nothing is in flight and no line is open.
            await desk.Sim.AdvanceAsync(TimeSpan.FromSeconds(1));
            int line;
            try
            {
                line = await OneCycleAsync(desk, address, goesAway: cycle % 2 == 1, lines);
            }
            catch (Exception e)
            {
                // Say which cycle and which ending failed, and whether the pacer holds messages for a clock that did not move.
                var pacer = await desk.Sim.Desk.Ask<object>(new TradingDesk.Desk.Pacing.PacerMessages.GetStatus(), Wait);
                throw new InvalidOperationException($"cycle {cycle} ({(cycle % 2 == 1 ? "the client went away" : "the token was cancelled")}) failed; the pacer: {pacer}", e);
            }
            Assert.True(lines.Add(line), $"cycle {cycle}: line {line} was requested twice");
        }

        var elapsed = clock.Elapsed;
        await desk.Sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var requested = (await desk.HandledAsync<MarketDataRequest>()).Where(r => !r.Snapshot).Select(r => r.ReqId).ToHashSet();
        var cancelled = (await desk.HandledAsync<CancelMarketData>()).Select(c => c.ReqId).ToHashSet();
        Assert.Equal(Cycles, requested.Count);
        Assert.True(requested.SetEquals(cancelled), $"{requested.Count} lines requested, {cancelled.Count} cancelled, {requested.Except(cancelled).Count()} still open");
        var stopping = await StreamActorsEndAsync();
        var after = Settled();

        _output.WriteLine($"{Cycles} cycles in {elapsed.TotalSeconds:0.0} s ({elapsed.TotalMilliseconds / Cycles:0.0} ms a cycle); "
            + $"stream actors still stopping at the end: {stopping}");
        _output.WriteLine($"managed memory after {Warmup} cycles: {baseline / 1024.0 / 1024.0:0.00} MB; after {Cycles}: {after / 1024.0 / 1024.0:0.00} MB; "
            + $"growth {(after - baseline) / 1024.0 / 1024.0:0.00} MB");
        Assert.True(after - baseline < AllowedGrowth, $"managed memory grew by {(after - baseline) / 1024.0 / 1024.0:0.00} MB over {Cycles - Warmup} cycles");
    }

    // Connect, stream AAPL up to its first tick, then end it abruptly: cancel the token (even cycles) or drop the client
    // without cancelling anything (odd cycles: the client process going away). Returns once the gateway saw the line's
    // cancel, so the next cycle opens a new line (and gets its first ticks) instead of joining this one.
    private static async Task<int> OneCycleAsync(GrpcDesk desk, string address, bool goesAway, HashSet<int> earlier)
    {
        var client = await DeskClient.ConnectAsync(address, GrpcDesk.TraderToken);
        using var leave = new CancellationTokenSource();
        var stream = client.MarketData(Aapl, cancellationToken: leave.Token).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Wait), "the stream ended before its first tick");
                if (stream.Current is MarketTick) break;
            }
            var line = await desk.Sim.RequestReadAsync<MarketDataRequest>(r => !r.Snapshot && !earlier.Contains(r.ReqId), Wait);

            if (goesAway) client.Dispose();
            else await leave.CancelAsync();

            await desk.Sim.RequestReadAsync<CancelMarketData>(c => c.ReqId == line.ReqId, Wait);
            return line.ReqId;
        }
        finally
        {
            await stream.DisposeAsync();
            client.Dispose();
        }
    }

    // Every stream actor the front still has must stop: one may still be on its way out (its PostStop unsubscribed,
    // which let the gateway see the cancel, before the guardian removed it). Returns how many were on their way.
    private async Task<int> StreamActorsEndAsync()
    {
        var guardian = (ActorRefWithCell)((ExtendedActorSystem)Sys).Guardian;
        var streams = guardian.Children.Where(c => c.Path.Name.StartsWith("grpc-stream-", StringComparison.Ordinal)).ToList();
        var watcher = CreateTestProbe();
        foreach (var stream in streams)
        {
            watcher.Watch(stream);
            await watcher.ExpectTerminatedAsync(stream, Wait);
        }
        return streams.Count;
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
