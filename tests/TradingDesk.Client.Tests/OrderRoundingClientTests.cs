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

    [Theory]
    [InlineData(-1, "price rounding -1 is not one of Reject, Nearest, Down, Up, Off")]
    [InlineData(9, "price rounding 9 is not one of Reject, Nearest, Down, Up, Off")]
    public async Task A_price_rounding_outside_the_enum_is_an_ArgumentException_before_anything_is_sent(int rounding, string problem)
    {
        // -1 would map onto the wire's "unspecified" and the desk would round with its default: it must not leave the client.
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            desk.PlaceOrderAsync(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 10m) with { PriceRounding = (PriceRounding)rounding }));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal("order", e.ParamName);
        Assert.False(server.Script.OrderPlaced.Task.IsCompleted);
    }

    [Fact]
    public async Task An_empty_fa_profile_is_an_ArgumentException_on_place_modify_and_a_bracket_leg()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        var bad = Order.Limit(OrderAction.Buy, 1, 10m) with { FaProfile = "" };

        var place = await Assert.ThrowsAsync<ArgumentException>(() => desk.PlaceOrderAsync(Contract.Stock("AAPL"), bad));
        var modify = await Assert.ThrowsAsync<ArgumentException>(() => desk.ModifyOrderAsync(new OrderId(42), bad));
        var bracket = Order.Bracket(OrderAction.Buy, 1, 10m, 11m, 9m);
        var leg = await Assert.ThrowsAsync<ArgumentException>(() => desk.PlaceBracketAsync(Contract.Stock("AAPL"), bracket with { TakeProfit = bracket.TakeProfit with { FaProfile = "\t" } }));

        Assert.All([place, modify, leg], e => Assert.Contains("the FA profile is empty or contains a control character", e.Message, StringComparison.Ordinal));
        Assert.Equal("bracket.TakeProfit", leg.ParamName);
        Assert.False(server.Script.OrderPlaced.Task.IsCompleted);
    }
}
