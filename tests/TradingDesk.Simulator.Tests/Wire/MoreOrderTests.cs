using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class MoreOrderTests
{
    [Fact]
    public async Task An_ambiguous_contract_is_200_with_the_ambiguity_text()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 61, Contract = new Contract { Symbol = "ES", SecType = "FUT", Exchange = "CME" } });
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 61);
        Assert.Equal(200, error.ErrorCode);
        Assert.Contains("ambiguous", error.ErrorMsg);
    }

    [Fact]
    public async Task A_bracket_holds_its_children_until_the_parent_fills()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        var parent = Order(id, "BUY", "100", "MKT");
        parent.Order.Transmit = false;
        var takeProfit = Order(id + 1, "SELL", "100", "LMT", limit: 1000.00, tif: "GTC");
        takeProfit.Order.ParentId = id;
        takeProfit.Order.Transmit = false;
        var stop = new PlaceOrderRequest { OrderId = id + 2, Contract = SimHarness.Aapl, Order = new Order { Action = "SELL", TotalQuantity = "100", OrderType = "STP", AuxPrice = 10.00, Tif = "GTC", ParentId = id, Transmit = true } };
        await client.SendAsync(parent);
        await client.SendAsync(takeProfit);
        await client.SendAsync(stop);
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == id && s.Status == "Filled");
        await SimHarness.RoundTripAsync(client);
        var open = await sim.Simulator.InvokeAsync(m => m.OpenOrders().Select(o => o.Key.OrderId.Value).Order().ToList());
        Assert.Equal([id + 1, id + 2], open);
    }

    [Fact]
    public async Task Placing_a_filled_order_id_again_is_103()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(id, "BUY", "10", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        await client.SendAsync(Order(id, "BUY", "10", "MKT"));
        Assert.Equal(103, (await client.ExpectAsync<ErrorMessage>(e => e.Id == id)).ErrorCode);
    }

    [Fact]
    public async Task A_bad_action_is_321_with_a_reason()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(id, "HOLD", "10", "MKT"));
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == id);
        Assert.Equal(321, error.ErrorCode);
        Assert.Contains("HOLD", error.ErrorMsg);
    }

    [Fact]
    public async Task Order_ids_are_per_client_id()
    {
        await using var sim = await SimHarness.StartAsync();
        var (one, id) = await sim.ConnectAsync(1);
        var (two, _) = await sim.ConnectAsync(2);
        await one.SendAsync(Order(id, "BUY", "10", "LMT", limit: 100.00));
        await one.ExpectAsync<OrderStatus>();
        await two.SendAsync(Order(id, "BUY", "20", "LMT", limit: 100.00));
        var status = await two.ExpectAsync<OrderStatus>(s => s.OrderId == id);
        Assert.Equal(2, status.ClientId);
        Assert.Equal(2, (await sim.Simulator.InvokeAsync(m => m.OpenOrders())).Count);
    }
}
