using System.Threading.Channels;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using TradingDesk.Grpc.Service;
using TradingDesk.Grpc.Streams;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// A gateway's reroute notice (rerouteMktDataReq 91, rerouteMktDepthReq 92) reaches a gRPC client as an item of the
/// stream it concerns: end to end for a CFD, which the simulator reroutes to its underlying as IB does, and through a
/// probe for the desk side (it confirms the subscription and tells the stream's actor the notice, as the router tells
/// a line's subscribers) for the stream shapes and their fields.
/// </summary>
public sealed class RerouteStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly ContractSpec Cfd = new() { Symbol = "IBUS500", SecType = SecType.Cfd };

    [Fact]
    public async Task A_cfds_market_data_is_rerouted_by_the_gateway_to_its_stock_end_to_end()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var aaplCfd = new ContractSpec { Symbol = "AAPL", SecType = SecType.Cfd, Exchange = "SMART", Currency = "USD" };
        using var call = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = aaplCfd.ToWire() }, GrpcDesk.Trader);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the stream ended without the reroute");
        var e = call.ResponseStream.Current;

        Assert.Equal(W.MarketDataEvent.KindOneofCase.Rerouted, e.KindCase);
        Assert.Equal((265598, "SMART", false), (e.Rerouted.ConId, e.Rerouted.Exchange, e.Rerouted.Depth));
    }

    [Fact]
    public async Task A_rerouted_market_data_line_streams_the_notice_as_a_rerouted_item()
    {
        var shapes = new StreamShapes(new DeskWire(Sys));
        var events = await OpenAsync(new MarketDataMessages.SubscribeMarketData(Cfd), shapes.MarketData, depth: false);

        var e = await events.ReadAsync();

        Assert.Equal(W.MarketDataEvent.KindOneofCase.Rerouted, e.KindCase);
        Assert.Equal(416904, e.Rerouted.ConId);
        Assert.Equal("ARCA", e.Rerouted.Exchange);
        Assert.False(e.Rerouted.Depth);
        Assert.Equal(7, e.Rerouted.Subscription);
    }

    [Fact]
    public async Task A_rerouted_depth_line_streams_the_notice_as_a_rerouted_item()
    {
        var shapes = new StreamShapes(new DeskWire(Sys));
        var events = await OpenAsync(new MarketDataMessages.SubscribeDepth(Cfd, Rows: 5), shapes.Depth, depth: true);

        var e = await events.ReadAsync();

        Assert.Equal(W.MarketDepthEvent.KindOneofCase.Rerouted, e.KindCase);
        Assert.Equal(416904, e.Rerouted.ConId);
        Assert.True(e.Rerouted.Depth);
    }

    private async Task<ChannelReader<TEvent>> OpenAsync<TEvent>(object subscribe, StreamShape<TEvent> shape, bool depth) where TEvent : class
    {
        var desk = CreateTestProbe();
        var channel = Channel.CreateUnbounded<TEvent>();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = Sys.ActorOf(SubscriptionStreamActor<TEvent>.Props(desk, subscribe, shape, new DeskWire(Sys), channel.Writer, new StreamCredit(), subscribed, window: 8, limit: 64));
        desk.ExpectMsg(subscribe);
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(7), subscribe));
        await subscribed.Task;
        stream.Tell(new LineNotices.LineRerouted(new SubscriptionId(7), new ConId(416904), "ARCA", depth, Sys.Scheduler.Now), desk.Ref);
        return channel.Reader;
    }
}
