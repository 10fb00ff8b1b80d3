using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Support;

/// <summary>A simulator on port 0 with a manual clock, and helpers to connect started clients to it.</summary>
internal sealed class SimHarness : IAsyncDisposable
{
    private readonly List<TestClient> _clients = [];

    private SimHarness(GatewaySimulator simulator) => Simulator = simulator;

    public GatewaySimulator Simulator { get; }

    /// <summary>The versions the issue asks every version-dependent behaviour to be tested at.</summary>
    public static TheoryData<int> Versions => new() { 176, 193, 200, 203, 213, 225 };

    public static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };
    public const int AaplConId = 265598;

    public static async Task<SimHarness> StartAsync(int maxVersion = 225, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Port = 0, Seed = 42, MaxVersion = maxVersion, ClockMode = ClockMode.Manual,
            Accounts = ["DU111111", "DU222222"],
            // The manual clock stands still between Advance calls; IB's 50/s limit would count a whole test as one second.
            MaxMessagesPerSecond = 10_000,
        };
        return new SimHarness(await GatewaySimulator.StartAsync(configure?.Invoke(options) ?? options));
    }

    /// <summary>Connects, sends startApi and waits for nextValidId; the farm notices (last: 2158) are consumed too.</summary>
    public async Task<(TestClient Client, int NextValidId)> ConnectAsync(int clientId)
    {
        var (client, next, _) = await TestClient.StartAsync(Simulator.Port, clientId);
        await client.ExpectErrorAsync(2158);
        _clients.Add(client);
        return (client, next);
    }

    public async Task<TestClient> ClientAsync(int clientId = 1) => (await ConnectAsync(clientId)).Client;

    public Task AdvanceAsync(TimeSpan by) => Simulator.AdvanceAsync(by);

    /// <summary>
    /// A round trip through the gateway's loop: once currentTime is back, every request the client sent before
    /// has been handled (requests are handled in arrival order). Use before advancing the clock.
    /// </summary>
    public static async Task RoundTripAsync(TestClient client)
    {
        await client.SendAsync(new CurrentTimeRequest());
        await client.ExpectAsync<CurrentTime>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients) await c.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
