using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The other streams carry their items: tick-by-tick trades, depth, five-second bars and PnL.</summary>
public sealed class OtherStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    [Fact]
    public async Task Tick_by_tick_depth_and_real_time_bars_stream_their_items()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var trades = desk.Client.StreamTickByTick(new W.SubscribeTickByTick { Contract = Msft, Type = W.TickByTickType.BidAsk }, GrpcDesk.Reader);
        using var depth = desk.Client.StreamMarketDepth(new W.SubscribeDepth { Contract = Msft, Rows = 5 }, GrpcDesk.Reader);
        using var bars = desk.Client.StreamRealTimeBars(new W.SubscribeRealTimeBars { Contract = Msft, WhatToShow = W.WhatToShow.Trades }, GrpcDesk.Reader);
        await trades.ResponseHeadersAsync;
        await depth.ResponseHeadersAsync;
        await bars.ResponseHeadersAsync;

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5)); // a bar is five seconds of the market's clock

        await Calls.UntilAsync(trades.ResponseStream, e => e.KindCase == W.TickByTickEvent.KindOneofCase.Tick);
        await Calls.UntilAsync(depth.ResponseStream, e => e.KindCase == W.MarketDepthEvent.KindOneofCase.Update);
        await Calls.UntilAsync(bars.ResponseStream, e => e.KindCase == W.RealTimeBarEvent.KindOneofCase.Bar);
    }

    [Fact]
    public async Task PnL_streams_for_the_account()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var account = (await desk.Client.GetAccountSummaryAsync(new W.GetAccountSummary { Tags = "NetLiquidation", Group = "All" }, GrpcDesk.Reader)).Items[0].Account;
        using var pnl = desk.Client.StreamPnL(new W.SubscribePnL { Account = account }, GrpcDesk.Reader);
        await pnl.ResponseHeadersAsync;

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
