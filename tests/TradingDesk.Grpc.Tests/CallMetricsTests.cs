using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Testing;
using TradingDesk.Testing.Metrics;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The front's meters: every call counted with its status (refusals too), unary calls timed, open streams kept.</summary>
public sealed class CallMetricsTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private const string Calls = "tradingdesk.grpc.calls";

    [Fact]
    public async Task Unary_calls_are_counted_with_their_status_and_timed_refusals_included()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        await using var desk = await GrpcDesk.StartAsync(this);

        await desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Trader);
        await Assert.ThrowsAsync<RpcException>(async () => await desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Bearer("not-a-token")));
        var order = new W.PlaceOrder { Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Limit(OrderAction.Buy, 1, 1m).ToWire() };
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await desk.Client.PlaceOrderAsync(order, GrpcDesk.Reader));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var time = capture.Of(Calls, "method", "GetCurrentTime");
        Assert.Equal(["OK", "Unauthenticated"], time.Select(m => (string)m.Tags["status"]!).Order());
        Assert.Equal("PermissionDenied", Assert.Single(capture.Of(Calls, "method", "PlaceOrder")).Tags["status"]);
        Assert.Equal(3, capture.Of("tradingdesk.grpc.call.duration").Count);
        Assert.All(capture.Of("tradingdesk.grpc.call.duration"), d => Assert.True(d.Value > 0));
    }

    [Fact]
    public async Task An_open_stream_is_counted_while_open_and_as_cancelled_when_its_client_leaves()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        await using var desk = await GrpcDesk.StartAsync(this);

        var stream = desk.Client.StreamTickByTick(new W.SubscribeTickByTick { Contract = Contract.Stock("MSFT").ToWire(), Type = W.TickByTickType.BidAsk }, GrpcDesk.Reader);
        await stream.ResponseHeadersAsync;
        await capture.WhenAsync(m => m.Instrument == "tradingdesk.grpc.streams.active" && m.Value == 1);
        Assert.Empty(capture.Of(Calls, "method", "StreamTickByTick"));

        stream.Dispose(); // the client cancels the call
        await capture.WhenAsync(m => m.Instrument == Calls && Equals(m.Tags["method"], "StreamTickByTick"));
        Assert.Equal("Cancelled", Assert.Single(capture.Of(Calls, "method", "StreamTickByTick")).Tags["status"]);
        Assert.Equal(0, capture.Sum("tradingdesk.grpc.streams.active", "method", "StreamTickByTick"));
    }
}
