using TradingDesk.Testing;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Strategies;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Strategies;

public sealed class StrategyActorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    /// <summary>Stands for a market-data subscribe command of the desk, which the strategy does not interpret.</summary>
    public sealed record SubscribeQuotes(string Symbol);

    public sealed record Buy(decimal Quantity);

    public sealed record Bought(OrderId OrderId);

    public sealed record BuyFailed(DeskFailure Failure);

    /// <summary>Subscribes to quotes and order updates on start; buys on <see cref="Buy"/>; reports what it receives.</summary>
    private sealed class TestStrategy : StrategyActor
    {
        public TestStrategy(IActorRef desk, IActorRef report, StrategyOptions options) : base(desk, new StrategyId("test"), options)
        {
            ReceiveAsync<Buy>(async b =>
            {
                try
                {
                    var id = await PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, b.Quantity, 100m));
                    report.Tell(new Bought(id));
                }
                catch (DeskRequestException ex)
                {
                    report.Tell(new BuyFailed(ex.Failure));
                }
            });
            Receive<OrderEvents.IOrderEvent>(e => report.Tell(e));
            Receive<string>(s => { if (s == "boom") throw new InvalidOperationException("boom"); });
        }

        protected override void OnStart()
        {
            Subscribe(new SubscribeQuotes("AAPL"));
            Subscribe(new OrderCommands.SubscribeOrderUpdates());
        }
    }

    private IActorRef StartStrategy(IActorRef desk, StrategyOptions? options = null) =>
        Sys.ActorOf(Props.Create(() => new TestStrategy(desk, TestActor, options ?? StrategyOptions.Default)), "strategy");

    [Fact]
    public void On_stop_it_unsubscribes_every_subscription_it_was_confirmed_and_cancels_its_orders_when_configured()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { CancelOrdersOnStop = true });
        Assert.Equal(new StrategyId("test"), desk.ExpectMsg<OrderCommands.RegisterStrategy>().Strategy);
        var quotes = desk.ExpectMsg<SubscribeQuotes>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(11), quotes));
        var updates = desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(SubscriptionId.FirstOrderUpdates), updates));
        // A third subscription that already ended must not be unsubscribed again.
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(12), quotes));
        desk.Reply(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(12), null));
        // Stop is a system message and overtakes the replies still in the mailbox: the strategy handles them first.
        strategy.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>();

        Watch(strategy);
        Sys.Stop(strategy);
        ExpectTerminated(strategy);
        var sent = desk.ReceiveN(3);
        Assert.Contains(new SubscriptionMessages.Unsubscribe(new SubscriptionId(11)), sent);
        Assert.Contains(new OrderCommands.UnsubscribeOrderUpdates(new SubscriptionId(SubscriptionId.FirstOrderUpdates)), sent);
        Assert.Contains(new OrderCommands.CancelStrategyOrders(new StrategyId("test")), sent);
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Leaving_ends_its_subscriptions_and_unregisters_handles_what_the_desk_sent_before_confirming_and_then_stops()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { CancelOrdersOnStop = false });
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        var quotes = desk.ExpectMsg<SubscribeQuotes>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(11), quotes));
        var updates = desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(SubscriptionId.FirstOrderUpdates), updates));
        Watch(strategy);

        strategy.Tell(new StrategyActor.Leave());
        var sent = desk.ReceiveN(3);
        Assert.Contains(new SubscriptionMessages.Unsubscribe(new SubscriptionId(11)), sent);
        Assert.Contains(new OrderCommands.UnsubscribeOrderUpdates(new SubscriptionId(SubscriptionId.FirstOrderUpdates)), sent);
        Assert.Equal(new OrderCommands.UnregisterStrategy(new StrategyId("test")), sent.Last());
        // What the desk told before its confirmations is handled by the strategy, not left in a stopped mailbox.
        var status = new OrderEvents.OrderStatusChanged(new OrderId(7), null, new StrategyId("test"), OrderStatus.Submitted, 0, 5, null, null, null, null,
            null, Sys.Scheduler.Now);
        strategy.Tell(status, desk.Ref);
        strategy.Tell(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(11), null), desk.Ref);
        strategy.Tell(new OrderEvents.StrategyUnregistered(new StrategyId("test")), desk.Ref);
        ExpectMsg(status);
        // One confirmation is still missing: the strategy runs on; an Identify answered after it proves it has not stopped.
        strategy.Tell(new Identify(1));
        Assert.Equal(strategy, ExpectMsg<ActorIdentity>().Subject);
        strategy.Tell(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(SubscriptionId.FirstOrderUpdates), null), desk.Ref);
        ExpectTerminated(strategy);
        // It released everything while leaving: its stop sent nothing more (PostStop ran before Terminated was sent).
        Assert.False(desk.HasMessages);
    }

    [Fact]
    public void A_desk_failover_while_leaving_ends_the_leave_at_once_without_registering_at_the_new_desk()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { CancelOrdersOnStop = false });
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg<SubscribeQuotes>();
        desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        Watch(strategy);

        strategy.Tell(new StrategyActor.Leave());
        desk.ExpectMsg(new OrderCommands.UnregisterStrategy(new StrategyId("test")));
        strategy.Tell(new DeskFailover("old", "new", Sys.Scheduler.Now));
        ExpectTerminated(strategy);
        Assert.False(desk.HasMessages); // no RegisterStrategy or Resubscribe to the new desk
    }

    [Fact]
    public void Notices_a_strategy_does_not_handle_are_not_unhandled_messages_and_anything_else_still_is()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref);
        desk.ReceiveN(3);
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var id = new SubscriptionId(11);
        strategy.Tell(new SubscriptionMessages.Resubscribed(id, "desk failover", DateTimeOffset.UnixEpoch));
        strategy.Tell(new SubscriptionMessages.Conflated(id, TickType.Last, 3, DateTimeOffset.UnixEpoch));
        strategy.Tell(new SubscriptionMessages.SubscriptionNotice(id, 10167, "delayed data", DateTimeOffset.UnixEpoch));
        strategy.Tell(42);
        // The first unhandled message is the int: the three notices before it ended in the base class.
        Assert.Equal(42, unhandled.ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void AskDesk_returns_the_typed_reply_and_turns_RequestFailed_into_a_DeskRequestException()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref);
        desk.ReceiveN(3);
        strategy.Tell(new Buy(10));
        var place = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        Assert.Equal((new StrategyId("test"), 10m), (place.Strategy, place.Order.Quantity));
        desk.Reply(new OrderEvents.OrderAccepted(new OrderId(5)));
        ExpectMsg(new Bought(new OrderId(5)));

        strategy.Tell(new Buy(1_000_000));
        var second = desk.ExpectMsg<OrderCommands.PlaceOrder>();
        var denied = new RiskDenied("max-quantity", "too big");
        desk.Reply(new RequestFailed(second, denied));
        ExpectMsg(new BuyFailed(denied));
    }

    [Fact]
    public void An_answered_AskDesk_leaves_nothing_behind_when_its_deadline_passes()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { AskTimeout = TimeSpan.FromSeconds(3) });
        desk.ReceiveN(3);
        strategy.Tell(new Buy(10));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        desk.Reply(new OrderEvents.OrderAccepted(new OrderId(5)));
        ExpectMsg(new Bought(new OrderId(5)));
        // The TestKit's scheduler runs the deadline's callback even though it was cancelled: it must do nothing.
        Advance(TimeSpan.FromSeconds(3));
        strategy.Tell(new Buy(1));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        desk.Reply(new OrderEvents.OrderAccepted(new OrderId(6)));
        ExpectMsg(new Bought(new OrderId(6)));
    }

    [Fact]
    public void AskDesk_without_an_answer_fails_with_RequestTimedOut()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { AskTimeout = TimeSpan.FromSeconds(3) });
        desk.ReceiveN(3);
        strategy.Tell(new Buy(1));
        desk.ExpectMsg<OrderCommands.PlaceOrder>();
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(new RequestTimedOut(TimeSpan.FromSeconds(3)), ExpectMsg<BuyFailed>().Failure);
    }

    [Fact]
    public void Against_the_real_order_manager_an_asked_order_streams_its_events_to_the_strategy()
    {
        var pacer = CreateTestProbe("pacer");
        var orders = Sys.ActorOf(OrderManagerActor.Props(pacer.Ref, new OrderManagerOptions { RecoverOnStart = false }), "orders");
        orders.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 3, false, Sys.Scheduler.Now));
        var strategy = StartStrategy(orders);
        strategy.Tell(new Buy(10));
        ExpectMsg(new Bought(new OrderId(3)));
        Assert.Equal(3, Assert.IsType<Tws.PlaceOrderRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).OrderId);
        orders.Tell(new GatewayMessages.Inbound(new Tws.OrderStatus { OrderId = 3, Status = "Submitted", Filled = "0", Remaining = "10" }, Sys.Scheduler.Now));
        // Owner and order-update subscriber are the same actor: delivered once.
        Assert.Equal(OrderStatus.Submitted, ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_restart_releases_subscriptions_and_subscribes_again_without_cancelling_orders()
    {
        var desk = CreateTestProbe("desk");
        var strategy = StartStrategy(desk.Ref, new StrategyOptions { CancelOrdersOnStop = true });
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        var quotes = desk.ExpectMsg<SubscribeQuotes>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(11), quotes));
        desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        strategy.Tell("boom"); // the default strategy restarts it in place
        desk.ExpectMsg(new SubscriptionMessages.Unsubscribe(new SubscriptionId(11)));
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg<SubscribeQuotes>();
        desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
