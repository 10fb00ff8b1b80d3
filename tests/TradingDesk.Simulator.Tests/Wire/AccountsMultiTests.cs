using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqPositionsMulti and reqAccountUpdatesMulti over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class AccountsMultiTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Positions_multi_lists_the_account_then_streams_a_new_fill(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        await client.SendAsync(new PositionsMultiRequest { ReqId = 61, Account = "DU111111", ModelCode = "" });
        var position = await client.ExpectAsync<PositionMulti>();
        Assert.Equal((61, "DU111111", SimHarness.AaplConId, "100", ""), (position.ReqId, position.Account, position.Contract.ConId, position.Position, position.ModelCode));
        Assert.True(position.AvgCost > 0);
        Assert.Equal(61, (await client.ExpectAsync<PositionMultiEnd>()).ReqId);

        await client.SendAsync(Order(next + 1, "SELL", "100", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled" && s.OrderId == next + 1);
        // Position changes go out on the tick timer.
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var closed = await client.ExpectAsync<PositionMulti>();
        Assert.Equal((61, "0"), (closed.ReqId, closed.Position));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Positions_multi_of_another_account_or_a_model_is_only_its_end(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT"));
        await client.ExpectAsync<OrderStatus>(s => s.Status == "Filled");
        await client.SendAsync(new PositionsMultiRequest { ReqId = 62, Account = "DU222222", ModelCode = "" });
        var first = await client.NextAsync();
        while (first.Message is not PositionMultiEnd) first = await client.NextAsync();
        Assert.Equal(62, ((PositionMultiEnd)first.Message!).ReqId);
        await client.SendAsync(new PositionsMultiRequest { ReqId = 63, Account = "DU111111", ModelCode = "GROWTH" });
        var end = await client.NextAsync();
        Assert.IsType<PositionMultiEnd>(end.Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Account_updates_multi_sends_values_and_end_then_again_on_the_account_timer(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new AccountUpdatesMultiRequest { ReqId = 64, Account = "DU222222", ModelCode = "", LedgerAndNLV = false });
        var value = await client.ExpectAsync<AccountUpdateMulti>(u => u.Key == "NetLiquidation");
        Assert.Equal((64, "DU222222", "USD"), (value.ReqId, value.Account, value.Currency));
        Assert.Equal(64, (await client.ExpectAsync<AccountUpdateMultiEnd>()).ReqId);
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(64, (await client.ExpectAsync<AccountUpdateMulti>(u => u.Key == "NetLiquidation")).ReqId);
        Assert.Equal(64, (await client.ExpectAsync<AccountUpdateMultiEnd>()).ReqId);
    }

    [Fact]
    public async Task Ledger_and_nlv_is_the_light_request()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new AccountUpdatesMultiRequest { ReqId = 65, Account = "DU111111", ModelCode = "", LedgerAndNLV = true });
        var keys = new List<string>();
        var next = await client.NextAsync();
        while (next.Message is not AccountUpdateMultiEnd)
        {
            if (next.Message is AccountUpdateMulti u) keys.Add(u.Key);
            next = await client.NextAsync();
        }
        Assert.Contains("NetLiquidation", keys);
        Assert.DoesNotContain("BuyingPower", keys);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task An_unknown_account_is_321_a_live_id_is_102_and_a_cancel_stops_the_stream(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new AccountUpdatesMultiRequest { ReqId = 66, Account = "DU999999", ModelCode = "" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 66)).ErrorCode);
        await client.SendAsync(new PositionsMultiRequest { ReqId = 67, Account = "DU999999", ModelCode = "" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 67)).ErrorCode);

        await client.SendAsync(new AccountUpdatesMultiRequest { ReqId = 68, Account = "DU111111", ModelCode = "" });
        await client.ExpectAsync<AccountUpdateMultiEnd>();
        await client.SendAsync(new PositionsMultiRequest { ReqId = 68, Account = "", ModelCode = "" });
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 68)).ErrorCode);
        await client.SendAsync(new CancelAccountUpdatesMulti { ReqId = 68 });
        await SimHarness.RoundTripAsync(client);
        Assert.Equal(0, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(1)));
    }
}
