using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>Every unary read of the service against a real desk and the simulator: the desk's reply on the wire.</summary>
public sealed class UnaryCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    [Fact]
    public async Task Reference_data_and_history_come_back_as_the_desk_answers()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var client = desk.Client;

        var time = await client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Trader);
        Assert.NotNull(time.GatewayTime);

        var details = await client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Msft }, GrpcDesk.Reader);
        Assert.Contains(details.Details, d => d.Contract.Symbol == "MSFT" && d.ConId > 0);

        var bars = await client.GetHistoricalBarsAsync(new W.GetHistoricalBars
        {
            Contract = Msft, Duration = "1 D", BarSize = "1 hour", WhatToShow = W.WhatToShow.Trades, UseRth = true,
        }, GrpcDesk.Trader);
        Assert.NotEmpty(bars.Bars);

        var head = await client.GetHeadTimestampAsync(new W.GetHeadTimestamp { Contract = Msft, WhatToShow = W.WhatToShow.Trades, UseRth = true }, GrpcDesk.Trader);
        Assert.False(string.IsNullOrEmpty(head.GatewayText));
    }

    [Fact]
    public async Task Account_and_order_reads_come_back_as_the_desk_answers()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var client = desk.Client;

        var positions = await client.GetPositionsAsync(new W.GetPositions(), GrpcDesk.Reader);
        Assert.NotNull(positions.LocalTime);

        var summary = await client.GetAccountSummaryAsync(new W.GetAccountSummary { Tags = "NetLiquidation", Group = "All" }, GrpcDesk.Reader);
        Assert.Contains(summary.Items, i => i.Tag == "NetLiquidation");

        var open = await client.GetOpenOrdersAsync(new W.GetOpenOrders(), GrpcDesk.Reader);
        Assert.Empty(open.Orders);
        var completed = await client.GetCompletedOrdersAsync(new W.GetCompletedOrders(), GrpcDesk.Reader);
        Assert.NotNull(completed);
        var executions = await client.GetExecutionsAsync(new W.GetExecutions { Filter = new W.ExecutionQuery() }, GrpcDesk.Reader);
        Assert.Empty(executions.Fills);
    }
}
