using TradingDesk.Cluster.Serialization;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using Wire = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>OrderSpec's PriceRounding and FaProfile across nodes (and in the journal, which uses the same twin).</summary>
public sealed class OrderSpecRoundingWireTests() : Akka.TestKit.Xunit2.TestKit(DeskSerialization.Config, "rounding-wire")
{
    [Theory]
    [InlineData(PriceRounding.Reject)]
    [InlineData(PriceRounding.Nearest)]
    [InlineData(PriceRounding.Down)]
    [InlineData(PriceRounding.Up)]
    [InlineData(PriceRounding.Off)]
    public void Every_rounding_mode_and_a_profile_cross_in_a_placement(PriceRounding mode)
    {
        var place = new OrderCommands.PlaceOrder(Contract.Stock("AAPL"),
            Order.Limit(OrderAction.Buy, 1, 10.005m) with { PriceRounding = mode, FaProfile = "Balanced" }, new StrategyId("s"));
        var serializer = Sys.Serialization.FindSerializerFor(place);
        var back = (OrderCommands.PlaceOrder)Sys.Serialization.Deserialize(serializer.ToBinary(place), serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, place));
        Assert.Equal(place.Order, back.Order);
    }

    [Fact]
    public void No_mode_is_unspecified_on_the_wire_and_comes_back_as_the_desks_default()
    {
        var wire = Order.Limit(OrderAction.Buy, 1, 10m).ToWire();
        Assert.Equal(Wire.PriceRounding.Unspecified, wire.PriceRounding);
        Assert.False(wire.HasFaProfile);
        var back = wire.FromWire("order");
        Assert.Null(back.PriceRounding);
        Assert.Null(back.FaProfile);
    }

    [Fact]
    public void A_mode_this_schema_does_not_know_is_refused_naming_the_field()
    {
        var wire = Order.Limit(OrderAction.Buy, 1, 10m).ToWire();
        wire.PriceRounding = (Wire.PriceRounding)42;
        var e = Assert.ThrowsAny<Exception>(() => wire.FromWire("order"));
        Assert.Contains("order.price_rounding", e.Message);
    }
}
