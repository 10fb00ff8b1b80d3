using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>
/// IB counts the id of every placeOrder as used, whether the gateway accepted or rejected it: the nextValidId a
/// client gets on its next connection (and on reqIds) is above it.
/// </summary>
public sealed class OrderIdTests
{
    public static TheoryData<string, int> Rejections => new()
    {
        { "unknown symbol", 200 },
        { "ambiguous future", 200 },
        { "reject fault", 201 },
        { "no order", 321 },
        { "unsupported security type", 200 },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_rejected_placement_uses_its_id_for_the_next_connection_of_that_client(string rejection, int code)
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        if (rejection == "reject fault") await sim.Simulator.Faults.RejectNextOrdersAsync(1, "simulated");
        await client.SendAsync(Rejected(rejection, next));
        Assert.Equal(code, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);

        await client.SendAsync(new IdsRequest { NumIds = 1 });
        Assert.Equal(next + 1, (await client.ExpectAsync<NextValidId>()).OrderId);

        await DisconnectAsync(sim, client, 1);
        var (_, again) = await sim.ConnectAsync(1);
        Assert.Equal(next + 1, again);
    }

    [Fact]
    public async Task Rejected_ids_count_like_accepted_ones_across_reconnects()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Rejected("ambiguous future", next));
        await client.ExpectErrorAsync(200);
        await DisconnectAsync(sim, client, 1);

        var (second, afterReject) = await sim.ConnectAsync(1);
        Assert.Equal(next + 1, afterReject);
        await second.SendAsync(Rejected("ambiguous future", afterReject));
        await second.ExpectErrorAsync(200);
        await DisconnectAsync(sim, second, 1);

        var (third, id) = await sim.ConnectAsync(1);
        Assert.Equal(afterReject + 1, id);
        await third.SendAsync(Order(id, "BUY", "100", "MKT"));
        await third.ExpectAsync<OrderStatus>(s => s.OrderId == id && s.Status == "Filled");
        var orders = await sim.Simulator.InvokeAsync(m => m.CompletedOrders());
        Assert.Single(orders, o => o.Key.OrderId.Value == id);
    }

    [Fact]
    public async Task A_what_if_placement_uses_its_id_too()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT", whatIf: true));
        await client.ExpectAsync<OpenOrder>(o => o.OrderId == next);
        await client.SendAsync(new IdsRequest { NumIds = 1 });
        Assert.Equal(next + 1, (await client.ExpectAsync<NextValidId>()).OrderId);
    }

    [Fact]
    public async Task A_cancel_of_an_unknown_id_does_not_use_it()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(new CancelOrderRequest { OrderId = next + 50, OrderCancel = new OrderCancel { ManualOrderCancelTime = "" } });
        await client.ExpectErrorAsync(135);
        await client.SendAsync(new IdsRequest { NumIds = 1 });
        Assert.Equal(next, (await client.ExpectAsync<NextValidId>()).OrderId);
    }

    [Fact]
    public async Task The_restart_losing_state_fault_still_sends_next_valid_id_back()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, _) = await sim.ConnectAsync(1);
        await client.SendAsync(Rejected("unknown symbol", 300));
        await client.ExpectErrorAsync(200);
        await sim.Simulator.Faults.RestartLosingStateAsync();
        await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        var (_, again) = await sim.ConnectAsync(1);
        Assert.True(again < 300, $"nextValidId after a state-losing restart: {again}");
    }

    private static PlaceOrderRequest Rejected(string rejection, int id)
    {
        var order = Order(id, "BUY", "1", "MKT");
        switch (rejection)
        {
            case "unknown symbol":
                order.Contract = new Contract { Symbol = "ZZZZ", SecType = "STK", Exchange = "SMART", Currency = "USD" };
                break;
            case "ambiguous future":
                order.Contract = new Contract { Symbol = "ES", SecType = "FUT", Exchange = "CME", Currency = "USD" };
                break;
            case "unsupported security type":
                order.Contract = new Contract { Symbol = "AAPL", SecType = "XYZ", Exchange = "SMART", Currency = "USD" };
                break;
            case "no order":
                order.Order = null;
                break;
        }
        return order;
    }

    // Waits until the gateway has dropped the client's session, so the same client id can connect again (no 326).
    private static async Task DisconnectAsync(SimHarness sim, TestClient client, int clientId)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnClosed(int id)
        {
            if (id == clientId) gone.TrySetResult();
        }
        sim.Simulator.Backend.ClientClosed += OnClosed;
        try
        {
            await client.DisposeAsync();
            await gone.Task.WaitAsync(TestClient.DefaultTimeout);
        }
        finally
        {
            sim.Simulator.Backend.ClientClosed -= OnClosed;
        }
    }
}
