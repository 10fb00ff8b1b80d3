using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Executions, completed orders, positions, account summary and updates, PnL: answered from the market's state.</summary>
public sealed class AccountTests
{
    private static async Task<(SimHarness Sim, TestClient Client, int OrderId)> WithAFill(int version)
    {
        var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        return (sim, client, next);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Executions_are_answered_with_the_filter(int version)
    {
        var (sim, client, id) = await WithAFill(version);
        await using var _ = sim;
        await client.SendAsync(new ExecutionRequest { ReqId = 31, ExecutionFilter = new ExecutionFilter { ClientId = 1, AcctCode = "", Time = "", Symbol = "AAPL", SecType = "STK", Exchange = "", Side = "" } });
        var exec = await client.ExpectAsync<ExecutionDetails>(e => e.ReqId == 31);
        Assert.Equal(id, exec.Execution.OrderId);
        await client.ExpectAsync<CommissionAndFeesReport>();
        Assert.Equal(31, (await client.ExpectAsync<ExecutionDetailsEnd>()).ReqId);

        await client.SendAsync(new ExecutionRequest { ReqId = 32, ExecutionFilter = new ExecutionFilter { ClientId = 0, AcctCode = "", Time = "", Symbol = "MSFT", SecType = "", Exchange = "", Side = "" } });
        var next = await client.NextAsync();
        while (next.Message is not ExecutionDetailsEnd) { Assert.IsNotType<ExecutionDetails>(next.Message); next = await client.NextAsync(); }
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Completed_orders_list_the_fill(int version)
    {
        var (sim, client, id) = await WithAFill(version);
        await using var _ = sim;
        await client.SendAsync(new CompletedOrdersRequest { ApiOnly = true });
        var done = await client.ExpectAsync<CompletedOrder>();
        // IB's text completedOrder carries no order id (protobuf does, from 204): match on the perm id.
        var permId = (await sim.Simulator.InvokeAsync(m => m.GetOrder(new(1), new(id))))!.PermId.Value;
        Assert.Equal(permId, done.Order.PermId);
        if (version >= 204) Assert.Equal(id, done.Order.OrderId);
        Assert.Equal("Filled", done.OrderState.Status);
        await client.ExpectAsync<CompletedOrdersEnd>();
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Positions_list_the_fill_with_average_cost(int version)
    {
        var (sim, client, _) = await WithAFill(version);
        await using var __ = sim;
        await client.SendAsync(new PositionsRequest());
        var position = await client.ExpectAsync<Position>();
        Assert.Equal(("DU111111", SimHarness.AaplConId, "100"), (position.Account, position.Contract.ConId, position.Position_));
        Assert.True(position.AvgCost > 0);
        await client.ExpectAsync<PositionEnd>();
        // subscribed: the next fill sends the new position
        var next = (await sim.Simulator.InvokeAsync(m => m.NextValidOrderId())).Value;
        await client.SendAsync(Order(next, "SELL", "40", "MKT"));
        Assert.Equal("60", (await client.ExpectAsync<Position>()).Position_);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Account_summary_sends_the_tags_asked_for_per_account_then_the_end(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new AccountSummaryRequest { ReqId = 41, Group = "All", Tags = "NetLiquidation,TotalCashValue" });
        var rows = new List<AccountSummary>();
        var m = await client.NextAsync();
        while (m.Message is not AccountSummaryEnd) { rows.Add(Assert.IsType<AccountSummary>(m.Message)); m = await client.NextAsync(); }
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r is { Account: "DU222222", Tag: "NetLiquidation", Value: "1000000.00", Currency: "USD" });
        await client.SendAsync(new AccountSummaryRequest { ReqId = 41, Group = "All", Tags = "NetLiquidation" });
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 41)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Account_updates_send_values_portfolio_time_and_end(int version)
    {
        var (sim, client, _) = await WithAFill(version);
        await using var __ = sim;
        await client.SendAsync(new AccountDataRequest { Subscribe = true, AcctCode = "DU111111" });
        var net = await client.ExpectAsync<AccountValue>(v => v.Key == "NetLiquidation");
        Assert.Equal("DU111111", net.AccountName);
        var portfolio = await client.ExpectAsync<PortfolioValue>();
        Assert.Equal("100", portfolio.Position);
        await client.ExpectAsync<AccountUpdateTime>();
        Assert.Equal("DU111111", (await client.ExpectAsync<AccountDataEnd>()).AccountName);
        // updates follow as prices move
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("100", (await client.ExpectAsync<PortfolioValue>()).Position);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task PnL_and_PnL_single_come_every_second(int version)
    {
        var (sim, client, _) = await WithAFill(version);
        await using var __ = sim;
        await client.SendAsync(new PnLRequest { ReqId = 51, Account = "DU111111", ModelCode = "" });
        await client.SendAsync(new PnLSingleRequest { ReqId = 52, Account = "DU111111", ModelCode = "", ConId = SimHarness.AaplConId });
        await client.ExpectAsync<PnL>(p => p.ReqId == 51);
        var single = await client.ExpectAsync<PnLSingle>(p => p.ReqId == 52);
        Assert.Equal("100", single.Position);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await client.ExpectAsync<PnL>(p => p.ReqId == 51);
        await client.SendAsync(new PnLRequest { ReqId = 53, Account = "DU999999", ModelCode = "" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 53)).ErrorCode);
    }
}
