using System.Diagnostics;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Testing.Tracing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.InProcess;

/// <summary>
/// A strategy on a strategy node places an order with a desk on another node: the place command carries the
/// strategy's order.place span across the nodes, so the desk's spans of the order join the strategy's trace.
/// </summary>
public sealed class OrderTraceAcrossNodesTests(ITestOutputHelper output) : TwoBareNodes
{
    private static readonly StrategyId Id = new("traced-across");

    private sealed record Go;

    private sealed class Placer : StrategyActor
    {
        public Placer(IActorRef desk, IActorRef report) : base(desk, Id)
        {
            ReceiveAsync<Go>(async _ => report.Tell(await PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 1m))));
        }
    }

    [Fact]
    public async Task The_desk_node_receives_the_placement_under_the_strategy_nodes_span()
    {
        using var traces = new TraceCapture();
        var desk = new TestKit(DeskNode, output).CreateTestProbe("desk");
        var remoteDesk = await FromStrategyNodeAsync(desk);
        var report = new TestKit(StrategyNode, output).CreateTestProbe("report");
        var placer = StrategyNode.ActorOf(Props.Create(() => new Placer(remoteDesk, report.Ref)), "placer");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>(TimeSpan.FromSeconds(10));
        desk.Reply(new OrderEvents.StrategyRegistered(Id));

        placer.Tell(new Go());
        var place = desk.ExpectMsg<OrderCommands.PlaceOrder>(TimeSpan.FromSeconds(10));
        desk.Reply(new OrderEvents.OrderAccepted(new OrderId(7)));
        Assert.Equal(new OrderId(7), report.ExpectMsg<OrderId>(TimeSpan.FromSeconds(10)));

        var span = traces.Stopped.Single(a => a.OperationName == "order.place" && (string?)a.GetTagItem("tradingdesk.strategy") == Id.Value);
        var carried = DeskTracing.Parse(place.TraceParent);
        Assert.Equal(span.TraceId, carried.TraceId);
        Assert.Equal(span.SpanId, carried.SpanId);
        Assert.True(carried.IsRemote);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }
}
