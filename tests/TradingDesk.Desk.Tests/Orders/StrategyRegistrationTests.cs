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

    [Fact]
    public void A_holder_that_unregisters_is_told_nothing_more_and_its_next_registration_hears_how_its_order_ended()
    {
        Connect(nextValidId: 1);
        var holder = CreateTestProbe("holder");
        holder.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        holder.ExpectMsg<OrderEvents.StrategyRegistered>();
        var orderId = Place(holder, Id.Value);

        // Only the holder speaks for the id: another actor's request is answered and changes nothing.
        var other = CreateTestProbe("other");
        other.Send(Manager, new OrderCommands.UnregisterStrategy(Id));
        other.ExpectMsg(new OrderEvents.StrategyUnregistered(Id));
        Inbound(Status(orderId, "Submitted"));
        Assert.Equal(OrderStatus.Submitted, holder.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);

        holder.Send(Manager, new OrderCommands.UnregisterStrategy(Id));
        holder.ExpectMsg(new OrderEvents.StrategyUnregistered(Id));
        Inbound(Status(orderId, "Filled", filled: 100, remaining: 0, avg: 190));
        // A command after the status waits for its write (commands are stashed meanwhile): whatever the status told, it told by now.
        holder.Send(Manager, new OrderCommands.GetStrategyBindings());
        Assert.Empty(holder.ExpectMsg<OrderEvents.StrategyBindings>().Bindings);
        Assert.False(holder.HasMessages);

        holder.Send(Manager, new OrderCommands.RegisterStrategy(Id));
        holder.ExpectMsg<OrderEvents.StrategyRegistered>();
        var ended = holder.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Equal((orderId, OrderStatus.Filled), (ended.OrderId, ended.Status));
    }
}
