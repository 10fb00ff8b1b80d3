using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Strategies;

/// <summary>What the strategy base class does so a strategy survives a desk failover without code of its own.</summary>
public sealed class StrategyFailoverTests(ITestOutputHelper output) : DeskTestKit(output)
{
    public sealed record SubscribeQuotes(string Symbol);

    public sealed record FailedOver(DeskFailover Failover);

    public sealed record Ended(SubscriptionMessages.SubscriptionEnded SubscriptionEnded);

    private static readonly StrategyId Id = new("failover");
    private static readonly SubscribeQuotes Quotes = new("AAPL");
    private static readonly DeskFailover Failover = new("akka.tcp://trading-desk@a:1/user/desk", "akka.tcp://trading-desk@b:1/user/desk", DateTimeOffset.UnixEpoch);

    /// <summary>Subscribes to quotes and order updates; reports fills, Resubscribed, ended subscriptions and the failover hook.</summary>
    private sealed class Strategy : StrategyActor
    {
        private readonly IActorRef _report;

        public Strategy(IActorRef desk, IActorRef report, StrategyOptions options) : base(desk, Id, options)
        {
            _report = report;
            Receive<OrderEvents.Filled>(f => report.Tell(f));
            Receive<OrderEvents.OrderLost>(l => report.Tell(l));
            Receive<OrderEvents.OrderStatusChanged>(s => report.Tell(s));
            Receive<SubscriptionMessages.Resubscribed>(r => report.Tell(r));
            Receive<string>(s => { if (s == "boom") throw new InvalidOperationException("boom"); });
        }

        protected override void OnStart()
        {
            Subscribe(Quotes);
            Subscribe(new OrderCommands.SubscribeOrderUpdates());
        }

        protected override void OnDeskFailover(DeskFailover failover) => _report.Tell(new FailedOver(failover));

        protected override void OnSubscriptionEnded(SubscriptionMessages.SubscriptionEnded ended) => _report.Tell(new Ended(ended));
    }

