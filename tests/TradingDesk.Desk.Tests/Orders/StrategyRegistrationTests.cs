using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>RegisterStrategy binds a strategy id to one live actor: nobody else can take over its order events.</summary>
public sealed class StrategyRegistrationTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private static readonly StrategyId Id = new("maker");

    [Fact]
    public void A_second_live_registration_by_another_actor_is_refused_and_the_events_stay_with_the_first()
    {
        Connect(nextValidId: 1);
        var first = CreateTestProbe("first");
        first.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        first.ExpectMsg<OrderEvents.StrategyRegistered>();
        var orderId = Place(first, Id.Value);

        var intruder = CreateTestProbe("intruder");
        var register = new OrderCommands.RegisterStrategy(Id);
        intruder.Send(Manager, register);
        var refused = intruder.ExpectMsg<RequestFailed>();
        Assert.Equal(register, refused.Request);
        var inUse = Assert.IsType<StrategyIdInUse>(refused.Failure);
        Assert.Equal(Id, inUse.Strategy);
        Assert.Contains("first", inUse.Holder);

        // The same actor may register again (a restart in place).
        first.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        first.ExpectMsg<OrderEvents.StrategyRegistered>();

        Inbound(new Tws.OrderStatus { OrderId = orderId.Value, Status = "Filled", Filled = "100", Remaining = "0", AvgFillPrice = 190 });
        Assert.Equal(orderId, first.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);
        intruder.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Once_the_first_holder_died_another_actor_takes_the_id_and_its_orders_events()
    {
        Connect(nextValidId: 1);
        var first = CreateTestProbe("first");
        first.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        first.ExpectMsg<OrderEvents.StrategyRegistered>();
        var orderId = Place(first, Id.Value);
        Watch(first.Ref);
        Sys.Stop(first.Ref);
        ExpectTerminated(first.Ref);

        var successor = CreateTestProbe("successor");
        successor.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        successor.ExpectMsg<OrderEvents.StrategyRegistered>();
        Inbound(new Tws.OrderStatus { OrderId = orderId.Value, Status = "Filled", Filled = "100", Remaining = "0", AvgFillPrice = 190 });
        Assert.Equal(orderId, successor.ExpectMsg<OrderEvents.OrderStatusChanged>().OrderId);
    }
}
