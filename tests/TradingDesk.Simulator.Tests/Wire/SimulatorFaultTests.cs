using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>The façade's faults, driven by the manual clock.</summary>
public sealed class SimulatorFaultTests
{
    [Fact]
    public async Task Connectivity_notices_reach_the_client()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        sim.Simulator.Faults.ConnectivityLost();
        await client.ExpectErrorAsync(1100);
        sim.Simulator.Faults.ConnectivityRestored(dataLost: true);
        await client.ExpectErrorAsync(1101);
    }

    [Fact]
    public async Task Refused_connections_return_when_the_clock_passes_the_period()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Simulator.Faults.RefuseConnections(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<SocketException>(() => TestClient.ConnectAsync(sim.Simulator.Port));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(30));
        var (client, _) = await sim.ConnectAsync(1);
        Assert.True(client.ServerVersion > 0);
    }

    [Fact]
    public async Task Dropping_all_connections_closes_clients_and_ends_their_lines()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync(8);
        await client.SendAsync(new MarketDataRequest { ReqId = 1, Contract = SimHarness.Aapl });
        await client.ExpectAsync<MarketDataType>();
        var gone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        sim.Simulator.Backend.ClientClosed += id => gone.TrySetResult(id);
        sim.Simulator.Faults.DropAllConnections();
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        Assert.Equal(8, await gone.Task.WaitAsync(TestClient.DefaultTimeout));
        Assert.Equal(-1, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(8)));
    }
}

public sealed class ClientLimitTests
{
    [Fact]
    public async Task A_client_beyond_the_limit_is_refused_and_closed()
    {
        await using var sim = await SimHarness.StartAsync(configure: o => o with { MaxClients = 2 });
        await sim.ConnectAsync(1);
        await sim.ConnectAsync(2);
        await using var third = await TestClient.ConnectAsync(sim.Simulator.Port);
        await third.SendAsync(new IBApi.protobuf.StartApiRequest { ClientId = 3 });
        Assert.Equal(502, (await third.ExpectAsync<IBApi.protobuf.ErrorMessage>()).ErrorCode);
        await third.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
    }

    [Fact]
    public void The_default_limit_is_IBs_32()
    {
        Assert.Equal(32, new SimulatorOptions().MaxClients);
        Assert.Equal(32, new TradingDesk.Simulator.Server.GatewayOptions().MaxClients);
    }
}
