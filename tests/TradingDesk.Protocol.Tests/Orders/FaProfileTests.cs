using System.Text;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// faProfile: IB's text placeOrder has its slot after faPercentage below server version 177 and none from 177; IB's
/// protobuf Order has no field, so the desk carries it as an unknown field (<see cref="OrderTextOnlyFields"/>).
/// </summary>
public sealed class FaProfileTests
{
    private static PlaceOrderRequest Allocated(string? profile)
    {
        var o = new Order { Action = "BUY", TotalQuantity = "100", OrderType = "LMT", LmtPrice = 10, Tif = "DAY", FaGroup = "Growth", FaMethod = "PctChange", FaPercentage = "10" };
        if (profile is not null) OrderTextOnlyFields.SetFaProfile(o, profile);
        return new PlaceOrderRequest { OrderId = 9, Contract = new Contract { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" }, Order = o };
    }

    // The frame without its 4-byte length, decoded as the gateway (the simulator) reads it.
    private static PlaceOrderRequest Decoded(byte[] frame, int version) =>
        Assert.IsType<PlaceOrderRequest>(TwsCodec.Default.Decode(frame.AsSpan(4), version, ClientToServer).Message);

    private static string Text(byte[] frame) => Encoding.ASCII.GetString(frame).Replace('\0', '|');

    [Fact]
    public void The_profile_rides_on_the_order_and_a_later_one_wins()
    {
        var o = new Order();
        Assert.Null(OrderTextOnlyFields.FaProfile(o));
        OrderTextOnlyFields.SetFaProfile(o, "First");
        OrderTextOnlyFields.SetFaProfile(o, "Balanced");
        Assert.Equal("Balanced", OrderTextOnlyFields.FaProfile(o));
        Assert.Equal("Balanced", OrderTextOnlyFields.FaProfile(o.Clone()));
    }

    [Fact]
    public void Below_177_the_profile_goes_in_its_slot_after_faPercentage_and_decodes_back()
    {
        var frame = TwsCodec.Default.EncodeToArray(Allocated("Balanced"), 176, ClientToServer, WireEncoding.Text);
        Assert.Contains("|Growth|PctChange|10|Balanced|", Text(frame));
        Assert.Equal("Balanced", OrderTextOnlyFields.FaProfile(Decoded(frame, 176).Order));
    }

    [Fact]
    public void Below_177_without_a_profile_the_slot_is_empty()
    {
        var frame = TwsCodec.Default.EncodeToArray(Allocated(null), 176, ClientToServer, WireEncoding.Text);
        Assert.Contains("|Growth|PctChange|10||", Text(frame));
        Assert.Null(OrderTextOnlyFields.FaProfile(Decoded(frame, 176).Order));
    }

    [Fact]
    public void From_177_the_slot_is_gone()
    {
        var frame = TwsCodec.Default.EncodeToArray(Allocated("Balanced"), 177, ClientToServer, WireEncoding.Text);
        Assert.DoesNotContain("Balanced", Text(frame));
        Assert.Equal(TwsCodec.Default.EncodeToArray(Allocated(null), 177, ClientToServer, WireEncoding.Text), frame);
    }
}
