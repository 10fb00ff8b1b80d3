using Akka.Actor;
using Akka.Dispatch.SysMsg;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>
/// Ownership that outlives the strategy's node and the desk itself: the owner in orderRef, a desk without memory
/// learning orders and fills at its first connect, replay on registration, cancel-on-disconnect, bindings.
/// </summary>
public sealed class OrderOwnershipTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private static readonly StrategyId Maker = new("maker");

    [Theory]
    [InlineData("maker", null, "td:maker")]
    [InlineData("maker", "hedge|1", "td:maker|hedge|1")]
    [InlineData("a|b\\c", "x", "td:a\\|b\\\\c|x")]
    public void The_order_ref_names_the_owner_and_parses_back_unambiguously(string strategy, string? userRef, string expected)
    {
        var text = OrderRefs.Compose(new StrategyId(strategy), userRef);
        Assert.Equal(expected, text);
        Assert.True(OrderRefs.TryParse(text, out var parsed, out var user));
        Assert.Equal((strategy, userRef), (parsed.Value, user));
        Assert.False(OrderRefs.TryParse("maker", out _, out _)); // written by someone else: no owner
        Assert.False(OrderRefs.TryParse("td:", out _, out _));
    }

    [Fact]
    public void Every_placed_order_carries_its_strategy_in_order_ref_beside_the_users_reference()
    {
        Connect(1);
        var strategy = CreateTestProbe();
        strategy.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 100, 190m) with { OrderRef = "mine" }, Maker));
        strategy.ExpectMsg<OrderEvents.OrderAccepted>();
        Assert.Equal("td:maker|mine", Sent<Tws.PlaceOrderRequest>().Order.OrderRef);
    }

    [Fact]
    public void A_desk_without_memory_learns_orders_fills_owners_and_used_ids_at_its_first_connect()
    {
        Connect(5, drainRecovery: false);
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Assert.Equal(7, exec.ExecutionFilter.ClientId);
        var open = Open(new OrderId(40), "Submitted", permId: 4040);
        open.Order.OrderRef = "td:maker";
        Inbound(open);
        Inbound(new Tws.OpenOrdersEnd());
        var fill = Exec(new OrderId(39), "e39", reqId: exec.ReqId);
        fill.Execution.OrderRef = "td:maker|x";
        Inbound(fill);
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });

        var strategy = CreateTestProbe();
        strategy.Send(Manager, new OrderCommands.RegisterStrategy(Maker));
        strategy.ExpectMsg<OrderEvents.StrategyRegistered>();
        var replayed = strategy.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Assert.Equal((new OrderId(40), Maker, OrderStatus.Submitted), (replayed.OrderId, replayed.Strategy, replayed.Order.Status));
        var filled = strategy.ExpectMsg<OrderEvents.Filled>();
        Assert.Equal((new ExecId("e39"), Maker), (filled.ExecId, filled.Strategy));
        // A filled order known only from its execution is not working: only order 40 is cancelled.
        strategy.Send(Manager, new OrderCommands.CancelStrategyOrders(Maker));
        Assert.Equal([new OrderId(40)], strategy.ExpectMsg<OrderEvents.CancelsSent>().OrderIds);
        Sent<Tws.CancelOrderRequest>();
        // nextValidId was 5: never an id at or below one the gateway already holds.
        Assert.Equal(41, Place(strategy, Maker.Value).Value);
        // Later events of a learned order go to its owner.
        Inbound(Status(new OrderId(40), "Cancelled", remaining: 100, permId: 4040));
        Assert.Equal(OrderStatus.Cancelled, strategy.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
    }

    [Fact]
    public void A_reregistration_gets_only_the_fills_its_holders_did_not_acknowledge()
    {
        Connect(1);
        var first = CreateTestProbe("first");
        first.Send(Manager, new OrderCommands.RegisterStrategy(Maker));
        first.ExpectMsg<OrderEvents.StrategyRegistered>();
        var id = Place(first, Maker.Value);
        Inbound(Exec(id, "told", shares: 40));
        Assert.Equal(new ExecId("told"), first.ExpectMsg<OrderEvents.Filled>().ExecId);
        first.Send(Manager, new OrderCommands.AcknowledgeFills(Maker, [new ExecId("told")]));
        Inbound(Exec(id, "unacknowledged", shares: 10));
        Assert.Equal(new ExecId("unacknowledged"), first.ExpectMsg<OrderEvents.Filled>().ExecId);
        // The manager's own Terminated is the signal (the test's DeathWatch may fire first).
        EventFilter.Info(contains: "the binding is released").ExpectOne(() => Sys.Stop(first.Ref));
        Inbound(Exec(id, "missed", shares: 60)); // nobody holds the id: not delivered

        var successor = CreateTestProbe("successor");
        successor.Send(Manager, new OrderCommands.RegisterStrategy(Maker));
        successor.ExpectMsg<OrderEvents.StrategyRegistered>();
        // Told to the first holder but never acknowledged (it may have died handling it), then missed by everyone.
        Assert.Equal(new ExecId("unacknowledged"), successor.ExpectMsg<OrderEvents.Filled>().ExecId);
        Assert.Equal(new ExecId("missed"), successor.ExpectMsg<OrderEvents.Filled>().ExecId);
        successor.Send(Manager, new OrderCommands.AcknowledgeFills(Maker, [new ExecId("unacknowledged"), new ExecId("missed")]));
        successor.Send(Manager, new OrderCommands.RegisterStrategy(Maker));
        successor.ExpectMsg<OrderEvents.StrategyRegistered>();
        successor.ExpectNoMsg(Quiet);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Working_orders_are_cancelled_only_when_the_holders_node_is_gone_and_it_asked_for_it(bool addressTerminated, bool cancelOnDisconnect)
    {
        Connect(1);
        var strategy = CreateTestProbe();
        strategy.Send(Manager, new OrderCommands.RegisterStrategy(Maker, cancelOnDisconnect));
        strategy.ExpectMsg<OrderEvents.StrategyRegistered>();
        var id = Place(strategy, Maker.Value);
        // What DeathWatch delivers when the watched actor's node is gone (the remote watcher's notification) or it stopped:
        // a Terminated told as a plain message is dropped by Akka unless the cell queued it from this system message.
        EventFilter.Info(contains: "the binding is released").ExpectOne(() =>
            ((IInternalActorRef)Manager).SendSystemMessage(new DeathWatchNotification(strategy.Ref, existenceConfirmed: true, addressTerminated)));
        if (addressTerminated && cancelOnDisconnect) Assert.Equal(id.Value, Sent<Tws.CancelOrderRequest>().OrderId);
        // The binding is gone either way: the bindings say so, and nothing else went to the gateway.
        Manager.Tell(new OrderCommands.GetStrategyBindings());
        Assert.Empty(ExpectMsg<OrderEvents.StrategyBindings>().Bindings);
        Pacer.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Bindings_name_each_strategy_and_the_full_path_of_its_holder_and_a_second_holder_elsewhere_is_refused()
    {
        var holder = CreateTestProbe("holder");
        holder.Send(Manager, new OrderCommands.RegisterStrategy(Maker));
        holder.ExpectMsg<OrderEvents.StrategyRegistered>();
        Manager.Tell(new OrderCommands.GetStrategyBindings());
        var binding = Assert.Single(ExpectMsg<OrderEvents.StrategyBindings>().Bindings);
        Assert.Equal(Maker, binding.Strategy);
        Assert.Equal(holder.Ref.Path.ToStringWithAddress(((ExtendedActorSystem)Sys).Provider.DefaultAddress), binding.ActorPath);

        var elsewhere = CreateTestProbe("elsewhere");
        var register = new OrderCommands.RegisterStrategy(Maker);
        elsewhere.Send(Manager, register);
        var inUse = Assert.IsType<StrategyIdInUse>(elsewhere.ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(binding.ActorPath, inUse.Holder);
    }
}
