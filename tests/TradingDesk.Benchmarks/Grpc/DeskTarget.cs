using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Grpc.Core;
using Grpc.Net.Client;
using IBApi.protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Benchmarks.Cluster;
using TradingDesk.Benchmarks.Desk;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator.Server;
using Contract = TradingDesk.Desk.Domain.Contract;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// Through the desk: the simulator's gateway server with the benchmark backend (it only notes market-data lines), a desk
/// connected to it, the gRPC front on 127.0.0.1:0 with one read-only client, and that client's StreamMarketData call
/// for one contract. A tick is a TickPrice the gateway's session sends on the line (queued to its output loop, which
/// encodes and writes it to the socket); it then crosses the desk's read loop, codec, router, line actor, the stream's
/// actor and outlet, the front's channel and Kestrel's HTTP/2 writer. Beside it, on a line of its own in the same desk,
/// an actor strategy (the cluster benchmarks' probe): the desk's path without the front, to tell the two costs apart.
/// </summary>
internal static class DeskTarget
{
    /// <param name="window">The front's StreamWindow; null keeps its default.</param>
    public static async Task<StreamTarget> StartAsync(int? window)
    {
        var backend = new BenchBackend();
        var server = new GatewayServer(new GatewayOptions { Port = 0 }, backend);
        server.Start();
        var system = BenchSystems.Create("grpc-bench");
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Connected.Latch(system, connected);
        var desk = DeskSystem.Start(system, new DeskOptions { Port = server.Port, PacerStatusInterval = TimeSpan.Zero });
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // An actor strategy on a line of its own first, so the first line the backend notes is its.
        var probeSubscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = system.ActorOf(TickProbe.Props(probeSubscribed), "probe");
        desk.Tell(new MarketDataMessages.SubscribeMarketData(Contract.Stock("MSFT")), probe);
        await probeSubscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await backend.WaitForLinesAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
        var (probeId, probeSession) = backend.Lines.First();

        var token = TradingDesk.Grpc.AccessTokens.NewToken();
        var front = await TradingDesk.Grpc.GrpcFront.StartAsync(system, desk, new TradingDesk.Grpc.GrpcFrontOptions
        {
            Listen = "127.0.0.1:0",
            StreamWindow = window ?? new TradingDesk.Grpc.GrpcFrontOptions().StreamWindow,
            Clients = [new TradingDesk.Grpc.GrpcClientOptions { Name = "bench", Strategy = "grpc-bench", TokenSha256 = TradingDesk.Grpc.AccessTokens.Hash(token), Access = TradingDesk.Grpc.GrpcAccess.ReadOnly }],
        }, NullLoggerFactory.Instance, CancellationToken.None);
        var channel = GrpcChannel.ForAddress(front.Address);
        var call = new W.TradingDesk.TradingDeskClient(channel).StreamMarketData(
            new W.SubscribeMarketData { Contract = Contract.Stock("AAPL").ToWire() }, new Metadata { { "authorization", "Bearer " + token } });
        await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(20)); // the desk confirmed the subscription
        await backend.WaitForLinesAsync(2).WaitAsync(TimeSpan.FromSeconds(20));
        var (id, session) = backend.Lines.First(l => l.Key != probeId);
        var actor = new GrpcStreams.TickPath(p => probe.Tell(new TickProbe.Arm(p)), type => probeSession.Send(Price(probeId, type)));
        return new StreamTarget(channel, call, type => session.Send(Price(id, type)), async () =>
        {
            await front.DisposeAsync();
            await system.Terminate();
            await server.DisposeAsync();
        }, actor);
    }

    private static TickPrice Price(int reqId, int tickType) =>
        new() { ReqId = reqId, TickType = tickType, Price = 101.25, Size = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), AttrMask = 0 };
}
