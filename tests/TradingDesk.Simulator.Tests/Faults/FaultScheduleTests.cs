using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Faults;

/// <summary>Scheduled faults fire on the simulator's clock: the manual clock here, so nothing waits for real time.</summary>
public sealed class FaultScheduleTests
{
    private static Task<SimHarness> StartAsync(params string[] faults) =>
        SimHarness.StartAsync(configure: o => o with { ScheduledFaults = faults.Select(FaultGrammar.Parse).ToList() });

    [Fact]
    public async Task Drop_every_closes_every_connection_each_period_and_not_before()
    {
        await using var sim = await StartAsync("drop-every 30s");
        var (client, _) = await sim.ConnectAsync(1);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(29));
        await SimHarness.RoundTripAsync(client); // still connected just before the period
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);

        var (again, _) = await ConnectAgainAsync(sim, 1);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(30));
        await again.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
    }

    [Fact]
    public async Task Refuse_stops_listening_at_its_time_for_its_length()
    {
        await using var sim = await StartAsync("refuse 10s at 20s");
        await sim.AdvanceAsync(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<SocketException>(() => TestClient.ConnectAsync(sim.Simulator.Port));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        var (client, _) = await sim.ConnectAsync(1);
        Assert.True(client.ServerVersion > 0);
    }

    [Fact]
    public async Task Connectivity_notices_reach_connected_clients_at_their_times()
    {
        await using var sim = await StartAsync("1100 at 40s", "1101 at 50s");
        var client = await sim.ClientAsync();
        var fired = new List<string>();
        sim.Simulator.Schedule.Fired += f => { lock (fired) fired.Add(f.Text); };
        await sim.AdvanceAsync(TimeSpan.FromSeconds(40));
        await client.ExpectErrorAsync(1100);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        await client.ExpectErrorAsync(1101);
        lock (fired) Assert.Equal(["1100 at 40s", "1101 at 50s"], fired);
    }

    [Fact]
    public async Task Reject_orders_at_start_rejects_the_first_new_order_with_201()
    {
        await using var sim = await StartAsync("reject-orders");
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        Assert.Equal(201, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
        await client.SendAsync(Order(next + 1, "BUY", "100", "LMT", limit: 100.00));
        Assert.Equal("PreSubmitted", (await client.ExpectAsync<OrderStatus>(s => s.OrderId == next + 1)).Status);
    }

    [Fact]
    public async Task Restart_forget_drops_clients_and_sends_next_valid_id_back()
    {
        await using var sim = await StartAsync("restart-forget at 60s");
        var (client, _) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(400, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == 400);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(60));
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        var (_, next) = await ConnectAgainAsync(sim, 1);
        Assert.True(next < 400, $"nextValidId after restart-forget: {next}");
    }

    [Fact]
    public async Task Restart_keep_drops_clients_and_keeps_their_orders()
    {
        await using var sim = await StartAsync("restart-keep at 60s");
        var (client, _) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(400, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == 400);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(60));
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        var (_, next) = await ConnectAgainAsync(sim, 1);
        Assert.Equal(401, next);
        Assert.Single(await sim.Simulator.InvokeAsync(m => m.OpenOrders()));
    }

    [Fact]
    public async Task Stall_holds_responses_until_its_length_has_passed()
    {
        await using var sim = await StartAsync("stall 5s at 30s");
        var client = await sim.ClientAsync();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(30));
        await client.SendAsync(new CurrentTimeRequest());
        await Assert.ThrowsAsync<TimeoutException>(() => client.ExpectAsync<CurrentTime>(timeout: TimeSpan.FromMilliseconds(300)));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        await client.ExpectAsync<CurrentTime>();
    }

    [Fact]
    public async Task Garbage_and_truncate_reach_the_named_client()
    {
        await using var sim = await StartAsync("garbage 4 at 1s", "truncate 4 at 2s");
        var client = await sim.ClientAsync(4);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await client.DecodeErrors.Reader.ReadAsync().AsTask().WaitAsync(TestClient.DefaultTimeout);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
    }

    [Fact]
    public async Task Every_firing_is_logged()
    {
        var log = new RecordingLoggerFactory();
        await using var sim = await SimHarness.StartAsync(configure: o => o with
        {
            ScheduledFaults = [FaultGrammar.Parse("drop-every 30s")],
            Loggers = log,
        });
        Assert.Contains(log.Lines, l => l.Contains("fault 'drop-every 30s' scheduled: at 30s, then every 30s"));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(log.Lines, l => l.Contains("fault 'drop-every 30s' (#1): closing every connection"));
        Assert.Contains(log.Lines, l => l.Contains("fault 'drop-every 30s' (#2): closing every connection"));
    }

    // The gateway closed the old session before the client saw EOF, so the client id is free again (no 326).
    private static Task<(TestClient Client, int NextValidId)> ConnectAgainAsync(SimHarness sim, int clientId) =>
        sim.ConnectAsync(clientId);
}
