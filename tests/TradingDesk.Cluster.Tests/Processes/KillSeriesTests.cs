using System.Diagnostics;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Hosting;
using TradingDesk.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;
using SimClient = TradingDesk.Simulator.Orders.ClientId;
using SimExecution = TradingDesk.Simulator.Orders.Execution;
using Tws = IBApi.protobuf;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// The durable desk's crash test. Two probe strategies on a strategy node trade without pause (a market buy every few
/// ticks) through a desk node that is killed with SIGKILL twenty times at random moments and started again on the same
/// store, every fourth time by its own hand between journaling an order and writing it to the socket. With
/// <c>gatewayForgets</c> the simulated gateway also restarts losing its state four times (nextValidId starts again
/// from 1), twice while the desk is down and twice while it trades. Then the strategies stop trading, and the test
/// checks what each side recorded: no order id is used twice at the gateway, every execution the gateway reported is
/// in the journal exactly once, each strategy heard each fill of its orders exactly once, and the journal's positions
/// are the gateway's.
/// </summary>
public sealed class KillSeriesTests(ITestOutputHelper output) : ProcessClusterTest(output)
{
    private const int Iterations = 20;
    private const decimal QuantityP = 3_000m;
    private const decimal QuantityQ = 2_000m;

    [Theory]
    [InlineData("sqlite", false)]
    [InlineData("postgres", false)]
    [InlineData("sqlite", true)]
    public async Task A_desk_killed_twenty_times_loses_no_fill_delivers_each_once_and_never_reuses_an_order_id(string storeKind, bool gatewayForgets)
    {
        await using var database = storeKind == "postgres" ? await TestPostgres.CreateDatabaseAsync("desk_kill") : null;
        var storeText = database is null ? $"sqlite:{Cluster.JournalPath}" : $"postgres:{database.ConnectionString}";
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        Output.WriteLine($"kill moments from seed {seed}");

        var strategies = await Cluster.StartStrategiesAsync("strategies", $"P:AAPL+MSFT:{QuantityP}:loop", $"Q:MSFT:{QuantityQ}:loop");
        var deskPort = InProcess.ClusterNodes.FreePort();
        var forgotten = new List<SimExecution>();
        var unsent = new List<long>();
        for (var i = 1; i <= Iterations; i++)
        {
            var byHook = i % 4 == 0;
            var mark = strategies.Mark;
            var started = Stopwatch.GetTimestamp();
            var desk = await Cluster.StartDeskAsync($"desk-{i}", storeText, deskPort, byHook ? ["--die-before-send", "2"] : []);
            if (byHook)
            {
                // It recovered, reconciled and journaled two new orders; it dies before the second reaches the socket,
                // maybe before the strategies heard that the first was accepted.
                unsent.Add((await desk.WaitFor("dying", null, Wait)).Long("orderId"));
            }
            else
            {
                // This incarnation serves: it recovered, reconciled and accepted an order of the strategies.
                var accepted = await strategies.WaitFor(e => e.Is("accepted"), Wait, mark, $"an order accepted by desk {i}");
                Output.WriteLine($"desk {i}: first order accepted {Stopwatch.GetElapsedTime(started, accepted.ReadAt).TotalSeconds:0.0} s after its start");
                if (gatewayForgets && i is 7 or 17) forgotten.AddRange(await Cluster.Simulator.Faults.RestartLosingStateAsync());
                // A random moment of trading, not a wait for anything: the kill lands wherever the desk is.
                await Task.Delay(random.Next(0, 2_500));
                desk.Kill();
            }
            await desk.Exited.WaitAsync(Wait);
            Output.WriteLine($"desk {i}: up {Stopwatch.GetElapsedTime(started, desk.Events.First(e => e.Is("ready")).ReadAt).TotalSeconds:0.0} s after its start, " +
                $"dead {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s after it{(byHook ? ", by its own hand" : "")}");
            if (gatewayForgets && i is 3 or 13) forgotten.AddRange(await Cluster.Simulator.Faults.RestartLosingStateAsync());
        }

        var finalMark = strategies.Mark;
        await Cluster.StartDeskAsync("desk-last", storeText, deskPort);
        await strategies.WaitFor(e => e.Is("accepted"), Wait, finalMark, "an order accepted by the last desk");
        strategies.Send("stop-trading");
        // Each probe says "finished" once every order it heard of has filled or ended.
        foreach (var probe in new[] { "P", "Q" }) await strategies.WaitFor("finished", probe, TimeSpan.FromMinutes(2));
        // An order a desk died before sending is never sent, and its strategy hears so from the reconciliation of the
        // desk after it, which may end after the probes finished (they never heard of that order, so they do not wait
        // for it).
        foreach (var id in unsent)
            await strategies.WaitFor(e => e.Is("notice") && e.Long("orderId") == id && e.Long("code") == OrderEvents.OrderNotice.NeverSent,
                Wait, 0, $"the notice that order {id} was never sent");

        StoreLocation.TryParse(storeText, out var store, out var problem);
        var journal = await JournalReader.ReadAsync(store ?? throw new InvalidOperationException(problem), ProcessCluster.ClientId, CancellationToken.None);
        var book = journal.Book;
        var client = new SimClient(ProcessCluster.ClientId);
        var gateway = forgotten.Where(e => e.Order.ClientId == client).Concat(await Cluster.ExecutionsAsync()).ToList();
        var notices = strategies.Events.Where(e => e.Is("notice")).ToList();
        Output.WriteLine($"{Iterations} kills ({unsent.Count} between journal and socket), {forgotten.Count} executions forgotten by the gateway; " +
            $"{book.Orders.Count} orders and {book.SessionFills.Count} fills journaled, {journal.Events} events");

        // No order id used twice at the gateway. The one exception the desk documents is the same order sent again under
        // its own id after a reconnect (its strategy is told: ResentAfterReconnect).
        var placements = Cluster.Gateway.Requests.Where(r => r.ClientId == ProcessCluster.ClientId)
            .Select(r => r.Message).OfType<Tws.PlaceOrderRequest>().Select(p => (long)p.OrderId).ToList();
        var resent = notices.Where(n => n.Long("code") == OrderEvents.OrderNotice.ResentAfterReconnect).Select(n => n.Long("orderId")).ToHashSet();
        Assert.Empty(placements.GroupBy(id => id).Where(g => g.Count() > 1 && !resent.Contains(g.Key)).Select(g => g.Key));
        // An order the desk died before sending never reached the gateway (its strategy heard so: waited for above).
        Assert.All(unsent, id => Assert.DoesNotContain(id, placements));

        // Every execution the gateway reports is in the journal, exactly once, and the journal has none the gateway never
        // had. One the gateway forgot in a restart before any desk could ask for it is beyond anyone's knowing.
        var journaled = book.SessionFills.Select(f => f.ExecId.Value).ToList();
        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.Empty((await Cluster.ExecutionsAsync()).Select(e => e.ExecId.Value).Except(journaled));
        Assert.Empty(journaled.Except(gateway.Select(e => e.ExecId.Value)));
        if (!gatewayForgets) Assert.Equal(gateway.Select(e => e.ExecId.Value).Order(), journaled.Order());
        Assert.NotEmpty(journaled);

        // Each strategy heard each fill of its orders exactly once.
        foreach (var probe in new[] { "P", "Q" })
        {
            var heard = strategies.Events.Where(e => e.Is("fill", probe)).Select(e => e.Str("execId")).ToList();
            var owned = book.SessionFills.Where(f => book.Orders[f.OrderId].Strategy == new StrategyId(probe)).Select(f => f.ExecId.Value);
            Assert.Equal(heard.Count, heard.Distinct().Count());
            Assert.Equal(owned.Order(), heard.Order());
        }
        Assert.All(book.SessionFills, f => Assert.NotNull(book.Orders[f.OrderId].Strategy));

        // The journal's positions are the gateway's, as its account holds them (a gateway that forgot its state holds
        // only what it filled since).
        if (!gatewayForgets)
        {
            var positions = book.SessionFills.GroupBy(f => book.Orders[f.OrderId].Contract?.Symbol ?? f.Contract?.Symbol ?? "?")
                .ToDictionary(g => g.Key, g => g.Sum(f => f.Side == "BOT" ? f.Quantity : -f.Quantity));
            var held = await Cluster.Simulator.InvokeAsync(m => m.Positions().ToDictionary(p => p.Contract.Symbol, p => p.Position.Quantity));
            Assert.Equal(held.OrderBy(p => p.Key), positions.OrderBy(p => p.Key));
        }
    }
}
