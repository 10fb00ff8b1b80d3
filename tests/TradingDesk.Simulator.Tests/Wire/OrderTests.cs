using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class OrderTests
{
    internal static PlaceOrderRequest Order(int id, string action, string qty, string type, double? limit = null, bool whatIf = false, string tif = "DAY")
    {
        var order = new Order { Action = action, TotalQuantity = qty, OrderType = type, Tif = tif, Transmit = true, WhatIf = whatIf };
        if (limit is { } l) order.LmtPrice = l;
        return new PlaceOrderRequest { OrderId = id, Contract = SimHarness.Aapl, Order = order };
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task A_market_order_fills_with_openOrder_orderStatus_execDetails_and_commission(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT"));
        var open = await client.ExpectAsync<OpenOrder>();
        Assert.Equal(next, open.OrderId);
        Assert.Equal("MKT", open.Order.OrderType);
        Assert.Equal("PreSubmitted", (await client.ExpectAsync<OrderStatus>(s => s.OrderId == next)).Status);
        // A marketable order in regular hours fills at the touch as it is placed.
        var exec = await client.ExpectAsync<ExecutionDetails>();
        Assert.Equal(-1, exec.ReqId);
        Assert.Equal(next, exec.Execution.OrderId);
        Assert.Equal("BOT", exec.Execution.Side);
        Assert.Equal("100", exec.Execution.Shares);
        var commission = await client.ExpectAsync<CommissionAndFeesReport>();
        Assert.Equal(exec.Execution.ExecId, commission.ExecId);
        Assert.True(commission.CommissionAndFees >= 1.0);
        var filled = await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        Assert.Equal(("100", "0"), (filled.Filled, filled.Remaining));
        Assert.Equal(exec.Execution.Price, filled.AvgFillPrice, 6);

        var fills = await sim.Simulator.InvokeAsync(m => m.Executions());
        Assert.Single(fills);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Cancelling_a_working_order_sends_Cancelled_then_202(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == next);
        await client.SendAsync(new CancelOrderRequest { OrderId = next, OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        var cancelled = await client.NextAsync();
        while (cancelled.Message is not OrderStatus { Status: "Cancelled" })
        {
            Assert.False(cancelled.Message is ErrorMessage { ErrorCode: 202 }, "202 came before orderStatus Cancelled");
            cancelled = await client.NextAsync();
        }
        Assert.Equal(202, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
        // cancelling again: not cancellable (161)
        await client.SendAsync(new CancelOrderRequest { OrderId = next, OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        Assert.Equal(161, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_135()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new CancelOrderRequest { OrderId = 999, OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        Assert.Equal(135, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 999)).ErrorCode);
    }

    [Fact]
    public async Task Modifying_by_replacing_an_id_changes_the_limit()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == next);
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 101.00));
        var open = await client.ExpectAsync<OpenOrder>(o => o.Order.LmtPrice == 101.00);
        Assert.Equal(next, open.OrderId);
        var order = await sim.Simulator.InvokeAsync(m => m.GetOrder(new(1), new(next)));
        Assert.Equal(101.00m, order!.Ticket.LimitPrice);
    }

    [Fact]
    public async Task Injected_rejections_are_201_with_Inactive()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await sim.Simulator.Faults.RejectNextOrdersAsync(1, "simulated");
        await client.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        Assert.Equal(201, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
        await client.SendAsync(new OpenOrdersRequest());
        await client.ExpectAsync<OpenOrdersEnd>();
    }

    [Fact]
    public async Task Client_0_sees_other_clients_orders_and_others_do_not()
    {
        await using var sim = await SimHarness.StartAsync();
        var (master, _) = await sim.ConnectAsync(0);
        var (one, next) = await sim.ConnectAsync(1);
        var (two, _) = await sim.ConnectAsync(2);
        await one.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        var seen = await master.ExpectAsync<OrderStatus>(s => s.OrderId == next);
        Assert.Equal(1, seen.ClientId);
        await one.ExpectAsync<OrderStatus>(s => s.OrderId == next);
        await two.SendAsync(new OpenOrdersRequest());
        var end = await two.NextAsync();
        Assert.IsType<OpenOrdersEnd>(end.Message);
        await two.SendAsync(new AllOpenOrdersRequest());
        Assert.Equal(next, (await two.ExpectAsync<OpenOrder>()).OrderId);
        await two.ExpectAsync<OpenOrdersEnd>();
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task What_if_returns_margins_and_commission_without_trading(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT", whatIf: true));
        var open = await client.ExpectAsync<OpenOrder>();
        Assert.True(open.OrderState.InitMarginChange > 0);
        Assert.True(open.OrderState.CommissionAndFees >= 1.0);
        await SimHarness.RoundTripAsync(client);
        Assert.Empty(await sim.Simulator.InvokeAsync(m => m.OpenOrders()));
    }

    [Fact]
    public async Task Global_cancel_cancels_every_clients_orders()
    {
        await using var sim = await SimHarness.StartAsync();
        var (one, next) = await sim.ConnectAsync(1);
        var (two, _) = await sim.ConnectAsync(2);
        await one.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await one.ExpectAsync<OrderStatus>();
        await two.SendAsync(Order(next + 1, "BUY", "10", "LMT", limit: 100.00));
        await two.ExpectAsync<OrderStatus>();
        await one.SendAsync(new GlobalCancelRequest { OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        await one.ExpectAsync<ErrorMessage>(e => e.ErrorCode == 202);
        await two.ExpectAsync<ErrorMessage>(e => e.ErrorCode == 202);
        Assert.Empty(await sim.Simulator.InvokeAsync(m => m.OpenOrders()));
    }

    [Fact]
    public async Task Next_valid_id_stays_above_every_id_seen()
    {
        await using var sim = await SimHarness.StartAsync();
        var (one, next) = await sim.ConnectAsync(1);
        await one.SendAsync(Order(500, "BUY", "1", "LMT", limit: 100.00));
        await one.ExpectAsync<OrderStatus>();
        await one.SendAsync(new IdsRequest { NumIds = 1 });
        Assert.Equal(501, (await one.ExpectAsync<NextValidId>()).OrderId);
        var (_, forTwo) = await sim.ConnectAsync(2);
        Assert.Equal(501, forTwo);
    }
}
