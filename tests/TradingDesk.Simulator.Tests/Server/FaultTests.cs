using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Server;
using TradingDesk.Simulator.Tests.Support;
using Xunit;

namespace TradingDesk.Simulator.Tests.Server;

/// <summary>Fault injection, driven by the test clock: nothing here sleeps.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly SimulatedClock _time = SimulatedClock.Manual(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly RecordingBackend _backend = new();
    private GatewayServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend, _time);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Drop_all_connections_closes_every_client_and_tells_the_backend()
    {
        var (a, _, _) = await TestClient.StartAsync(_server.Port, 1);
        var (b, _, _) = await TestClient.StartAsync(_server.Port, 2);
        await using var _1 = a;
        await using var _2 = b;
        _server.Faults.DropAllConnections();
        await a.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        await b.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        var closed = new[] { await _backend.Closed.Reader.ReadAsync(), await _backend.Closed.Reader.ReadAsync() };
        Assert.Equal([1, 2], closed.Order());
    }

    [Fact]
    public async Task Refused_connections_come_back_after_the_period()
    {
        var port = _server.Port;
        _server.Faults.RefuseConnections(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<SocketException>(() => TestClient.ConnectAsync(port));
        _time.Advance(TimeSpan.FromSeconds(30));
        await using var client = await TestClient.ConnectAsync(port);
        Assert.Equal(225, client.ServerVersion);
    }

    [Fact]
    public async Task A_stall_holds_replies_until_it_ends()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, 1);
        await using var _1 = client;
        _server.Faults.StallResponses(TimeSpan.FromSeconds(10));
        await client.SendAsync(new CurrentTimeRequest());
        await Assert.ThrowsAsync<TimeoutException>(() => client.ExpectAsync<CurrentTime>(timeout: TimeSpan.FromMilliseconds(300)));
        _time.Advance(TimeSpan.FromSeconds(10));
        await client.ExpectAsync<CurrentTime>();
    }

    [Theory]
    [InlineData(true, 1101)]
    [InlineData(false, 1102)]
    public async Task Connectivity_lost_then_restored_reaches_every_client(bool dataLost, int restoredCode)
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, 1);
        await using var _1 = client;
        _server.Faults.ConnectivityLost();
        _server.Faults.ConnectivityRestored(dataLost);
        Assert.Equal(-1, (await client.ExpectErrorAsync(1100)).Id);
        await client.ExpectErrorAsync(restoredCode);
    }

    [Fact]
    public async Task A_garbage_frame_is_rejected_by_the_client_and_the_stream_goes_on()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, 1);
        await using var _1 = client;
        _server.Faults.SendGarbageFrame(1);
        await client.SendAsync(new CurrentTimeRequest());
        await client.ExpectAsync<CurrentTime>();
        Assert.True(client.DecodeErrors.Reader.TryRead(out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public async Task A_truncated_frame_ends_the_connection()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, 1);
        await using var _1 = client;
        _server.Faults.SendTruncatedFrameAndClose(1);
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
    }
}
