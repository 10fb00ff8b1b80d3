using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>The monitor's view of orders that end lost or rejected, of fills and of stop outcomes.</summary>
public sealed class MonitorTests : TradingDesk.Testing.DeskTestKit
{
    private readonly IActorRef _monitor;
    private static readonly DateTimeOffset T = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    private sealed class NullDesk : ReceiveActor
    {
        public NullDesk() => ReceiveAny(_ => { });
    }

    public MonitorTests() => _monitor = Sys.ActorOf(DeskMonitor.Props(Sys.ActorOf(Props.Create(() => new NullDesk())), ["maker"]));

    private static OrderEvents.OpenOrderUpdated Open(int id) => new(new OrderSnapshot(new OrderId(id), null, 1, Contract.Stock("MSFT"), "BUY", 10, "LMT", 100m, null,
        OrderStatus.Submitted, "DU1", null, null, true, "maker", null, null, 0), new StrategyId("maker"), T);

    private async Task<DeskSnapshot> Snapshot() => await _monitor.Ask<DeskSnapshot>(new DeskMonitor.GetSnapshot(new Dictionary<string, string>()), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Lost_and_rejected_orders_leave_the_working_set_and_are_shown_with_their_reason()
    {
        _monitor.Tell(Open(17));
        _monitor.Tell(Open(18));
        _monitor.Tell(Open(19));
        Assert.Equal(3, (await Snapshot()).WorkingOrders.Count);

        _monitor.Tell(new OrderEvents.OrderLost(new OrderId(17), new StrategyId("maker"), "neither open nor completed at the gateway after a reconnect", T));
        _monitor.Tell(new OrderEvents.OrderRejected(new OrderId(18), 201, "Order rejected - reason: margin", null, T, T));
        _monitor.Tell(Open(17)); // later news of a lost order does not bring it back

        var s = await Snapshot();
        Assert.Equal([19], s.WorkingOrders.Select(w => w.OrderId.Value));
        Assert.Equal([("Rejected", 18, "201 Order rejected - reason: margin"), ("Lost", 17, "neither open nor completed at the gateway after a reconnect")],
            s.RecentProblems.Select(p => (p.Outcome, p.OrderId.Value, p.Reason)));
        var maker = Assert.Single(s.Strategies);
        Assert.Equal((3, 1, 1), (maker.Orders, maker.Lost, maker.Rejected));
    }

    [Fact]
    public async Task Awaiting_outcomes_is_answered_when_the_last_order_ends()
    {
        _monitor.Tell(Open(1));
        _monitor.Tell(Open(2));
        var answer = _monitor.Ask<DeskMonitor.Outcomes>(new DeskMonitor.AwaitOutcomes([new OrderId(1), new OrderId(2)], TimeSpan.FromSeconds(10)), TimeSpan.FromSeconds(5));
        _monitor.Tell(new OrderEvents.OrderStatusChanged(new OrderId(1), null, new StrategyId("maker"), OrderStatus.Cancelled, 0, 10, null, null, null, null, null, T));
        await Snapshot(); // the monitor has handled the cancel
        Assert.False(answer.IsCompleted);

        _monitor.Tell(new OrderEvents.OrderLost(new OrderId(2), new StrategyId("maker"), "cancel answered 135", T));

        var outcomes = await answer;
        Assert.Equal([("Cancelled", 1), ("Lost", 2)], outcomes.Orders.Select(o => (o.Outcome, o.OrderId.Value)));
        Assert.Equal("2 working orders at stop: 1 cancelled, 1 lost", new StopReport(true, outcomes.Orders, new Dictionary<string, string>()).Describe());
    }

    [Fact]
    public async Task Awaiting_outcomes_is_answered_at_its_deadline_with_the_orders_still_working()
    {
        _monitor.Tell(Open(1));
        _monitor.Tell(Open(2));
        _monitor.Tell(new DeskMonitor.AwaitOutcomes([new OrderId(1), new OrderId(2)], TimeSpan.FromSeconds(10)));
        _monitor.Tell(new OrderEvents.OrderStatusChanged(new OrderId(1), null, new StrategyId("maker"), OrderStatus.Cancelled, 0, 10, null, null, null, null, null, T));
        await Snapshot(); // the monitor has armed the deadline and handled the cancel
        Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(Quiet);

        Advance(TimeSpan.FromSeconds(1));

        var outcomes = ExpectMsg<DeskMonitor.Outcomes>();
        Assert.Equal([("Cancelled", 1), (OrderOutcome.Working, 2)], outcomes.Orders.Select(o => (o.Outcome, o.OrderId.Value)));
    }

    [Fact]
    public async Task Fills_carry_the_gateways_market_time_and_count_executions_and_filled_orders_apart()
    {
        _monitor.Tell(Open(5));
        var market = new DateTimeOffset(2026, 1, 5, 15, 0, 7, TimeSpan.Zero);
        var local = new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);
        foreach (var (exec, qty) in new[] { ("e1", 4m), ("e2", 6m) })
            _monitor.Tell(new OrderEvents.Filled(new OrderId(5), null, new ExecId(exec), new StrategyId("maker"), Contract.Stock("MSFT"), "BOT", qty, 100m, qty, 100m, "DU1", "SMART", market, local));
        _monitor.Tell(new OrderEvents.OrderStatusChanged(new OrderId(5), null, new StrategyId("maker"), OrderStatus.Filled, 10, 0, 100m, 100m, null, null, null, local));

        var s = await Snapshot();
        Assert.All(s.RecentFills, f => Assert.Equal((market, true), (f.At, f.AtIsMarketTime)));
        var maker = Assert.Single(s.Strategies);
        Assert.Equal((1, 2), (maker.FilledOrders, maker.Executions));
    }

