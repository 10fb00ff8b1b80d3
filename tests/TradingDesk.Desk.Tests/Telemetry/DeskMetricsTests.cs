using Akka.Actor;
using ContractDataRequest = IBApi.protobuf.ContractDataRequest;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Strategies;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Testing.Metrics;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Telemetry;

/// <summary>The pacer's meters on the test clock: what it sent per priority, how long each waited, what is queued.</summary>
public sealed class PacerMetricsTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static ConnectionEvents.Connected Up() => new(225, "", ["DU1"], 1, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_pacer_counts_what_it_sent_per_priority_with_the_time_each_waited_and_shows_its_queue()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        var connection = CreateTestProbe();
        var pacer = Sys.ActorOf(PacerActor.Props(new DeskOptions { PacerStatusInterval = TimeSpan.Zero }));
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 1 }, OutboundPriority.Data));
        pacer.Tell(new GatewayMessages.Outbound(new ContractDataRequest { ReqId = 2 }, OutboundPriority.Data));
        pacer.Tell(new GatewayMessages.Outbound(new CancelOrderRequest { OrderId = 7 }, OutboundPriority.Order));
        pacer.Tell(PacerMessages.GetStatus.Instance, TestActor);
        ExpectMsg<PacerStatus>();

        capture.Observe();
        Assert.Equal(1, capture.Last("tradingdesk.pacer.queue.length", "priority", "order"));
        Assert.Equal(2, capture.Last("tradingdesk.pacer.queue.length", "priority", "data"));
        Assert.Equal(0, capture.Last("tradingdesk.pacer.queue.length", "priority", "historical"));
        Assert.Empty(capture.Of("tradingdesk.gateway.messages.sent"));

        Advance(TimeSpan.FromSeconds(3));
        pacer.Tell(Up(), connection.Ref);
        for (var i = 0; i < 3; i++) connection.ExpectMsg<GatewayMessages.Write>();

        Assert.Equal(1, capture.Sum("tradingdesk.gateway.messages.sent", "priority", "order"));
        Assert.Equal(2, capture.Sum("tradingdesk.gateway.messages.sent", "priority", "data"));
        Assert.All(capture.Of("tradingdesk.pacer.wait"), wait => Assert.Equal(3.0, wait.Value, precision: 6));
        Assert.Equal(3, capture.Of("tradingdesk.pacer.wait").Count);
        capture.Observe();
        Assert.Equal(0, capture.Last("tradingdesk.pacer.queue.length", "priority", "data"));
    }

    [Fact]
    public void Two_desks_in_one_process_keep_their_measurements_apart()
    {
        using var other = ActorSystem.Create("other-desk");
        Assert.NotSame(DeskMetrics.For(Sys).Meter, DeskMetrics.For(other).Meter);
        Assert.Equal(DeskMetrics.MeterName, DeskMetrics.For(other).Meter.Name);
        Assert.Contains(DeskMetrics.For(other).Meter.Tags!, t => t.Key == "desk.system" && (string?)t.Value == "other-desk");
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        DeskMetrics.For(other).Reconnects.Add(1);
        Assert.Empty(capture.Of("tradingdesk.gateway.reconnects"));
    }
}

/// <summary>
/// The desk against the simulator over TCP: ticks counted in and out per line, their latency to a strategy, and a
/// dropped connection counted as a reconnect with its time away.
/// </summary>
public sealed class DeskMetricsSimulatorTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(15))
{
    private sealed class TickForwarder : StrategyActor
    {
        public TickForwarder(IActorRef desk, IActorRef report) : base(desk, new StrategyId("metrics"))
        {
            Receive<MarketDataMessages.Tick>(tick => report.Tell(tick));
        }

        protected override void OnStart() => Subscribe(new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
    }

    [Fact]
    public async Task Ticks_are_counted_per_line_timed_to_the_strategy_and_a_drop_counts_as_a_reconnect()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Port = sim.Port, ClientId = 6, PacerStatusInterval = TimeSpan.Zero,
            BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        capture.Observe();
        Assert.Equal(1, capture.Last("tradingdesk.gateway.connected"));

        // Two subscribers on one line: each tick in is two ticks out.
        var ticks = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new TickForwarder(desk, ticks.Ref)));
        var probe = CreateTestProbe();
        probe.Send(desk, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        var line = probe.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        probe.FishForMessage(m => m is MarketDataMessages.Tick t && t.Subscription == line);
        ticks.ExpectMsg<MarketDataMessages.Tick>();
        await capture.WhenAsync(m => m.Instrument == "tradingdesk.tick.latency");
        await capture.WhenAsync(m => m.Instrument == "tradingdesk.ticks.delivered" && m.Value == 2);

        capture.Observe();
        Assert.Equal(1, capture.Last("tradingdesk.lines.active", "kind", "mkt")); // two subscribers, one line

        var lines = capture.Of("tradingdesk.ticks.received").Select(m => m.Tags["line"]).Distinct().ToList();
        var only = Assert.Single(lines);
        // The strategy had the line alone for its first ticks (one out per tick in), then shared it (two out).
        var (received, delivered) = (capture.Sum("tradingdesk.ticks.received", "line", only), capture.Sum("tradingdesk.ticks.delivered", "line", only));
        Assert.InRange(delivered, received + 1, received * 2);
        Assert.All(capture.Of("tradingdesk.tick.latency"), l => Assert.InRange(l.Value, 0, 5));
        Assert.True(capture.Sum("tradingdesk.gateway.messages.sent", "priority", "data") >= 1);
        Assert.Empty(capture.Of("tradingdesk.gateway.reconnects"));

        probe.Send(desk, new SubscriptionMessages.Unsubscribe(line));
        probe.FishForMessage(m => m is SubscriptionMessages.SubscriptionEnded e && e.Id == line);
        capture.Observe();
        Assert.Equal(1, capture.Last("tradingdesk.lines.active", "kind", "mkt")); // the strategy still holds it

        sim.Faults.DropAllConnections();
        connected.ExpectMsg<ConnectionEvents.Connected>(c => c.IsReconnect);
        Assert.Equal(1, capture.Sum("tradingdesk.gateway.reconnects"));
        var away = Assert.Single(capture.Of("tradingdesk.gateway.disconnected.time"));
        Assert.InRange(away.Value, 0.0, 15.0);
        capture.Observe();
        Assert.Equal(1, capture.Last("tradingdesk.gateway.connected"));
    }
}
