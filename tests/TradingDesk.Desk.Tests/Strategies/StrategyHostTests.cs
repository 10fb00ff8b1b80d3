using TradingDesk.Testing;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Strategies;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Strategies;

public sealed class StrategyHostTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly StrategyHostOptions HostOptions = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10), RandomFactor = 0, MaxRestarts = 2,
    };

    /// <summary>Fails on "boom"; answers "ping" with "pong" from its current incarnation.</summary>
    private sealed class Flaky : StrategyActor
    {
        public Flaky(IActorRef desk) : base(desk, new StrategyId("flaky"))
        {
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("bad tick"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    /// <summary>Buys on "buy"; forwards every order event to the report actor.</summary>
    private sealed class Trader : StrategyActor
    {
        public Trader(IActorRef desk, IActorRef report) : base(desk, new StrategyId("trader"))
        {
            ReceiveAsync<string>(async _ => report.Tell(await PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 10m))), s => s == "buy");
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("bad tick"));
            Receive<OrderEvents.IOrderEvent>(e => report.Tell(e));
        }
    }

    [Fact]
    public void A_restarted_strategy_receives_the_events_of_orders_its_previous_incarnation_placed()
    {
        var pacer = CreateTestProbe("pacer");
        var orders = Sys.ActorOf(OrderManagerActor.Props(pacer.Ref, new OrderManagerOptions()), "orders");
        orders.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, false, Sys.Scheduler.Now));
        var host = Host();
        host.Tell(new StartStrategy("trader", Props.Create(() => new Trader(orders, TestActor))), TestActor);
        ExpectMsg<StrategyStarted>();
        var lifecycle = Lifecycle();
        host.Tell(new SendToStrategy("trader", "buy"), TestActor);
        var id = ExpectMsg<OrderId>();

        host.Tell(new SendToStrategy("trader", "boom"), TestActor);
        // The host publishes RestartScheduled once the backoff timer is armed: only then may the clock move.
        var restart = lifecycle.FishForMessage<StrategyLifecycle.RestartScheduled>(_ => true);
        Assert.Equal(TimeSpan.FromSeconds(1), restart.Delay);
        Advance(restart.Delay);
        // The new incarnation registered with the order manager before it published Started.
        lifecycle.ExpectMsg<StrategyLifecycle.Started>();
        Assert.Equal(StrategyRunState.Running, StateOf(host, "trader").State);

        orders.Tell(new GatewayMessages.Inbound(new Tws.OrderStatus { OrderId = id.Value, Status = "Filled", Filled = "1", Remaining = "0" }, Sys.Scheduler.Now));
        var status = ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Equal((id, OrderStatus.Filled), (status.OrderId, status.Status));
    }

    /// <summary>The host, once it has subscribed to the lifecycle events (its PreStart ran before it answered).</summary>
    private IActorRef Host()
    {
        var host = Sys.ActorOf(StrategyHost.Props(HostOptions), "host");
        host.Tell(new GetStrategyStates(), TestActor);
        ExpectMsg<StrategyStates>();
        return host;
    }

    /// <summary>
    /// A probe for the strategies' lifecycle events. Subscribe it after <see cref="Host"/>: the host subscribed
    /// before it, so the host has every event queued before the probe sees it, and a query sent after an event the
    /// probe saw finds the host's state up to date.
    /// </summary>
    private TestProbe Lifecycle()
    {
        var probe = CreateTestProbe("lifecycle");
        Sys.EventStream.Subscribe<StrategyLifecycle.Started>(probe.Ref);
        Sys.EventStream.Subscribe<StrategyLifecycle.RestartScheduled>(probe.Ref);
        Sys.EventStream.Subscribe<StrategyLifecycle.GaveUp>(probe.Ref);
        return probe;
    }

    private StrategyState StateOf(IActorRef host, string name)
    {
        host.Tell(new GetStrategyStates(), TestActor);
        return ExpectMsg<StrategyStates>().Strategies.Single(s => s.Name == name);
    }

    [Fact]
    public void A_failing_strategy_is_restarted_after_its_backoff_and_the_host_reports_it()
    {
        var desk = CreateTestProbe("desk");
        var host = Host();
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        var lifecycle = Lifecycle();

        host.Tell(new SendToStrategy("flaky", "boom"), TestActor);
        var restart = lifecycle.FishForMessage<StrategyLifecycle.RestartScheduled>(_ => true);
        Assert.Equal((1, TimeSpan.FromSeconds(1)), (restart.Failures, restart.Delay));
        var failed = StateOf(host, "flaky");
        Assert.Equal((StrategyRunState.Restarting, 1), (failed.State, failed.FailureCount));
        Assert.Contains("bad tick", failed.LastFailure);

        Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        host.Tell(new SendToStrategy("flaky", "ping"), TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // not a moment early: the ping went to dead letters
        Advance(TimeSpan.FromMilliseconds(1)); // the first backoff
        lifecycle.ExpectMsg<StrategyLifecycle.Started>();
        var running = StateOf(host, "flaky");
        Assert.Equal((StrategyRunState.Running, 1), (running.State, running.FailureCount));
        host.Tell(new SendToStrategy("flaky", "ping"), TestActor);
        ExpectMsg("pong"); // a new incarnation answers
    }

    [Fact]
    public void A_strategy_that_keeps_failing_is_given_up_after_the_restart_limit()
    {
        var desk = CreateTestProbe("desk");
        var host = Host();
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        var lifecycle = Lifecycle();
        double[] delays = [1, 2];
        for (var i = 0; i < delays.Length; i++)
        {
            host.Tell(new SendToStrategy("flaky", "boom"), TestActor);
            var restart = lifecycle.FishForMessage<StrategyLifecycle.RestartScheduled>(_ => true);
            Assert.Equal((i + 1, TimeSpan.FromSeconds(delays[i])), (restart.Failures, restart.Delay));
            Advance(restart.Delay);
            lifecycle.ExpectMsg<StrategyLifecycle.Started>();
        }
        host.Tell(new SendToStrategy("flaky", "boom"), TestActor);
        var gaveUp = lifecycle.ExpectMsg<StrategyLifecycle.GaveUp>();
        Assert.Equal(("flaky", 3), (gaveUp.Name, gaveUp.Failures));
        var state = StateOf(host, "flaky");
        Assert.Equal((StrategyRunState.Stopped, 3), (state.State, state.FailureCount));
    }

    [Fact]
    public void A_strategy_that_fails_in_its_constructor_is_retried_with_backoff()
    {
        // One counter for every incarnation: Props.Create evaluates its arguments once, which is what this test needs.
        var attempts = new Attempts();
        var desk = CreateTestProbe("desk");
        var host = Host();
        // Subscribed before the start: the first failure (and its RestartScheduled) may come before StrategyStarted.
        var lifecycle = Lifecycle();
        host.Tell(new StartStrategy("broken", Props.Create(() => new BrokenOnce(attempts, desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        var restart = lifecycle.FishForMessage<StrategyLifecycle.RestartScheduled>(_ => true);
        Assert.Contains("no config", restart.Failure);
        Advance(restart.Delay);
        lifecycle.ExpectMsg<StrategyLifecycle.Started>();
        Assert.Equal(StrategyRunState.Running, StateOf(host, "broken").State);
        Assert.Equal(2, attempts.Count);
    }

    /// <summary>Counts constructions across incarnations.</summary>
    private sealed class Attempts
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public int Next() => Interlocked.Increment(ref _count);
    }

    /// <summary>Throws in its constructor the first time, like a strategy whose configuration is not there yet.</summary>
    private sealed class BrokenOnce : StrategyActor
    {
        public BrokenOnce(Attempts attempts, IActorRef desk) : base(desk, new StrategyId("broken"))
        {
            if (attempts.Next() == 1) throw new InvalidOperationException("no config");
        }
    }

    [Fact]
    public void Stopping_a_strategy_lets_it_leave_the_desk_and_replies_once_the_desk_confirmed_and_it_stopped()
    {
        var desk = CreateTestProbe("desk");
        var host = Host();
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        desk.Reply(new SubscriptionMessages.Subscribed(new SubscriptionId(5), "quotes"));
        host.Tell(new SendToStrategy("flaky", "ping"), TestActor);
        ExpectMsg("pong"); // the ping went after the Subscribed reply: the strategy has taken it

        host.Tell(new StopStrategy("flaky"), TestActor);
        desk.ExpectMsg(new SubscriptionMessages.Unsubscribe(new SubscriptionId(5)));
        var strategy = desk.LastSender;
        desk.ExpectMsg(new OrderCommands.UnregisterStrategy(new StrategyId("flaky")));
        // Not stopped before the desk confirms: what the desk sent before its confirmation still reaches the strategy.
        Assert.Equal(StrategyRunState.Stopping, StateOf(host, "flaky").State);
        strategy.Tell(new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(5), null), desk.Ref);
        strategy.Tell(new OrderEvents.StrategyUnregistered(new StrategyId("flaky")), desk.Ref);
        ExpectMsg(new StrategyStopped("flaky"));
        Assert.Equal(StrategyRunState.Stopped, StateOf(host, "flaky").State);

        // The name can be used again once stopped; a running name cannot.
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure);
    }

    [Fact]
    public void A_strategy_whose_desk_does_not_confirm_its_leaving_is_stopped_after_the_leave_timeout()
    {
        var desk = CreateTestProbe("desk");
        var host = Host();
        host.Tell(new StartStrategy("flaky", Props.Create(() => new Flaky(desk.Ref))), TestActor);
        ExpectMsg<StrategyStarted>();
        desk.ExpectMsg<OrderCommands.RegisterStrategy>();

        host.Tell(new StopStrategy("flaky"), TestActor);
        desk.ExpectMsg(new OrderCommands.UnregisterStrategy(new StrategyId("flaky")));
        // The leave timer is armed before the Leave is told, so once the desk has the request the clock may move.
        Advance(HostOptions.LeaveTimeout);
        ExpectMsg(new StrategyStopped("flaky"));
    }

    [Fact]
    public void StopAll_stops_every_strategy_and_answers_when_all_have_left_and_stopped()
    {
        var desk = CreateTestProbe("desk");
        var host = Host();
        foreach (var name in new[] { "a", "b", "c" })
        {
            host.Tell(new StartStrategy(name, Props.Create(() => new Flaky(desk.Ref))), TestActor);
            ExpectMsg<StrategyStarted>();
            desk.ExpectMsg<OrderCommands.RegisterStrategy>();
        }
        host.Tell(new StopAll(), TestActor);
        for (var i = 0; i < 3; i++)
        {
            var leaving = desk.ExpectMsg<OrderCommands.UnregisterStrategy>();
            desk.Reply(new OrderEvents.StrategyUnregistered(leaving.Strategy));
        }
        Assert.Equal(["a", "b", "c"], ExpectMsg<AllStopped>().Names);
        host.Tell(new GetStrategyStates(), TestActor);
        Assert.All(ExpectMsg<StrategyStates>().Strategies, s => Assert.Equal(StrategyRunState.Stopped, s.State));
    }
}