    [Fact]
    public async Task Each_strategys_pnl_and_positions_reach_the_desks_meters_after_its_fills_and_commissions()
    {
        using var capture = new TradingDesk.Testing.Metrics.MeterCapture(TradingDesk.Desk.Telemetry.DeskMetrics.For(Sys).Meter);
        _monitor.Tell(Open(5));
        _monitor.Tell(new OrderEvents.Filled(new OrderId(5), null, new ExecId("e1"), new StrategyId("maker"), Contract.Stock("MSFT"), "BOT", 10m, 100m, 10m, 100m, "DU1", "SMART", T, T));
        _monitor.Tell(new OrderEvents.Filled(new OrderId(5), null, new ExecId("e2"), new StrategyId("maker"), Contract.Stock("MSFT"), "SLD", 4m, 101m, 6m, 100m, "DU1", "SMART", T, T));
        _monitor.Tell(new OrderEvents.CommissionReported(new OrderId(5), new ExecId("e1"), new StrategyId("maker"), 1.5m, "USD", null, T));
        var maker = Assert.Single((await Snapshot()).Strategies); // the monitor has handled all three

        capture.Observe();
        // Paid 1,000 for 10, got 404 for 4, the 6 left marked at the last price 101 (606), less 1.50 commission: 8.50.
        Assert.Equal((double)maker.Pnl, capture.Last("tradingdesk.strategy.pnl", "strategy", "maker"));
        Assert.Equal(8.5, capture.Last("tradingdesk.strategy.pnl", "strategy", "maker"));
        Assert.Equal(6, capture.Last("tradingdesk.strategy.position", "strategy", "maker"));
    }

    private static OrderEvents.Filled Fill(string exec, string symbol, string side, decimal qty, decimal price) =>
        new(new OrderId(5), null, new ExecId(exec), new StrategyId("maker"), Contract.Stock(symbol), side, qty, price, qty, price, "DU1", "SMART", T, T);

    [Fact]
    public async Task Pnl_is_split_into_the_closed_quantitys_cash_and_the_open_position_at_the_last_fill_price()
    {
        _monitor.Tell(Open(5));
        _monitor.Tell(Fill("e1", "MSFT", "BOT", 10m, 100m));
        _monitor.Tell(Fill("e2", "MSFT", "BOT", 10m, 110m)); // 20 at an average of 105
        _monitor.Tell(Fill("e3", "MSFT", "SLD", 5m, 120m)); // closes 5 at 15 over the average: 75 realised
        _monitor.Tell(new OrderEvents.CommissionReported(new OrderId(5), new ExecId("e1"), new StrategyId("maker"), 2m, "USD", null, T));
        var maker = Assert.Single((await Snapshot()).Strategies);
        // 15 left at 105 average, marked at the last fill price 120: 225 unrealised; realised 75 less 2 commission.
        Assert.Equal((73m, 225m, 298m), (maker.Realised, maker.Unrealised, maker.Pnl));
        Assert.Equal(15m, maker.Positions["MSFT"]);

        // Selling 20 crosses zero: the 15 close at 100 (5 under the average: -75), a short of 5 opens at 100.
        _monitor.Tell(Fill("e4", "MSFT", "SLD", 20m, 100m));
        maker = Assert.Single((await Snapshot()).Strategies);
        Assert.Equal((-2m, 0m, -2m), (maker.Realised, maker.Unrealised, maker.Pnl));
        // Another strategy's fill moves the mark: the short of 5 from 100 is marked at 98.
        _monitor.Tell(new OrderEvents.Filled(new OrderId(6), null, new ExecId("x1"), new StrategyId("other"), Contract.Stock("MSFT"), "BOT", 1m, 98m, 1m, 98m, "DU1", "SMART", T, T));
        maker = (await Snapshot()).Strategies.Single(s => s.Strategy == "maker");
        Assert.Equal((-2m, 10m, 8m), (maker.Realised, maker.Unrealised, maker.Pnl));
        // Buying the 5 back at 98 realises what was unrealised and leaves it flat: nothing unrealised, exactly.
        _monitor.Tell(Fill("e5", "MSFT", "BOT", 5m, 98m));
        maker = (await Snapshot()).Strategies.Single(s => s.Strategy == "maker");
        Assert.Equal((8m, 0m, 8m), (maker.Realised, maker.Unrealised, maker.Pnl));
        Assert.Empty(maker.Positions);
    }
}
