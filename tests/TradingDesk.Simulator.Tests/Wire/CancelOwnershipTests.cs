using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>
/// IB binds an API order to the client id that placed it: only that client id can cancel it one by one, client 0
/// included; client 0 sees every client's orders, and reqGlobalCancel cancels them all.
/// </summary>
public sealed class CancelOwnershipTests
{
    private static CancelOrderRequest Cancel(int id) => new() { OrderId = id, OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } };

    [Fact]
    public async Task Client_0_cannot_cancel_another_clients_order_it_gets_135_and_the_order_keeps_working()
    {
        await using var sim = await SimHarness.StartAsync();
        var (master, _) = await sim.ConnectAsync(0);
        var (owner, next) = await sim.ConnectAsync(1);
        await owner.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await master.ExpectAsync<OrderStatus>(s => s.OrderId == next && s.ClientId == 1);

        await master.SendAsync(Cancel(next));
        Assert.Equal(135, (await master.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
        var order = await sim.Simulator.InvokeAsync(m => m.GetOrder(new(1), new(next)));
        Assert.True(order!.IsActive, $"client 1's order after client 0's cancel: {order.Status}");

        // The owner still can.
        await owner.SendAsync(Cancel(next));
        await owner.ExpectAsync<OrderStatus>(s => s.OrderId == next && s.Status == "Cancelled");
    }

    [Fact]
    public async Task Another_client_cannot_cancel_it_either()
    {
        await using var sim = await SimHarness.StartAsync();
        var (owner, next) = await sim.ConnectAsync(1);
        var (other, _) = await sim.ConnectAsync(2);
        await owner.SendAsync(Order(next, "BUY", "100", "LMT", limit: 100.00));
        await owner.ExpectAsync<OrderStatus>(s => s.OrderId == next);
        await other.SendAsync(Cancel(next));
        Assert.Equal(135, (await other.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
        Assert.Single(await sim.Simulator.InvokeAsync(m => m.OpenOrders()));
    }

    [Fact]
    public async Task Client_0_cancels_its_own_orders_and_global_cancel_reaches_every_client()
    {
        await using var sim = await SimHarness.StartAsync();
        var (master, first) = await sim.ConnectAsync(0);
        var (owner, _) = await sim.ConnectAsync(1);
        await master.SendAsync(Order(first, "BUY", "100", "LMT", limit: 100.00));
        await master.ExpectAsync<OrderStatus>(s => s.OrderId == first && s.ClientId == 0);
        await master.SendAsync(Cancel(first));
        await master.ExpectAsync<OrderStatus>(s => s.OrderId == first && s.Status == "Cancelled");

        await owner.SendAsync(Order(first + 1, "BUY", "100", "LMT", limit: 100.00));
        await master.ExpectAsync<OrderStatus>(s => s.OrderId == first + 1 && s.ClientId == 1);
        await master.SendAsync(new GlobalCancelRequest { OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        await owner.ExpectAsync<OrderStatus>(s => s.OrderId == first + 1 && s.Status == "Cancelled");
        Assert.Empty(await sim.Simulator.InvokeAsync(m => m.OpenOrders()));
    }
}
