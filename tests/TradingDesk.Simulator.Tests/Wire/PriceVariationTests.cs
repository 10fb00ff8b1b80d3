using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>An off-grid limit or stop price is IB's error 110 before the order exists; the catalogue's rules match its ticks.</summary>
public sealed class PriceVariationTests
{
    private const string Text110 = "The price does not conform to the minimum price variation for this contract.";

    [Fact]
    public async Task An_off_grid_limit_is_110_with_ibs_text_and_no_order_exists()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(id, "BUY", "10", "LMT", limit: 1.005));
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == id);
        Assert.Equal((110, Text110), (error.ErrorCode, error.ErrorMsg));
        await SimHarness.RoundTripAsync(client);
        Assert.Empty(await sim.Simulator.InvokeAsync(m => m.OpenOrders().Concat(m.CompletedOrders()).ToList()));
    }

    [Fact]
    public async Task An_off_grid_stop_is_110_and_an_on_grid_one_rests()
    {
        await using var sim = await SimHarness.StartAsync();
        var (client, id) = await sim.ConnectAsync(1);
        var stop = new PlaceOrderRequest { OrderId = id, Contract = SimHarness.Aapl, Order = new Order { Action = "SELL", TotalQuantity = "1", OrderType = "STP", AuxPrice = 10.001, Tif = "DAY", Transmit = true } };
        await client.SendAsync(stop);
        Assert.Equal(110, (await client.ExpectAsync<ErrorMessage>(e => e.Id == id)).ErrorCode);
        stop.OrderId = id + 1;
        stop.Order.AuxPrice = 10.01;
        await client.SendAsync(stop);
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == id + 1 && s.Status is "Submitted" or "PreSubmitted");
    }

    [Fact]
    public void Every_contracts_market_rules_are_one_increment_equal_to_its_min_tick()
    {
        var catalogue = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));
        foreach (var contract in catalogue.All.Where(c => c.MarketRuleIds.Length > 0))
        {
            var rules = contract.MarketRuleIds.Split(',');
            Assert.Equal(contract.ValidExchanges.Split(',').Length, rules.Length);
            foreach (var id in rules.Distinct())
                Assert.Equal([(0m, contract.MinTick)], catalogue.MarketRule(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
