using TradingDesk.Client.Tests.Support;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The order's market-rule rounding and IB's faProfile as the scripted desk sees PlaceOrder and ModifyOrder.</summary>
public sealed class OrderRoundingClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(PriceRounding.Reject, W.PriceRounding.Reject, 1)]
    [InlineData(PriceRounding.Nearest, W.PriceRounding.Nearest, 2)]
    [InlineData(PriceRounding.Down, W.PriceRounding.Down, 3)]
    [InlineData(PriceRounding.Up, W.PriceRounding.Up, 4)]
    [InlineData(PriceRounding.Off, W.PriceRounding.Off, 5)]
    public async Task PlaceOrderAsync_sends_the_price_rounding_as_its_wire_number(PriceRounding rounding, W.PriceRounding wire, int number)
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 100, 101.103m) with { PriceRounding = rounding });

        var placed = await server.Script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.Equal(wire, placed.Order.PriceRounding);
        Assert.Equal(number, (int)placed.Order.PriceRounding);
        // The price goes as given: rounding it is the desk's work, on the contract's market rule.
        Assert.Equal("101.103", placed.Order.LimitPrice);
    }

    [Fact]
    public async Task PlaceOrderAsync_sends_the_fa_profile_with_the_rest_of_the_allocation()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Sell, 30) with { FaProfile = "Income", FaGroup = "Growth", FaMethod = "NetLiq" });

        var placed = await server.Script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.True(placed.Order.HasFaProfile);
        Assert.Equal(("Income", "Growth", "NetLiq"), (placed.Order.FaProfile, placed.Order.FaGroup, placed.Order.FaMethod));
        Assert.Equal(W.PriceRounding.Unspecified, placed.Order.PriceRounding);
    }

    [Fact]
    public async Task An_order_without_rounding_or_profile_leaves_both_unset_so_the_desks_default_applies()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 10m));

        var placed = await server.Script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.Equal(W.PriceRounding.Unspecified, placed.Order.PriceRounding);
        Assert.False(placed.Order.HasFaProfile);
    }

    [Fact]
    public async Task A_price_rounding_the_desk_refuses_is_an_InvalidRequestException_with_its_words()
    {
        var script = new DeskScript
        {
            PlaceOrder = _ => throw Rich.Invalid("limit price 101.103 is not on market rule 26 (0.01 from 0): 101.10 or 101.11"),
        };
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 100, 101.103m) with { PriceRounding = PriceRounding.Reject }));

        Assert.Equal("limit price 101.103 is not on market rule 26 (0.01 from 0): 101.10 or 101.11", e.Detail);
        Assert.Equal(W.PriceRounding.Reject, (await script.OrderPlaced.Task.WaitAsync(Bound)).Order.PriceRounding);
    }
}
