using System.Diagnostics;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator;
using TradingDesk.Testing.Tracing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Telemetry;

/// <summary>
/// An order's life as one trace, against the simulator over TCP: the strategy's placement, the order manager's risk
/// gate and journal, the pacer, the socket write, the gateway's acknowledgement and each fill.
/// </summary>
public sealed class OrderTraceTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(15))
{
    private sealed record Go;

    private sealed class Buyer : StrategyActor
    {
        public Buyer(IActorRef desk, StrategyId id, IActorRef report) : base(desk, id)
        {
            ReceiveAsync<Go>(async _ => report.Tell(await PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 100), referencePrice: 200m)));
            Receive<OrderEvents.Filled>(report.Tell);
        }
    }

    [Fact]
    public async Task A_filled_order_is_one_trace_from_the_strategy_through_risk_journal_pacer_and_socket_to_its_ack_and_fills()
    {
        using var traces = new TraceCapture();
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 11, Start = SimulatorOptions.DefaultManualStart }); // in regular hours whenever the test runs
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();

        var strategy = $"traced-{Guid.NewGuid():N}";
        var report = CreateTestProbe();
        var buyer = Sys.ActorOf(Props.Create(() => new Buyer(desk, new StrategyId(strategy), report.Ref)));
        buyer.Tell(new Go());
        var order = report.ExpectMsg<OrderId>();
        var fill = report.ExpectMsg<OrderEvents.Filled>(TimeSpan.FromSeconds(10));
        Assert.Equal(order, fill.OrderId);

        var trace = traces.TraceOf("order.place", "tradingdesk.strategy", strategy);
        Activity Span(string name) => Assert.Single(trace, a => a.OperationName == name);
        var place = Span("order.place");
        var atDesk = Span("order.desk");
        Assert.Equal(ActivityKind.Producer, place.Kind);
        Assert.Equal(place.SpanId, atDesk.ParentSpanId);
        foreach (var name in new[] { "order.risk", "order.journal", "order.pacer", "order.socket", "order.ack" })
            Assert.Equal(atDesk.SpanId, Span(name).ParentSpanId);
        Assert.Equal("PlaceOrderRequest", Span("order.socket").GetTagItem("tradingdesk.message"));
        Assert.Equal((long)order.Value, Convert.ToInt64(Span("order.ack").GetTagItem("tradingdesk.order_id")));

        // In the order it happened: the gateway answered after the write, which followed the journal and the risk gate.
        Assert.True(Span("order.risk").StartTimeUtc <= Span("order.journal").StartTimeUtc);
        Assert.True(EndOf(Span("order.journal")) <= Span("order.pacer").StartTimeUtc);
        Assert.True(EndOf(Span("order.pacer")) <= Span("order.ack").StartTimeUtc);

        var fills = trace.Where(a => a.OperationName == "order.fill").ToList();
        Assert.Contains(fills, f => (string?)f.GetTagItem("tradingdesk.exec_id") == fill.ExecId.Value);
        Assert.All(fills, f => Assert.Equal(atDesk.SpanId, f.ParentSpanId));
        Assert.All(trace, a => Assert.NotEqual(ActivityStatusCode.Error, a.Status));
    }

    [Fact]
    public void A_placement_from_another_process_joins_its_trace_and_a_refusal_at_the_gate_ends_it_there_with_the_reason()
    {
        using var traces = new TraceCapture();
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = 1, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        var (traceId, parent) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        // The desk has no gateway (nothing listens on port 1): the gate refuses every order.
        desk.Tell(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1), new StrategyId("remote"))
        {
            TraceParent = $"00-{traceId}-{parent}-01",
        }, TestActor);
        var failure = ExpectMsg<RequestFailed>().Failure;

        var trace = traces.Stopped.Where(a => a.TraceId == traceId).ToList();
        var atDesk = Assert.Single(trace, a => a.OperationName == "order.desk");
        Assert.Equal(parent, atDesk.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, atDesk.Status);
        var risk = Assert.Single(trace, a => a.OperationName == "order.risk");
        Assert.Equal(ActivityStatusCode.Error, risk.Status);
        Assert.Equal(failure.ToString(), risk.StatusDescription);
        Assert.DoesNotContain(trace, a => a.OperationName is "order.journal" or "order.pacer");
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    public void A_malformed_traceparent_is_ignored_and_the_desk_starts_the_order_trace(string malformed)
    {
        Assert.Equal(default, DeskTracing.Parse(malformed));
        Assert.Equal(default, DeskTracing.Parse(null));
        var valid = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";
        Assert.Equal(valid[3..35], DeskTracing.Parse(valid).TraceId.ToHexString());
    }

    private static DateTime EndOf(Activity a) => a.StartTimeUtc + a.Duration;
}
