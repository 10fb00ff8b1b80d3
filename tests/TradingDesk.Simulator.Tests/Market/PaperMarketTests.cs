using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Market;

public sealed class PaperMarketTests
{
    [Fact]
    public void What_if_reports_margin_and_commission_without_trading()
    {
        var m = new TestMarket();
        var before = m.Market.State;
        var q = m.Quote();
        var result = m.Market.WhatIf(Ticket(OrderAction.Buy, 1_000, OrderType.Market));
        Assert.Null(result.RejectReason);
        Assert.Equal(5m, result.Commission);
        Assert.Equal(0m, result.InitMarginBefore);
        Assert.Equal(q.Ask * 1_000m * 0.5m, result.InitMarginAfter);
        Assert.Equal(result.InitMarginAfter - result.InitMarginBefore, result.InitMarginChange);
        Assert.Equal(q.Ask * 1_000m * 0.25m, result.MaintMarginAfter);
        Assert.Equal(1_000_000m, result.EquityWithLoanBefore);
        Assert.True(result.EquityWithLoanChange < 0);
        Assert.Same(before, m.Market.State);
        Assert.Empty(m.Market.Executions());
        Assert.NotNull(m.Market.WhatIf(Ticket(OrderAction.Buy, 1_000_000, OrderType.Market)).RejectReason);
        Assert.NotNull(m.Market.WhatIf(Ticket(OrderAction.Buy, -5, OrderType.Market)).RejectReason);
    }

    [Fact]
    public void Executions_filter_by_client_time_symbol_sectype_exchange_and_side()
    {
        var m = new TestMarket();
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        m.Advance(TimeSpan.FromMinutes(1));
        var later = m.Clock.GetUtcNow();
        m.Place(Ticket(OrderAction.Sell, 100, OrderType.Market), new ClientId(2));
        m.Place(Ticket(OrderAction.Buy, 1, OrderType.Market, es.ConId));
        Assert.Equal(3, m.Market.Executions().Count);
        Assert.Single(m.Market.Executions(new ExecutionFilter { ClientId = new ClientId(2) }));
        Assert.Equal(2, m.Market.Executions(new ExecutionFilter { Since = later }).Count);
        Assert.Equal(2, m.Market.Executions(new ExecutionFilter { Symbol = "aapl" }).Count);
        Assert.Single(m.Market.Executions(new ExecutionFilter { SecType = SecType.Future }));
        Assert.Single(m.Market.Executions(new ExecutionFilter { Exchange = "CME" }));
        Assert.Single(m.Market.Executions(new ExecutionFilter { Side = OrderAction.Sell }));
        Assert.Empty(m.Market.Executions(new ExecutionFilter { Symbol = "MSFT" }));
    }

    [Fact]
    public void Same_seed_and_commands_give_identical_events_and_a_different_seed_does_not()
    {
        static List<string> Run(long seed)
        {
            var m = new TestMarket(seed: seed);
            m.Place(Ticket(OrderAction.Buy, 5_000, OrderType.Market));
            m.Place(Ticket(OrderAction.Sell, 100, OrderType.TrailingStop) with { AuxPrice = 0.3m });
            m.Advance(TimeSpan.FromMinutes(30));
            return m.Events.Select(e => e switch
            {
                ExecutionOccurred x => $"{x.Time:O} fill {x.Execution.Order} {x.Execution.Shares}@{x.Execution.Price} {x.Execution.ExecId}",
                OrderChanged c => $"{c.Time:O} {c.Order.Key} {c.Order.Status} {c.Order.Filled}",
                _ => e.ToString()!,
            }).ToList();
        }
        var a = Run(42);
        Assert.Equal(a, Run(42));
        Assert.NotEqual(a, Run(43));
    }

    [Fact]
    public void Runs_from_the_same_start_issue_other_perm_and_exec_ids_under_another_id_epoch_and_the_same_under_the_same()
    {
        static (PermId Perm, ExecId Exec) Fill(DateTimeOffset? idEpoch)
        {
            var m = new TestMarket(idEpoch: idEpoch);
            m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
            var fill = m.Market.Executions().Single();
            return (fill.PermId, fill.ExecId);
        }
        var monday = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        var first = Fill(monday);
        Assert.Equal(first, Fill(monday));
        var second = Fill(monday.AddMinutes(3));
        Assert.NotEqual(first.Perm, second.Perm);
        Assert.NotEqual(first.Exec, second.Exec);
        // Without one, ids follow the market's start: a seed and a start give the same ids every run.
        Assert.Equal(Fill(null), Fill(null));
    }

    [Fact]
    public void Snapshot_restore_keeps_state_and_reset_loses_it()
    {
        var m = new TestMarket();
        var low = m.Quote().Bid - 20m;
        m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        var (working, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = low });
        var snapshot = m.Market.Snapshot();
        var execId = m.Market.Executions().Single().ExecId;

        m.Market.Reset();
        Assert.Empty(m.Market.OpenOrders());
        Assert.Empty(m.Market.Executions());
        Assert.Empty(m.Market.Positions());
        Assert.Equal(1_000_000m, m.Market.AccountValues(AccountId.Default).TotalCashValue);
        Assert.Equal(1, m.Market.NextValidOrderId().Value);

        m.Market.Restore(snapshot);
        Assert.Equal(working, m.Market.OpenOrders().Single().Key.OrderId);
        Assert.Single(m.Market.Positions());
        Assert.Equal(3, m.Market.NextValidOrderId().Value);

        // After a reset, even within the same second, exec ids and perm ids do not repeat those from before.
        var permIds = m.Market.State.Orders.Values.Select(o => o.PermId).ToHashSet();
        m.Market.Reset();
        m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.NotEqual(execId, m.Market.Executions().Single().ExecId);
        Assert.DoesNotContain(m.Market.State.Orders.Values.Single().PermId, permIds);
    }

    [Fact]
    public void Queries_read_the_price_engine_at_the_clock()
    {
        var m = new TestMarket();
        Assert.Equal(m.Market.Prices.GetQuote(Aapl, m.Clock.GetUtcNow()), m.Market.GetQuote(Aapl));
        Assert.Equal(10, m.Market.GetDepth(Aapl, 10).Asks.Count);
        Assert.Equal(new DateOnly(2026, 11, 18), m.Market.GetDayStats(Aapl).TradingDate);
        var bar = m.Market.GetLatestRealtimeBar(Aapl, TradingDesk.Simulator.Market.WhatToShow.Trades);
        Assert.Equal(m.Clock.GetUtcNow().AddSeconds(-5), bar!.Time);
        Assert.Equal(m.Quote().Last, bar.Close);
        m.Clock.SetTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)); // Sunday
        Assert.Null(m.Market.GetLatestRealtimeBar(Aapl, TradingDesk.Simulator.Market.WhatToShow.Trades));
    }
}
