using Akka.TestKit;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders.Journal;

public sealed class RecoveryOnMemoryTests(ITestOutputHelper output) : RecoveryTests(output, JournalStore.Create(JournalStore.Memory), snapshots: false);

public sealed class RecoveryOnSqliteTests(ITestOutputHelper output) : RecoveryTests(output, JournalStore.Create(JournalStore.Sqlite), snapshots: false);

public sealed class RecoveryOnPostgresTests(ITestOutputHelper output) : RecoveryTests(output, JournalStore.Create(JournalStore.Postgres), snapshots: false);

/// <summary>The same rules when recovery starts from a snapshot taken every other event, with the events behind it deleted.</summary>
public sealed class RecoveryFromSnapshotsOnSqliteTests(ITestOutputHelper output) : RecoveryTests(output, JournalStore.Create(JournalStore.Sqlite), snapshots: true);

public sealed class RecoveryFromSnapshotsOnPostgresTests(ITestOutputHelper output) : RecoveryTests(output, JournalStore.Create(JournalStore.Postgres), snapshots: true);

/// <summary>
/// The rules of recovery (issue: a durable desk, section 2), each on every store: the order manager is stopped and a new
/// one recovers from the journal, then reconciles with the gateway (the test plays it) on its first connect.
/// </summary>
public abstract class RecoveryTests : OrderManagerTestKit
{
    private static readonly StrategyId S = new("s");
    private readonly JournalStore _store;

