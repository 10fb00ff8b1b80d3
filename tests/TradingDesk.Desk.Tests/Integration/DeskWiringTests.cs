using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>
/// The desk's front door takes only desk commands, and a desk's actors listen only to their own connection: two
/// desks in one actor system, each against its own simulator, do not drive each other.
/// </summary>
public sealed class DeskWiringTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15))
{
    private static Task<GatewaySimulator> Simulator(long seed) =>
        GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = seed, ClockMode = ClockMode.Manual, Start = SimulatorOptions.DefaultManualStart });

    private static DeskOptions DeskFor(GatewaySimulator sim, int clientId) => new()
    {
        Port = sim.Port, ClientId = clientId, PacerStatusInterval = TimeSpan.Zero,
        BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task A_fake_fill_sent_to_the_desk_is_dead_lettered_and_never_reaches_the_strategy()
    {
        await using var sim = await Simulator(21);
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, DeskFor(sim, 11));
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var strategy = CreateTestProbe("strategy");
        strategy.Send(desk, new OrderCommands.RegisterStrategy(new StrategyId("victim")));
        strategy.ExpectMsg<OrderEvents.StrategyRegistered>();
        strategy.Send(desk, new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 1m), new StrategyId("victim")));
        var id = strategy.ExpectMsg<OrderEvents.OrderAccepted>().OrderId;

        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var forger = CreateTestProbe("forger");
        var fakeFill = new GatewayMessages.Inbound(new Tws.OrderStatus { OrderId = id.Value, Status = "Filled", Filled = "1", Remaining = "0", AvgFillPrice = 1 }, DateTimeOffset.UtcNow);
        forger.Send(desk, fakeFill);
        forger.Send(desk, new ConnectionEvents.Connected(213, "", ["DU1"], 1, true, DateTimeOffset.UtcNow));
        var refused = deadLetters.FishForMessage<DeadLetter>(d => ReferenceEquals(d.Message, fakeFill));
        Assert.Equal((desk, forger.Ref), (refused.Recipient, refused.Sender));
        deadLetters.FishForMessage<DeadLetter>(d => d.Message is ConnectionEvents.Connected);

        // The order's real life at the simulator (Submitted, a working limit far below the market) goes on; the fake
        // fill never arrives. A cancel's Cancelled status is the last event: everything before it has been seen.
        strategy.Send(desk, new OrderCommands.CancelOrder(id));
        var events = new List<object>();
        while (true)
        {
            var message = strategy.ReceiveOne() ?? throw new Xunit.Sdk.XunitException("no Cancelled status within the default wait");
            events.Add(message);
            if (message is OrderEvents.OrderStatusChanged { Status: OrderStatus.Cancelled }) break;
        }
        Assert.DoesNotContain(events, e => e is OrderEvents.OrderStatusChanged { Status: OrderStatus.Filled });
        Assert.DoesNotContain(events, e => e is SubscriptionMessages.Resubscribed);
    }

    [Fact]
    public async Task Dropping_one_desks_connection_does_not_make_another_desk_resubscribe()
    {
        await using var simA = await Simulator(31);
        await using var simB = await Simulator(32);
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var deskA = DeskSystem.Start(Sys, DeskFor(simA, 12), "desk-a");
        var deskB = DeskSystem.Start(Sys, DeskFor(simB, 13), "desk-b");
        connected.ExpectMsg<ConnectionEvents.Connected>();
        connected.ExpectMsg<ConnectionEvents.Connected>();

        var a = CreateTestProbe("a");
        var b = CreateTestProbe("b");
        a.Send(deskA, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        var lineA = a.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        b.Send(deskB, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        var lineB = b.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        // A tick on each line proves its request reached its gateway: only a line that was live is re-sent after a
        // drop (with Resubscribed). Dropping earlier would race the pacer's write.
        a.FishForMessage<MarketDataMessages.Tick>(t => t.Subscription == lineA);
        b.FishForMessage<MarketDataMessages.Tick>(t => t.Subscription == lineB);

        simA.Faults.DropAllConnections();
        connected.ExpectMsg<ConnectionEvents.Connected>(c => c.IsReconnect);
        a.FishForMessage<SubscriptionMessages.Resubscribed>(r => r.Id == lineA);

        // Desk B's router would have had desk A's Connected queued when desk A's router had it. A round trip through
        // desk B's router (a second subscriber joining the line) and a line-level round trip (its unsubscribe) come
        // after anything that Connected made desk B do.
        var c2 = CreateTestProbe("c2");
        c2.Send(deskB, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        Assert.Equal(lineB, c2.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        b.Send(deskB, new SubscriptionMessages.Unsubscribe(lineB));
        var seen = new List<object>();
        while (true)
        {
            var message = b.ReceiveOne() ?? throw new Xunit.Sdk.XunitException("no SubscriptionEnded within the default wait");
            seen.Add(message);
            if (message is SubscriptionMessages.SubscriptionEnded) break;
        }
        // Ticks may still arrive (the line is live, and one fanned out before the unsubscribe overtakes it), but
        // nothing else: neither b nor the line's other subscriber was told Resubscribed.
        seen.AddRange(b.ReceiveWhile<object>(TimeSpan.FromMilliseconds(300), m => m));
        var other = c2.ReceiveWhile<object>(TimeSpan.FromMilliseconds(1), m => m);
        Assert.All(seen.SkipWhile(m => m is not SubscriptionMessages.SubscriptionEnded).Skip(1), m => Assert.IsType<MarketDataMessages.Tick>(m));
        // The joiner was told, right after its Subscribed, what the gateway said of the line as it opened; then ticks.
        Assert.IsType<MarketDataMessages.MarketDataTypeChanged>(other[0]);
        Assert.IsType<MarketDataMessages.LineParameters>(other[1]);
        Assert.All(other.Skip(2), m => Assert.IsType<MarketDataMessages.Tick>(m));
        Assert.DoesNotContain(seen, m => m is SubscriptionMessages.Resubscribed);
        deskB.Tell(Connection.ConnectionMessages.GetState.Instance, TestActor);
        Assert.Equal(ConnectionState.Connected, ExpectMsg<Connection.ConnectionMessages.StateReply>().State);
    }
}
