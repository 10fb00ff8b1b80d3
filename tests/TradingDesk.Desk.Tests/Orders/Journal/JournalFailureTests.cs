using Akka.Persistence;
using Akka.Persistence.TestKit;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders.Journal;

/// <summary>
/// A store that fails: the order manager under its supervisor (as the desk runs it) on Akka's test journal, whose writes
/// and recoveries the test turns off and on. Nothing unjournaled reaches the pacer, the strategy hears a typed failure,
/// and the desk resumes by itself once the store is back.
/// </summary>
public sealed class JournalFailureTests : DeskTestKit
{
    private const string Hocon = """
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        """;

    private static readonly StrategyId S = new("s");
    private readonly TestProbe _pacer;
    private readonly ITestJournal _journal;
    private string _current = "/user/orders";

    public JournalFailureTests(ITestOutputHelper output) : base(output, Hocon)
    {
        _pacer = CreateTestProbe("pacer");
        _journal = TestJournal.FromRef(Persistence.Instance.Apply(Sys).JournalFor(null));
    }

    [Fact]
    public async Task A_write_that_fails_sends_nothing_fails_the_order_and_the_desk_resumes_when_the_store_is_back()
    {
        var (orders, strategy) = await Online();
        await _journal.OnWrite.Fail();
        var place = Place();
        strategy.Send(orders, place);
        var failed = strategy.ExpectMsg<RequestFailed>();
        Assert.Same(place, failed.Request);
        Assert.IsType<JournalUnavailable>(failed.Failure);
        _pacer.ExpectNoMsg(Quiet); // no placeOrder for an order the journal does not hold

        // While no order manager runs, orders are refused at once (this answer also says the restart timer is armed).
        strategy.Send(orders, Place());
        Assert.Contains("restarting", Assert.IsType<JournalUnavailable>(strategy.ExpectMsg<RequestFailed>().Failure).Detail, StringComparison.Ordinal);

        await _journal.OnWrite.Pass();
        Advance(TimeSpan.FromSeconds(1));
        // The new order manager recovers, is told the connection is up, reconciles, and takes the strategy back.
        Reconcile();
        strategy.ExpectMsg<OrderEvents.StrategyRegistered>();
        strategy.Send(orders, Place());
        var accepted = strategy.ExpectMsg<OrderEvents.OrderAccepted>();
        Assert.Equal(accepted.OrderId.Value, Assert.IsType<Tws.PlaceOrderRequest>(_pacer.ExpectMsg<GatewayMessages.Outbound>().Message).OrderId);
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_at_start_is_retried_with_backoff_and_orders_are_refused_meanwhile()
    {
        // A journal with something in it (a registration), written by a desk that then stopped.
        var (first, _) = await Online();
        var watcher = CreateTestProbe();
        watcher.Watch(first);
        Sys.Stop(first);
        watcher.ExpectTerminated(first);

        await _journal.OnRecovery.Fail();
        IActorRef orders = null!;
        // The first manager's recovery fails and it stops; until the next starts, orders are refused.
        EventFilter.Warning(contains: "a new one starts in 1 s").ExpectOne(() =>
            orders = Sys.ActorOf(OrderManagerSupervisor.Props(_pacer.Ref, new OrderManagerOptions { ClientId = 7 }), "orders-again"));
        var strategy = CreateTestProbe();
        strategy.Send(orders, Place());
        Assert.IsType<JournalUnavailable>(strategy.ExpectMsg<RequestFailed>().Failure);

        await _journal.OnRecovery.Pass();
        _current = "/user/orders-again";
        orders.Tell(Connected());
        Advance(TimeSpan.FromSeconds(1));
        Reconcile();
        strategy.Send(orders, Place());
        strategy.ExpectMsg<OrderEvents.OrderAccepted>();
    }

    [Fact]
    public async Task A_strategy_that_left_is_not_registered_again_by_the_next_order_manager()
    {
        var (orders, strategy) = await Online();
        strategy.Send(orders, new OrderCommands.UnregisterStrategy(S));
        strategy.ExpectMsg(new OrderEvents.StrategyUnregistered(S));

        await _journal.OnWrite.Fail();
        var other = CreateTestProbe();
        other.Send(orders, Place());
        Assert.IsType<JournalUnavailable>(other.ExpectMsg<RequestFailed>().Failure);
        other.Send(orders, Place());
        Assert.Contains("restarting", Assert.IsType<JournalUnavailable>(other.ExpectMsg<RequestFailed>().Failure).Detail, StringComparison.Ordinal);
        // While no order manager runs, leaving is confirmed at once: nothing is being delivered.
        strategy.Send(orders, new OrderCommands.UnregisterStrategy(S));
        strategy.ExpectMsg(new OrderEvents.StrategyUnregistered(S));

        await _journal.OnWrite.Pass();
        Advance(TimeSpan.FromSeconds(1));
        Reconcile();
        other.Send(orders, new OrderCommands.GetStrategyBindings());
        Assert.Empty(other.ExpectMsg<OrderEvents.StrategyBindings>().Bindings);
        Assert.False(strategy.HasMessages); // no StrategyRegistered for a registration it withdrew
    }

    [Fact]
    public async Task Orders_queued_behind_a_write_that_fails_are_each_answered_and_none_is_sent()
    {
        var (orders, strategy) = await Online();
        await _journal.OnWrite.Fail();
        // Sent back to back: the first one's write is in flight while the others arrive, so Akka stashes them in the
        // order manager, which then stops; each still gets its answer.
        var places = Enumerable.Range(0, 3).Select(_ => Place()).ToList();
        foreach (var place in places) strategy.Send(orders, place);
        var answered = Enumerable.Range(0, places.Count).Select(_ => strategy.ExpectMsg<RequestFailed>()).ToList();
        Assert.All(answered, f => Assert.IsType<JournalUnavailable>(f.Failure));
        Assert.All(places, p => Assert.Single(answered, f => ReferenceEquals(f.Request, p)));
        _pacer.ExpectNoMsg(Quiet);
    }

    private async Task<(IActorRef Orders, TestProbe Strategy)> Online()
    {
        await _journal.OnWrite.Pass();
        var orders = Sys.ActorOf(OrderManagerSupervisor.Props(_pacer.Ref, new OrderManagerOptions { ClientId = 7 }), "orders");
        orders.Tell(Connected());
        Reconcile();
        var strategy = CreateTestProbe();
        strategy.Send(orders, new OrderCommands.RegisterStrategy(S));
        strategy.ExpectMsg<OrderEvents.StrategyRegistered>();
        return (orders, strategy);
    }

    private static OrderCommands.PlaceOrder Place() => new(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 190m), S);

    private ConnectionEvents.Connected Connected() => new(213, "20261202 18:00:00 UTC", ["DU1"], 1, false, Sys.Scheduler.Now);

    /// <summary>The first connect's reconciliation, answered empty (through the supervisor, as the router would).</summary>
    private void Reconcile()
    {
        Assert.IsType<Tws.AllOpenOrdersRequest>(_pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        var exec = Assert.IsType<Tws.ExecutionRequest>(_pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        var orders = Sys.ActorSelection(_current);
        orders.Tell(new GatewayMessages.Inbound(new Tws.OpenOrdersEnd(), Sys.Scheduler.Now));
        orders.Tell(new GatewayMessages.Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId }, Sys.Scheduler.Now));
    }
}
