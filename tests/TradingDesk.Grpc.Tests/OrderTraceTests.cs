using System.Diagnostics;
using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using TradingDesk.Testing.Tracing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>A gRPC client's placement is its order's root span at the front, under the trace the client names.</summary>
public sealed class OrderTraceTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.PlaceOrder Resting() => new() { Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Limit(OrderAction.Buy, 10, 1m).ToWire() };

    private static (ActivityTraceId Trace, ActivitySpanId Parent, string Header) ClientSpan()
    {
        var (trace, parent) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        return (trace, parent, $"00-{trace}-{parent}-01");
    }

    [Fact]
    public async Task The_traceparent_header_of_a_placement_is_the_parent_of_the_orders_spans()
    {
        using var traces = new TraceCapture();
        await using var desk = await GrpcDesk.StartAsync(this);
        var (trace, parent, header) = ClientSpan();
        var headers = GrpcDesk.Trader;
        headers.Add("traceparent", header);

        await desk.Client.PlaceOrderAsync(Resting(), headers);

        var spans = traces.Stopped.Where(a => a.TraceId == trace).ToList();
        var place = Assert.Single(spans, a => a.OperationName == "order.place");
        Assert.Equal((ActivityKind.Server, parent), (place.Kind, place.ParentSpanId));
        Assert.Equal("grpc-trader", place.GetTagItem("tradingdesk.strategy"));
        Assert.Equal(place.SpanId, Assert.Single(spans, a => a.OperationName == "order.desk").ParentSpanId);
    }

    [Fact]
    public async Task A_trace_parent_in_the_request_wins_over_the_header_and_a_malformed_one_counts_as_none()
    {
        using var traces = new TraceCapture();
        await using var desk = await GrpcDesk.StartAsync(this);
        var (fromBody, _, body) = ClientSpan();
        var (fromHeader, _, header) = ClientSpan();
        var headers = GrpcDesk.Trader;
        headers.Add("traceparent", header);

        var inBody = Resting();
        inBody.TraceParent = body;
        await desk.Client.PlaceOrderAsync(inBody, headers);
        Assert.Contains(traces.Stopped, a => a.OperationName == "order.desk" && a.TraceId == fromBody);

        var malformed = Resting();
        malformed.TraceParent = "not-a-traceparent";
        await desk.Client.PlaceOrderAsync(malformed, headers); // ignored as W3C asks: the order is placed all the same
        Assert.Contains(traces.Stopped, a => a.OperationName == "order.desk" && a.TraceId == fromHeader);
    }
}
