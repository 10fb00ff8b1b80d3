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
/// The whole desk against the whole simulator: an order the gateway refuses, and one the gateway forgets in a restart
/// that loses its state, each reach a terminal event at their owner and leave the working set.
/// </summary>
public sealed class OrderEndingTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15))
{
    private static readonly StrategyId Owner = new("owner");

    [Fact]
    public async Task An_order_for_an_unknown_symbol_is_rejected_to_its_owner_with_code_200_and_its_id_is_not_reused()
    {
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var (desk, _) = StartDesk(sim);
        var owner = CreateTestProbe();

        var rejectedId = Accepted(owner, desk, Contract.Stock("ZZZZ"), Order.Limit(OrderAction.Buy, 10, 10m));
        // At once: the gateway answers the placeOrder straight away, nothing waits for a timeout.
        var rejected = owner.ExpectMsg<OrderEvents.OrderRejected>(TimeSpan.FromSeconds(3));
        Assert.Equal((rejectedId, 200), (rejected.OrderId, rejected.Code));

        owner.Send(desk, new OrderCommands.CancelStrategyOrders(Owner));
        Assert.Empty(owner.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Assert.True(Accepted(owner, desk, Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 1m)).Value > rejectedId.Value);
    }

    [Fact]
    public async Task After_a_restart_that_loses_state_the_owner_gets_OrderLost_and_can_place_again()
    {
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 4, Start = SimulatorOptions.DefaultManualStart });
        var (desk, connected) = StartDesk(sim);
        var owner = CreateTestProbe();

        // A bid far below the market rests: the gateway acknowledges it and works it.
        var resting = Accepted(owner, desk, Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 1m));
        owner.FishForMessage<OrderEvents.OrderStatusChanged>(s => s.OrderId == resting && s.PermId is not null && s.Status.IsActive());

        await sim.Faults.RestartLosingStateAsync();
        connected.ExpectMsg<ConnectionEvents.Connected>(c => c.IsReconnect, hint: "reconnect after the restart");
        var lost = owner.FishForMessage<OrderEvents.OrderLost>(l => l.OrderId == resting);
        Assert.Equal(Owner, lost.Strategy);

        owner.Send(desk, new OrderCommands.CancelStrategyOrders(Owner));
        Assert.Empty(owner.FishForMessage<OrderEvents.CancelsSent>(_ => true).OrderIds);
        var again = Accepted(owner, desk, Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 1m));
        Assert.True(again.Value > resting.Value, $"order id {again} after {resting}: ids never go back");
        owner.FishForMessage<OrderEvents.OrderStatusChanged>(s => s.OrderId == again && s.Status.IsActive());
    }

    private (IActorRef Desk, TestProbe Connected) StartDesk(GatewaySimulator sim)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Port = sim.Port, ClientId = 8, PacerStatusInterval = TimeSpan.Zero,
            BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return (desk, connected);
    }

    private static OrderId Accepted(TestProbe owner, IActorRef desk, ContractSpec contract, OrderSpec order)
    {
        owner.Send(desk, new OrderCommands.PlaceOrder(contract, order, Owner));
        return owner.FishForMessage<OrderEvents.OrderAccepted>(_ => true).OrderId;
    }
}
