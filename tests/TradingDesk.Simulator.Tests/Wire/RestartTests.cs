using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_keeping_state_drops_clients_and_keeps_their_orders()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>();
        await sim.Simulator.Faults.RestartKeepingStateAsync();
        Assert.Null(await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout));

        var (again, nextAgain) = await sim.ConnectAsync(1);
        Assert.True(nextAgain > next);
        await again.SendAsync(new OpenOrdersRequest());
        Assert.Equal(next, (await again.ExpectAsync<OpenOrder>()).OrderId);
    }

    [Fact]
    public async Task A_restart_losing_state_forgets_orders_and_next_valid_id_goes_back()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, _) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(700, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>();
        await sim.Simulator.Faults.RestartLosingStateAsync();
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);

        var (again, nextAgain) = await sim.ConnectAsync(1);
        Assert.True(nextAgain < 700, $"nextValidId after a state-losing restart: {nextAgain}");
        await again.SendAsync(new OpenOrdersRequest());
        Assert.IsType<OpenOrdersEnd>((await again.NextAsync()).Message);
    }

    [Fact]
    public async Task Simulator_exposes_its_connections()
    {
        await using var sim = await SimHarness.StartAsync();
        await sim.ConnectAsync(3);
        await sim.ConnectAsync(4);
        Assert.Equal(new int?[] { 3, 4 }, sim.Simulator.Connections.Select(c => c.ClientId).Order());
    }
}
