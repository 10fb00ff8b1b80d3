using System.Diagnostics;
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
/// 100 clients, each its own DeskClient (its own channel and HTTP/2 connection, as 100 client processes would have),
/// streaming one of 10 symbols: the desk shares one gateway line per symbol among them and releases each line once,
/// when the last of its clients leaves.
/// </summary>
[Collection(Alone.Name)]
public sealed class ManyClientsTests : DeskTestKit
{
    private const int Clients = 100;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string[] Symbols = ["AAPL", "MSFT", "TSLA", "AMZN", "GOOGL", "META", "NVDA", "AMD", "INTC", "NFLX"];
    private readonly ITestOutputHelper _output;

    public ManyClientsTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task A_hundred_clients_on_ten_symbols_get_ticks_over_ten_gateway_lines_and_their_leaving_cancels_ten()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var clock = Stopwatch.StartNew();
        var live = new StreamLive[Clients];
        var clients = new DeskClient[Clients];
        try
        {
            // Each connect asks the gateway for its time: at most 40 of them per refill of the pacer's window.
            foreach (var batch in Enumerable.Range(0, Clients).Chunk(40))
            {
                await RefillPacerAsync(desk);
                await Task.WhenAll(batch.Select(async i =>
                {
                    live[i] = new StreamLive();
                    clients[i] = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken, new DeskClientOptions { HttpHandler = live[i] });
                }));
            }
            await RefillPacerAsync(desk);
            using var leave = new CancellationTokenSource();
            var firstTicks = Enumerable.Range(0, Clients).Select(_ => new TaskCompletionSource<MarketTick>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var readers = Enumerable.Range(0, Clients)
                .Select(i => Task.Run(() => ReadAsync(clients[i], Contract.Stock(Symbols[i % Symbols.Length]), firstTicks[i], leave.Token)))
                .ToArray();

            // Every stream's headers: the desk confirmed each of the 100 subscriptions.
            await Task.WhenAll(live.Select(l => l.Headers.Task)).WaitAsync(Wait);
            var lines = new List<MarketDataRequest>();
            foreach (var symbol in Symbols) lines.Add(await desk.Sim.RequestReadAsync<MarketDataRequest>(r => !r.Snapshot && r.Contract.Symbol == symbol, Wait));
            await RefillPacerAsync(desk);
            var requested = (await desk.HandledAsync<MarketDataRequest>()).Where(r => !r.Snapshot).ToList();
            Assert.Equal(Symbols.Length, requested.Count);
            Assert.Equal(Symbols.Order(), requested.Select(r => r.Contract.Symbol).Order());

            // The first client of each line had the line's first ticks; the ones that joined it get the next ones.
            await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5));
            var ticks = await Task.WhenAll(firstTicks.Select(t => t.Task)).WaitAsync(Wait);
            Assert.All(ticks, t => Assert.True(t.Price is not null || t.Size is not null, $"a tick without a price or a size: {t}"));
            var streaming = clock.Elapsed;

            leave.Cancel();
            await Task.WhenAll(readers).WaitAsync(Wait);
            foreach (var line in lines) await desk.Sim.RequestReadAsync<CancelMarketData>(c => c.ReqId == line.ReqId, Wait);
            await RefillPacerAsync(desk);
            var cancels = await desk.HandledAsync<CancelMarketData>();
            Assert.Equal(lines.Select(l => l.ReqId).Order(), cancels.Select(c => c.ReqId).Order());
            _output.WriteLine($"{Clients} clients: connected and all streaming in {streaming.TotalMilliseconds:0} ms, all lines released after {clock.Elapsed.TotalMilliseconds:0} ms");
        }
        finally
        {
            foreach (var client in clients) client?.Dispose();
        }
    }

    // The desk's pacer counts gateway messages on its virtual clock and the simulator (IB's 50 a second, error 100
    // beyond) on its manual one: moving both on while no request is in flight gives the next burst room.
    private static Task RefillPacerAsync(GrpcDesk desk) => desk.Sim.AdvanceAsync(TimeSpan.FromSeconds(2));

    private static async Task ReadAsync(DeskClient client, ContractSpec contract, TaskCompletionSource<MarketTick> first, CancellationToken leave)
    {
        try
        {
            await foreach (var item in client.MarketData(contract, cancellationToken: leave))
                if (item is MarketTick tick) first.TrySetResult(tick);
            first.TrySetException(new InvalidOperationException($"the {contract.Symbol} stream ended"));
        }
        catch (OperationCanceledException) when (leave.IsCancellationRequested)
        {
            first.TrySetCanceled(leave);
        }
        catch (Exception e)
        {
            first.TrySetException(e);
            throw;
        }
    }

    /// <summary>The client's HTTP handler: completes <see cref="Headers"/> when a StreamMarketData call's response headers
    /// arrive, which the front sends once the desk confirmed the subscription.</summary>
    private sealed class StreamLive() : DelegatingHandler(new SocketsHttpHandler())
    {
        public TaskCompletionSource Headers { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.RequestUri!.AbsolutePath.EndsWith("/StreamMarketData", StringComparison.Ordinal)) Headers.TrySetResult();
            return response;
        }
    }
}
