using Akka.TestKit;
using Grpc.Core;
using CancelMarketData = IBApi.protobuf.CancelMarketData;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using MarketDataRequest = IBApi.protobuf.MarketDataRequest;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>Market data streams share the desk's lines with every other subscriber and give their share back when the call ends.</summary>
public sealed class MarketDataStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly ContractSpec Msft = Contract.Stock("MSFT");

    [Fact]
    public async Task A_stream_receives_ticks()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var call = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);

        var first = await NextTickAsync(call);
        Assert.True(first.Subscription > 0);
        Assert.NotNull(first.Price ?? first.Size);
    }

    [Fact]
    public async Task A_stream_carries_the_lines_parameters_as_the_gateway_sent_them()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var call = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        W.LineParameters? parameters = null;
        while (parameters is null && await call.ResponseStream.MoveNext(timeout.Token))
            if (call.ResponseStream.Current.KindCase == W.MarketDataEvent.KindOneofCase.LineParameters) parameters = call.ResponseStream.Current.LineParameters;

        Assert.NotNull(parameters);
        Assert.Equal(("0.01", "9c0001", 3), (parameters.MinTick, parameters.BboExchange, parameters.SnapshotPermissions));
        Assert.True(parameters.Subscription > 0);
    }

    [Fact]
    public async Task A_stream_and_an_actor_strategy_on_one_contract_share_one_gateway_line()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var first = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);
        using var second = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Other);
        // A stream's headers come once the desk confirmed its subscription; a joiner of a running line gets the next ticks.
        await first.ResponseHeadersAsync;
        await second.ResponseHeadersAsync;
        var strategy = CreateTestProbe();
        desk.Sim.Desk.Tell(new MarketDataMessages.SubscribeMarketData(Msft), strategy.Ref);
        await strategy.ExpectMsgAsync<SubscriptionMessages.Subscribed>();

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(1));
        await NextTickAsync(first);
        await NextTickAsync(second);
        await strategy.FishForMessageAsync<MarketDataMessages.Tick>(_ => true);

        var lines = (await desk.HandledAsync<MarketDataRequest>()).Where(r => r.Contract.Symbol == "MSFT" && !r.Snapshot).ToList();
        Assert.Single(lines);
    }

    [Fact]
    public async Task Cancelling_the_only_stream_of_a_line_releases_it_at_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var call = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);
        await NextTickAsync(call);
        var line = (await desk.HandledAsync<MarketDataRequest>()).Single(r => r.Contract.Symbol == "MSFT");

        call.Dispose(); // the client cancels the call

        var cancel = await desk.Sim.RequestReadAsync<CancelMarketData>(c => c.ReqId == line.ReqId);
        Assert.Equal(line.ReqId, cancel.ReqId);
    }

    [Fact]
    public async Task A_client_that_goes_away_without_cancelling_releases_its_line()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(desk.Front.Address);
        var call = new W.TradingDesk.TradingDeskClient(channel).StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);
        await NextTickAsync(call);
        var line = Assert.Single(await desk.HandledAsync<MarketDataRequest>(), r => r.Contract.Symbol == "MSFT" && !r.Snapshot);

        channel.Dispose(); // its connection closes, as when the client process dies

        await desk.Sim.RequestReadAsync<CancelMarketData>(c => c.ReqId == line.ReqId);
    }

    [Fact]
    public async Task Cancelling_one_of_two_streams_keeps_the_line_for_the_other()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var leaving = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Trader);
        using var staying = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft.ToWire() }, GrpcDesk.Other);
        await leaving.ResponseHeadersAsync;
        await staying.ResponseHeadersAsync;
        var watcher = CreateTestProbe();
        Sys.ActorSelection("/user/grpc-stream-*").Tell(new Akka.Actor.Identify(null), watcher.Ref);
        foreach (var _ in Enumerable.Range(0, 2)) watcher.Watch((await watcher.ExpectMsgAsync<Akka.Actor.ActorIdentity>()).Subject!);

        leaving.Dispose();
        // The leaving stream's actor stopped (it told the desk Unsubscribe before); the sync in HandledAsync comes after.
        await watcher.ExpectMsgAsync<Akka.Actor.Terminated>();
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(1));
        await NextTickAsync(staying);
        Assert.Single(await desk.HandledAsync<MarketDataRequest>(), r => r.Contract.Symbol == "MSFT" && !r.Snapshot);
        Assert.Empty(await desk.HandledAsync<CancelMarketData>());
    }

    private static async Task<W.Tick> NextTickAsync(AsyncServerStreamingCall<W.MarketDataEvent> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await call.ResponseStream.MoveNext(timeout.Token))
            if (call.ResponseStream.Current.KindCase == W.MarketDataEvent.KindOneofCase.Tick) return call.ResponseStream.Current.Tick;
        throw new InvalidOperationException("the stream ended without a tick");
    }
}
