using TradingDesk.Simulator.Server;

namespace TradingDesk.Desk.Tests.Core.Support;

/// <summary>A simulated gateway on a free loopback port with a <see cref="DeskBackend"/>.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public GatewayHarness(GatewayOptions? options = null)
    {
        Backend = new DeskBackend();
        Server = new GatewayServer((options ?? new GatewayOptions()) with { Port = 0 }, Backend);
        Server.Start();
    }

    public GatewayServer Server { get; }
    public DeskBackend Backend { get; }
    public int Port => Server.Port;

    /// <summary>Desk options pointing at this gateway, with short deadlines suited to tests.</summary>
    public DeskOptions DeskOptions(int clientId = 1) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = clientId,
        BackoffUnit = TimeSpan.FromMilliseconds(50),
        BackoffCap = TimeSpan.FromMilliseconds(400),
        PacerStatusInterval = TimeSpan.Zero,
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
