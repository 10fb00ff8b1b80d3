using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Desk.Risk;
using TradingDesk.Testing;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// A real desk against the simulator (port 0, manual market clock) in the test's actor system, the gRPC front on
/// 127.0.0.1:0 in front of it, and a client channel. Three clients: a trader, a second trader, and a read-only one.
/// The read-only client watches the trader's strategy. Every request the simulator handled is kept, so a test can say what
/// reached the gateway.
/// </summary>
internal sealed class GrpcDesk : IAsyncDisposable
{
    public static readonly string TraderToken = AccessTokens.NewToken();
    public static readonly string OtherToken = AccessTokens.NewToken();
    public static readonly string ReaderToken = AccessTokens.NewToken();

    private readonly ConcurrentQueue<IMessage> _handled;

    private GrpcDesk(SimulatorFixture sim, RunningGrpcFront front, GrpcChannel channel, ConcurrentQueue<IMessage> handled)
    {
        Sim = sim;
        Front = front;
        Channel = channel;
        Client = new W.TradingDesk.TradingDeskClient(channel);
        _handled = handled;
    }

    public SimulatorFixture Sim { get; }

    public RunningGrpcFront Front { get; }

    public GrpcChannel Channel { get; }

    public W.TradingDesk.TradingDeskClient Client { get; }

    public static Metadata Trader => Bearer(TraderToken);

    public static Metadata Other => Bearer(OtherToken);

    public static Metadata Reader => Bearer(ReaderToken);

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static GrpcFrontOptions Options => new()
    {
        Listen = "127.0.0.1:0",
        Clients =
        [
            new GrpcClientOptions { Name = "trader", Strategy = "grpc-trader", TokenSha256 = AccessTokens.Hash(TraderToken), RiskLimits = new RiskLimits { MaxOrderQuantity = 1000 } },
            new GrpcClientOptions { Name = "other", Strategy = "grpc-other", TokenSha256 = AccessTokens.Hash(OtherToken) },
            new GrpcClientOptions { Name = "reader", Strategy = "grpc-trader", TokenSha256 = AccessTokens.Hash(ReaderToken), Access = GrpcAccess.ReadOnly },
        ],
    };

    public static async Task<GrpcDesk> StartAsync(DeskTestKit kit, long seed = 1, Func<GrpcFrontOptions, GrpcFrontOptions>? front = null,
        ILoggerFactory? loggers = null, Func<SimulatorFixture, Task>? beforeFront = null)
    {
        var sim = await kit.StartSimulatorAsync(seed: seed, clientId: 3);
        var handled = new ConcurrentQueue<IMessage>();
        sim.Simulator.Server.RequestHandled += (_, request) => handled.Enqueue(request);
        if (beforeFront is not null) await beforeFront(sim);
        var options = front?.Invoke(Options) ?? Options;
        var running = await GrpcFront.StartAsync(kit.Sys, sim.Desk, options, loggers ?? NullLoggerFactory.Instance, CancellationToken.None);
        return new GrpcDesk(sim, running, GrpcChannel.ForAddress(running.Address), handled);
    }

    /// <summary>
    /// The requests of type <typeparamref name="T"/> the simulator has handled, once every request the desk had sent it
    /// before this call is handled (a round trip through the desk).
    /// </summary>
    public async Task<IReadOnlyList<T>> HandledAsync<T>() where T : IMessage
    {
        await Sim.SyncAsync();
        return [.. _handled.OfType<T>()];
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Front.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
