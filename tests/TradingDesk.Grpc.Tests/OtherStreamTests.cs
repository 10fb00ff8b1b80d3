using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The other streams carry their items: tick-by-tick, depth, five-second bars and PnL. The desk confirms a subscription
/// before its request has reached the simulator, so each test moves the market only once the simulator has the request.
/// </summary>
public sealed class OtherStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    [Fact]
    public async Task Tick_by_tick_streams_its_ticks()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var trades = desk.Client.StreamTickByTick(new W.SubscribeTickByTick { Contract = Msft, Type = W.TickByTickType.BidAsk }, GrpcDesk.Reader);
        await trades.ResponseHeadersAsync;
        await desk.Sim.RequestReadAsync<IBApi.protobuf.TickByTickRequest>(); // the market step must find the line at the simulator

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5));

        await Calls.UntilAsync(trades.ResponseStream, e => e.KindCase == W.TickByTickEvent.KindOneofCase.Tick);
    }

    [Fact]
    public async Task Depth_streams_its_updates()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var depth = desk.Client.StreamMarketDepth(new W.SubscribeDepth { Contract = Msft, Rows = 5 }, GrpcDesk.Reader);
        await depth.ResponseHeadersAsync;
        await desk.Sim.RequestReadAsync<IBApi.protobuf.MarketDepthRequest>();

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5));

        await Calls.UntilAsync(depth.ResponseStream, e => e.KindCase == W.MarketDepthEvent.KindOneofCase.Update);
    }

    [Fact]
    public async Task Real_time_bars_stream_their_bars()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var bars = desk.Client.StreamRealTimeBars(new W.SubscribeRealTimeBars { Contract = Msft, WhatToShow = W.WhatToShow.Trades }, GrpcDesk.Reader);
        await bars.ResponseHeadersAsync;
        await desk.Sim.RequestReadAsync<IBApi.protobuf.RealTimeBarsRequest>();

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5)); // a bar is five seconds of the market's clock

        await Calls.UntilAsync(bars.ResponseStream, e => e.KindCase == W.RealTimeBarEvent.KindOneofCase.Bar);
    }

    [Fact]
    public async Task PnL_streams_for_the_account()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var account = (await desk.Client.GetAccountSummaryAsync(new W.GetAccountSummary { Tags = "NetLiquidation", Group = "All" }, GrpcDesk.Reader)).Items[0].Account;
        using var pnl = desk.Client.StreamPnL(new W.SubscribePnL { Account = account }, GrpcDesk.Reader);
        await pnl.ResponseHeadersAsync;
        await desk.Sim.RequestReadAsync<IBApi.protobuf.PnLRequest>();

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5));

        await Calls.UntilAsync(pnl.ResponseStream, e => e.KindCase == W.PnLEvent.KindOneofCase.Pnl);
    }

    [Fact]
    public async Task A_stream_the_desk_refuses_ends_with_its_status()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var call = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Contract.Stock("NOSUCHSYMBOL").ToWire() }, GrpcDesk.Reader);

        var failure = await Assert.ThrowsAsync<RpcException>(() => Calls.UntilAsync(call.ResponseStream, _ => true));

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode); // the gateway's 200: no security definition
        Assert.Equal(W.Failure.KindOneofCase.GatewayError, Calls.Failure(failure).KindCase);
    }
}
