using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>
/// An FA group order over TCP books in every sub-account of the group: one execDetails per account, and each
/// account's position and portfolio are its own share (10 over three accounts, EqualQuantity: 4/3/3, the unit left by
/// rounding down going to the group's first account).
/// </summary>
public sealed class FaAllocationTests
{
    private static readonly string[] SubAccounts = ["DU111111", "DU222222", "DU333333"];

    private static Task<SimHarness> Advisor(int version) =>
        SimHarness.StartAsync(version, o => o with { AdvisorAccount = "DF111110", Accounts = SubAccounts });

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task A_group_order_of_10_over_3_accounts_EqualQuantity_books_4_3_3_with_an_execution_and_a_position_each(int version)
    {
        await using var sim = await Advisor(version);
        var (client, next) = await sim.ConnectAsync(1);
        var order = Order(next, "BUY", "10", "MKT");
        order.Order.FaGroup = "All";
        order.Order.FaMethod = "EqualQuantity";
        await client.SendAsync(order);

        // The executions come before the status that says Filled; collect them until the order's 10 are in.
        var executions = new List<Execution>();
        while (executions.Sum(e => decimal.Parse(e.Shares, System.Globalization.CultureInfo.InvariantCulture)) < 10)
            executions.Add((await client.ExpectAsync<ExecutionDetails>(d => d.Execution.OrderId == next)).Execution);
        var byAccount = executions.GroupBy(e => e.AcctNumber)
            .ToDictionary(g => g.Key, g => g.Sum(e => decimal.Parse(e.Shares, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new Dictionary<string, decimal> { ["DU111111"] = 4m, ["DU222222"] = 3m, ["DU333333"] = 3m }, byAccount);
        Assert.Equal(executions.Count, executions.Select(e => e.ExecId).Distinct().Count());
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == next && s.Status == "Filled" && s.Filled == "10");

        await client.SendAsync(new PositionsRequest());
        var positions = new Dictionary<string, string>();
        while (positions.Count < SubAccounts.Length)
        {
            var p = await client.ExpectAsync<Position>(p => p.Contract.Symbol == "AAPL");
            positions[p.Account] = p.Position_;
        }
        Assert.Equal(new Dictionary<string, string> { ["DU111111"] = "4", ["DU222222"] = "3", ["DU333333"] = "3" }, positions);
        await client.ExpectAsync<PositionEnd>();

        // Each sub-account's own portfolio holds its share.
        await client.SendAsync(new AccountDataRequest { Subscribe = true, AcctCode = "DU333333" });
        var portfolio = await client.ExpectAsync<PortfolioValue>();
        Assert.Equal(("DU333333", "3"), (portfolio.AccountName, portfolio.Position));
    }
}