    /// <summary>Starts the strategy and confirms its two subscriptions as 11 (quotes) and 2^62 (order updates).</summary>
    private (IActorRef Strategy, TestProbe Desk) Start(StrategyOptions? options = null)
    {
        var desk = CreateTestProbe("desk");
        var strategy = Sys.ActorOf(Props.Create(() => new Strategy(desk.Ref, TestActor, options ?? StrategyOptions.Default)), "strategy");
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ExpectMsg(Quotes);
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(11), Quotes));
        var updates = desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(SubscriptionId.FirstOrderUpdates), updates));
        return (strategy, desk);
    }

    private static OrderEvents.Filled Fill(string execId) => new(new OrderId(5), null, new ExecId(execId), Id, null, "BOT", 1m, 10m, 1m, 10m,
        "DU1", "SMART", null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_first_registration_carries_cancel_on_disconnect()
    {
        var desk = CreateTestProbe("desk");
        Sys.ActorOf(Props.Create(() => new Strategy(desk.Ref, TestActor, new StrategyOptions { CancelOrdersOnDisconnect = true })));
        Assert.Equal(new OrderCommands.RegisterStrategy(Id, CancelOrdersOnDisconnect: true), desk.ExpectMsg<OrderCommands.RegisterStrategy>());
    }

    [Fact]
    public void On_a_failover_it_registers_again_resubscribes_under_the_ids_it_holds_then_calls_the_hook()
    {
        var (_, desk) = Start(new StrategyOptions { CancelOrdersOnDisconnect = true });
        Sys.EventStream.Publish(Failover); // the strategy subscribed in PreStart, before it registered
        Assert.Equal(new OrderCommands.RegisterStrategy(Id, CancelOrdersOnDisconnect: true), desk.ExpectMsg<OrderCommands.RegisterStrategy>());
        var resubscribes = desk.ReceiveN(2).Cast<SubscriptionMessages.Resubscribe>().ToList();
        Assert.Contains(new SubscriptionMessages.Resubscribe(new SubscriptionId(11), Quotes), resubscribes);
        Assert.Contains(new SubscriptionMessages.Resubscribe(new SubscriptionId(SubscriptionId.FirstOrderUpdates), new OrderCommands.SubscribeOrderUpdates()), resubscribes);
        Assert.Equal(Failover, ExpectMsg<FailedOver>().Failover);
    }

    [Fact]
    public void A_resubscribe_answered_under_another_id_replaces_the_held_id_and_Resubscribed_reaches_the_strategy()
    {
        var (strategy, desk) = Start();
        Sys.EventStream.Publish(Failover);
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.ReceiveN(2);
        ExpectMsg<FailedOver>();
        strategy.Tell(new SubscriptionMessages.Subscribed(new SubscriptionId(77), Quotes), desk.Ref);
        var back = new SubscriptionMessages.Resubscribed(new SubscriptionId(SubscriptionId.FirstOrderUpdates), "desk failover", DateTimeOffset.UnixEpoch);
        strategy.Tell(back, desk.Ref);
        Assert.Equal(back, ExpectMsg<SubscriptionMessages.Resubscribed>()); // bookkeeping in the base, then the strategy's own handler

        Watch(strategy);
        Sys.Stop(strategy);
        ExpectTerminated(strategy);
        var released = desk.ReceiveN(2);
        Assert.Contains(new SubscriptionMessages.Unsubscribe(new SubscriptionId(77)), released);
        Assert.Contains(new OrderCommands.UnsubscribeOrderUpdates(new SubscriptionId(SubscriptionId.FirstOrderUpdates)), released);
        desk.ExpectNoMsg(Quiet); // not the replaced id 11
    }

    [Fact]
    public void A_refused_resubscribe_ends_the_subscription_with_the_failure()
    {
        var (strategy, desk) = Start();
        Sys.EventStream.Publish(Failover);
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        var quotes = desk.ReceiveN(2).Cast<SubscriptionMessages.Resubscribe>().Single(r => r.Id == new SubscriptionId(11));
        ExpectMsg<FailedOver>();
        var refusal = new InvalidRequest("sub-11 is in use by another subscription");
        strategy.Tell(new RequestFailed(quotes, refusal), desk.Ref);
        Assert.Equal(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(11), refusal), ExpectMsg<Ended>().SubscriptionEnded);

        Watch(strategy);
        Sys.Stop(strategy);
        ExpectTerminated(strategy);
        Assert.Equal(new OrderCommands.UnsubscribeOrderUpdates(new SubscriptionId(SubscriptionId.FirstOrderUpdates)), desk.ExpectMsg<OrderCommands.UnsubscribeOrderUpdates>());
        desk.ExpectNoMsg(Quiet); // the refused one is not unsubscribed
    }

    [Fact]
    public void A_fill_is_handed_to_the_strategy_once_per_exec_id_also_across_a_restart()
    {
        var (strategy, desk) = Start();
        strategy.Tell(Fill("e1"), desk.Ref);
        strategy.Tell(Fill("e1"), desk.Ref); // the order manager's redelivery on registration, or a new desk's
        Assert.Equal(new ExecId("e1"), ExpectMsg<OrderEvents.Filled>().ExecId);
        strategy.Tell(Fill("e2"), desk.Ref);
        Assert.Equal(new ExecId("e2"), ExpectMsg<OrderEvents.Filled>().ExecId);
        // Each sighting is acknowledged once handled, the repeat too: the desk may have lost the first acknowledgement.
        Assert.Equal([new ExecId("e1")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>().ExecIds);
        Assert.Equal([new ExecId("e1")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>().ExecIds);
        Assert.Equal([new ExecId("e2")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>().ExecIds);

        strategy.Tell("boom"); // restarted in place: a new instance, the same strategy id
        desk.ExpectMsg(new SubscriptionMessages.Unsubscribe(new SubscriptionId(11)));
        desk.ExpectMsg<OrderCommands.UnsubscribeOrderUpdates>();
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        strategy.Tell(Fill("e1"), desk.Ref);
        strategy.Tell(Fill("e3"), desk.Ref);
        Assert.Equal(new ExecId("e3"), ExpectMsg<OrderEvents.Filled>().ExecId);
        ExpectNoMsg(Quiet);
        desk.ExpectMsg(Quotes); // the new instance's OnStart
        desk.ExpectMsg<OrderCommands.SubscribeOrderUpdates>();
        Assert.Equal([new ExecId("e1")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>().ExecIds);
        Assert.Equal([new ExecId("e3")], desk.ExpectMsg<OrderCommands.AcknowledgeFills>().ExecIds);
        desk.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void How_an_order_ended_is_handed_to_the_strategy_once_and_acknowledged_at_each_sighting()
    {
        var (strategy, desk) = Start();
        var lost = new OrderEvents.OrderLost(new OrderId(5), Id, "listed nowhere after the gateway restarted", DateTimeOffset.UnixEpoch);
        strategy.Tell(lost, desk.Ref);
        strategy.Tell(lost, desk.Ref); // told again at a registration: the first acknowledgement died with the desk
        Assert.Equal(lost, ExpectMsg<OrderEvents.OrderLost>());
        var working = new OrderEvents.OrderStatusChanged(new OrderId(6), null, Id, OrderStatus.Submitted, 0m, 1m, null, null, null, null, null, DateTimeOffset.UnixEpoch);
        strategy.Tell(working, desk.Ref);
        strategy.Tell(working, desk.Ref); // not an ending: handed on every time, never acknowledged
        ExpectMsg(working);
        ExpectMsg(working);
        ExpectNoMsg(Quiet);
        Assert.Equal([new OrderId(5)], desk.ExpectMsg<OrderCommands.AcknowledgeEndings>().OrderIds);
        Assert.Equal([new OrderId(5)], desk.ExpectMsg<OrderCommands.AcknowledgeEndings>().OrderIds);
        desk.ExpectNoMsg(Quiet);
    }
}