    protected RecoveryTests(ITestOutputHelper output, JournalStore store, bool snapshots)
        : base(output, new OrderManagerOptions { ClientId = 7, SnapshotEvery = snapshots ? 2 : 0, DeleteEventsBehindSnapshots = snapshots }, store.Hocon) =>
        _store = store;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _store.Dispose();
    }

    [Fact]
    public void Order_ids_continue_from_the_journal_when_a_restarted_gateway_offers_lower_ones()
    {
        var s = Registered();
        Connect(1);
        var ids = new[] { Place(s, "s"), Place(s, "s"), Place(s, "s") };
        foreach (var id in ids) Inbound(Open(id, "Submitted", permId: 500 + id.Value));
        Assert.Equal(ids, Enumerable.Range(0, 3).Select(_ => s.ExpectMsg<OrderEvents.OpenOrderUpdated>().OrderId));

        Restart();
        // A gateway that restarted and forgot: nextValidId 1 again, and none of the orders.
        Connect(1, drainRecovery: false);
        Reconcile(open: [], completed: [], executions: []);
        var back = Registered();
        // Acknowledged orders the gateway lists nowhere are lost; the owner hears it when it is back.
        Assert.Equal(ids, Enumerable.Range(0, 3).Select(_ => back.ExpectMsg<OrderEvents.OrderLost>().OrderId));
        var next = Place(back, "s");
        Assert.Equal(ids[^1].Value + 1, next.Value);
    }

    [Fact]
    public void A_fill_in_the_journal_is_not_delivered_again_and_one_only_the_gateway_has_is_journaled_and_delivered_once()
    {
        var s = Registered();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Open(id, "Submitted", permId: 1000 + id.Value));
        s.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Inbound(Exec(id, "e1", shares: 40));
        Assert.Equal(new ExecId("e1"), s.ExpectMsg<OrderEvents.Filled>().ExecId);
        s.Send(Manager, new OrderCommands.AcknowledgeFills(S, [new ExecId("e1")]));

        Restart();
        Connect(1, drainRecovery: false);
        // The gateway reports both executions of the session; the desk died before it saw e2.
        Reconcile(open: [Open(id, "Submitted", permId: 1000 + id.Value)], completed: null, executions: ["e1", "e2"]);
        var again = Registered();
        Assert.Equal(id, again.ExpectMsg<OrderEvents.OpenOrderUpdated>().OrderId);
        Assert.Equal(new ExecId("e2"), again.ExpectMsg<OrderEvents.Filled>().ExecId);
        again.ExpectNoMsg(Quiet);
        again.Send(Manager, new OrderCommands.AcknowledgeFills(S, [new ExecId("e2")]));

        // The acknowledgement is journaled too: a desk that restarts once more sends neither fill.
        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [Open(id, "Submitted", permId: 1000 + id.Value)], completed: null, executions: ["e1", "e2"]);
        var third = Registered();
        Assert.Equal(id, third.ExpectMsg<OrderEvents.OpenOrderUpdated>().OrderId);
        third.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void An_order_journaled_but_never_seen_by_the_gateway_is_reported_as_never_sent_and_not_sent_again()
    {
        var s = Registered();
        Connect(1);
        var id = Place(s, "s"); // journaled and handed to the pacer; the desk dies before the gateway has it

        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [], completed: [], executions: []);
        Pacer.ExpectNoMsg(Quiet); // not re-sent
        var again = Registered();
        var notice = again.ExpectMsg<OrderEvents.OrderNotice>();
        Assert.Equal((id, OrderEvents.OrderNotice.NeverSent), (notice.OrderId, notice.Code));
        again.Send(Manager, new OrderCommands.CancelStrategyOrders(S));
        Assert.Empty(again.ExpectMsg<OrderEvents.CancelsSent>().OrderIds); // it is over, not working

        // Journaled as a fact: the next restart does not look for it again. The strategy never acknowledged the notice
        // (its acknowledgement died with the desk, say), so the next registration tells it again: the same event.
        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [], completed: null, executions: []);
        Pacer.ExpectNoMsg(Quiet);
        var third = Registered();
        Assert.Equal(notice, third.ExpectMsg<OrderEvents.OrderNotice>());
        third.Send(Manager, new OrderCommands.AcknowledgeEndings(S, [id]));

        // Acknowledged and journaled: a desk that restarts once more tells nothing.
        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [], completed: null, executions: []);
        var fourth = Registered();
        fourth.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void An_order_journaled_but_never_sent_is_not_sent_by_a_reconnect_that_cut_the_first_reconciliation_short()
    {
        var s = Registered();
        Connect(1);
        var id = Place(s, "s"); // journaled and handed to the pacer; the desk dies before the gateway has it

        Restart();
        Connect(1, drainRecovery: false);
        // The link drops before the gateway answers the first connect's questions (a gateway restarting, say).
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Disconnect();
        Connect(1, reconnect: true);
        Reconcile(open: [], completed: [], executions: []);
        // This incarnation never sent it: it is an order a stopped desk journaled, not one a link lost.
        Pacer.ExpectNoMsg(Quiet);
        var again = Registered();
        var notice = again.ExpectMsg<OrderEvents.OrderNotice>();
        Assert.Equal((id, OrderEvents.OrderNotice.NeverSent), (notice.OrderId, notice.Code));
    }

    [Fact]
    public void An_order_the_gateway_has_and_the_journal_lacks_is_adopted_unowned_and_journaled()
    {
        var updates = CreateTestProbe();
        updates.Send(Manager, new OrderCommands.SubscribeOrderUpdates());
        updates.ExpectMsg<SubscriptionMessages.Subscribed>();
        Connect(1, drainRecovery: false);
        var fromTws = new OrderId(77);
        var open = Open(fromTws, "Submitted", permId: 9077);
        open.Order.OrderRef = "placed in TWS";
        Reconcile(open: [open], completed: null, executions: []);
        var adopted = updates.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Assert.Equal((fromTws, (StrategyId?)null), (adopted.OrderId, adopted.Strategy));

        // After a restart it is known from the journal: its id is used, and no strategy owns it.
        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [open], completed: null, executions: []);
        var s = Registered();
        s.ExpectNoMsg(Quiet);
        Assert.Equal(78, Place(s, "s").Value);
    }

    [Fact]
    public void The_owner_of_an_open_order_comes_from_the_journal_when_the_gateway_shows_no_orderRef()
    {
        var s = Registered();
        Connect(1);
        var id = Place(s, "s");
        Inbound(Status(id, "Submitted", permId: 4242));
        s.ExpectMsg<OrderEvents.OrderStatusChanged>();

        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [Open(id, "Submitted", permId: 4242)], completed: null, executions: []); // no orderRef
        var again = Registered();
        Assert.Equal((id, S), Owner(again.ExpectMsg<OrderEvents.OpenOrderUpdated>()));
        Inbound(Status(id, "Cancelled", permId: 4242));
        Assert.Equal(OrderStatus.Cancelled, again.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
    }

    [Fact]
    public void Fills_that_arrive_while_the_owner_is_away_reach_it_when_it_registers_in_order_once()
    {
        var first = Registered("first");
        Connect(1);
        var id = Place(first, "s");
        Inbound(Open(id, "Submitted", permId: 1000 + id.Value));
        first.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        // The holder stops (a backoff restart): its binding ends with the manager's Terminated.
        EventFilter.Info(contains: "the binding is released").ExpectOne(() => Sys.Stop(first.Ref));
        Inbound(Exec(id, "e1", shares: 30));
        Inbound(Exec(id, "e2", shares: 70));

        var back = Registered("back");
        back.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Assert.Equal(["e1", "e2"], new[] { back.ExpectMsg<OrderEvents.Filled>(), back.ExpectMsg<OrderEvents.Filled>() }.Select(f => f.ExecId.Value));
        back.Send(Manager, new OrderCommands.AcknowledgeFills(S, [new ExecId("e1"), new ExecId("e2")]));
        Inbound(Status(id, "Filled", filled: 100, remaining: 0, permId: 1000 + id.Value));
        Assert.Equal(OrderStatus.Filled, back.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        back.Send(Manager, new OrderCommands.AcknowledgeEndings(S, [id]));

        Restart();
        Connect(1, drainRecovery: false);
        Reconcile(open: [], completed: null, executions: ["e1", "e2"]);
        var later = Registered("later");
        later.ExpectNoMsg(Quiet);
    }

    private TestProbe Registered(string? name = null)
    {
        var probe = CreateTestProbe(name);
        probe.Send(Manager, new OrderCommands.RegisterStrategy(S));
        probe.ExpectMsg<OrderEvents.StrategyRegistered>();
        return probe;
    }

    private static (OrderId, StrategyId?) Owner(OrderEvents.OpenOrderUpdated u) => (u.OrderId, u.Strategy);

    /// <summary>
    /// Plays the gateway's side of the first connect's reconciliation: the open orders, the session's executions (for
    /// order 1 unless the exec id says otherwise), and, when <paramref name="completed"/> is not null, the completed
    /// orders the desk asks for when orders it thought working are not open.
    /// </summary>
    private void Reconcile(Tws.OpenOrder[] open, Tws.CompletedOrder[]? completed, string[] executions)
    {
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        foreach (var o in open) Inbound(o);
        Inbound(new Tws.OpenOrdersEnd());
        foreach (var e in executions) Inbound(Exec(new OrderId(1), e, shares: 10, reqId: exec.ReqId));
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });
        if (completed is null) return;
        Sent<Tws.CompletedOrdersRequest>(OutboundPriority.Data);
        foreach (var c in completed) Inbound(c);
        Inbound(new Tws.CompletedOrdersEnd());
    }
}
