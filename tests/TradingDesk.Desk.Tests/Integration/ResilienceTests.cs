using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>
/// The whole desk against the whole simulator (paper market behind the gateway), while the gateway drops every
/// connection twenty times during streaming and order flow. What users of other IB libraries lose at a reconnect
/// must survive here: the stream resumes, no order id is reused, every fill reaches its owner exactly once.
/// </summary>
public sealed class ResilienceTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15))
{
    private const int Drops = 20;
    private readonly List<OrderEvents.Filled> _fills = [];

    [Fact]
    public async Task Twenty_drops_during_streaming_and_order_flow_lose_nothing_and_repeat_nothing()
    {
        // Real time from a Tuesday 11:00 New York, so market orders fill during the regular session.
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 11, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Port = sim.Port, ClientId = 5, PacerStatusInterval = TimeSpan.Zero,
            BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();

        var strategy = CreateTestProbe();
        strategy.Send(desk, new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")));
        var line = strategy.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Await<MarketDataMessages.Tick>(strategy, t => t.Subscription == line);

        var orderIds = new List<OrderId>();
        for (var drop = 1; drop <= Drops; drop++)
        {
            // Odd rounds: the fill arrives before the drop. Even rounds: the drop follows the order at once, so its
            // fill may be lost with the connection and must come back through the desk's reconciliation, once.
            var id = Place(desk, strategy);
            orderIds.Add(id);
            if (drop % 2 == 1) Await<OrderEvents.Filled>(strategy, f => f.OrderId == id);

            sim.Faults.DropAllConnections();
            connected.ExpectMsg<ConnectionEvents.Connected>(c => c.IsReconnect, hint: $"reconnect after drop {drop}");
            Await<SubscriptionMessages.Resubscribed>(strategy, r => r.Id == line);
            Await<MarketDataMessages.Tick>(strategy, t => t.Subscription == line);
            if (drop % 2 == 0 && _fills.All(f => f.OrderId != id)) Await<OrderEvents.Filled>(strategy, f => f.OrderId == id);
        }
        // One more order after the last reconnect: by the time its fill arrives, any execution the desk re-requested
        // while reconciling has come back and been filtered.
        orderIds.Add(PlaceAndAwaitFill(desk, strategy));

        Assert.Equal(Drops + 1, orderIds.Count);
        Assert.Equal(orderIds.Count, orderIds.Distinct().Count());
        Assert.True(orderIds.Zip(orderIds.Skip(1)).All(pair => pair.Item1.Value < pair.Item2.Value), $"order ids went backwards: {string.Join(",", orderIds)}");
        Assert.Equal(_fills.Count, _fills.Select(f => f.ExecId).Distinct().Count()); // no fill delivered twice
        Assert.Equal(orderIds, _fills.Select(f => f.OrderId).Distinct());            // every order's fill reached its owner
        var executed = await sim.InvokeAsync(market => market.Executions().Count);
        Assert.Equal(executed, _fills.Count);                                       // and nothing the gateway filled is missing
        Assert.Equal(Drops + 1, executed);                                          // one share, one execution, per order
    }

    private OrderId Place(IActorRef desk, TestProbe strategy)
    {
        strategy.Send(desk, new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 1), new StrategyId("resilience")));
        return Await<OrderEvents.OrderAccepted>(strategy, _ => true).OrderId;
    }

    private OrderId PlaceAndAwaitFill(IActorRef desk, TestProbe strategy)
    {
        var id = Place(desk, strategy);
        Await<OrderEvents.Filled>(strategy, f => f.OrderId == id);
        return id;
    }

    // Fishes for a message, keeping every fill that passes by so none is missed while waiting for something else.
    private T Await<T>(TestProbe probe, Func<T, bool> match) where T : class
    {
        var deadline = DateTime.UtcNow + TestKitSettings.SingleExpectDefault;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            Assert.True(remaining > TimeSpan.Zero, $"no {typeof(T).Name} within {TestKitSettings.SingleExpectDefault}");
            var message = probe.ReceiveOne(remaining);
            if (message is OrderEvents.Filled fill) _fills.Add(fill);
            if (message is T typed && match(typed)) return typed;
        }
    }
}
