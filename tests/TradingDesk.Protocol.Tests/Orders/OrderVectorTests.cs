using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>Order messages captured from real sessions decode to the listed values.</summary>
public sealed class OrderVectorTests
{
    // A captured openOrder whose server version was not recorded.
    // With IB's decoder.processOpenOrder it decodes field-for-field only at server versions 162..169: it still has
    // faProfile (< 177), ends with autoCancelParent (≥ 162 AUTO_CANCEL_PARENT) and has no peg-best/peg-mid block
    // (≥ 170). The final empty field is a stray trailing empty field, as in the orderStatus fixtures. We use 164.
    public const string TslaOpenOrder =
        "5\\013\\076792991\\0TSLA\\0STK\\0\\00\\0?\\0\\0SMART\\0USD\\0TSLA\\0NMS\\0BUY\\0100\\0MKT\\00.0\\00.0\\0DAY\\0\\0DU1234567\\0\\00\\0\\0100\\01376327563\\00\\00\\00\\0\\01376327563.0/DU1234567/100\\0\\0\\0\\0\\0\\0\\0\\0\\0\\00\\0\\0-1\\00\\0\\0\\0\\0\\0\\02147483647\\00\\00\\00\\0\\03\\00\\00\\0\\00\\00\\0\\00\\0None\\0\\00\\0\\0\\0\\0?\\00\\00\\0\\00\\00\\0\\0\\0\\0\\0\\00\\00\\00\\02147483647\\02147483647\\0\\0\\00\\0\\0IB\\00\\00\\0\\00\\00\\0PreSubmitted\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\0\\0\\0\\0\\0\\00\\00\\00\\0None\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\01.7976931348623157E308\\00\\0\\0\\0\\00\\01\\00\\00\\00\\0\\0\\00\\0\\0";

    private const int FixtureVersion = 164;

    [Fact]
    public void OpenOrder_TSLA_decodes_the_listed_values()
    {
        var m = CodecAssert.DecodeText<OpenOrder>(TslaOpenOrder, FixtureVersion, ServerToClient);
        Assert.Equal(13, m.OrderId);
        var c = m.Contract;
        Assert.Equal(76792991, c.ConId);
        Assert.Equal("TSLA", c.Symbol);
        Assert.Equal("STK", c.SecType);
        Assert.False(c.HasLastTradeDateOrContractMonth);
        Assert.Equal(0.0, c.Strike);
        Assert.Equal("?", c.Right);
        Assert.False(c.HasMultiplier);
        Assert.Equal("SMART", c.Exchange);
        Assert.Equal("USD", c.Currency);
        Assert.Equal("TSLA", c.LocalSymbol);
        Assert.Equal("NMS", c.TradingClass);
        Assert.Empty(c.ComboLegs);
        Assert.Null(c.DeltaNeutralContract);

        var o = m.Order;
        Assert.Equal(13, o.OrderId);
        Assert.Equal("BUY", o.Action);
        Assert.Equal("100", o.TotalQuantity);
        Assert.Equal("MKT", o.OrderType);
        Assert.Equal(0.0, o.LmtPrice);
        Assert.Equal(0.0, o.AuxPrice);
        Assert.Equal("DAY", o.Tif);
        Assert.Equal("DU1234567", o.Account);
        Assert.Equal(0, o.Origin);
        Assert.Equal(100, o.ClientId);
        Assert.Equal(1376327563L, o.PermId);
        Assert.False(o.OutsideRth);
        Assert.False(o.Hidden);
        Assert.Equal(-1, o.ExemptCode);
        Assert.False(o.HasDisplaySize);             // 2147483647 = unset
        Assert.Equal(3, o.OcaType);
        Assert.Equal(0, o.ParentId);
        Assert.Equal("None", o.DeltaNeutralOrderType);
        Assert.Equal("?", o.DeltaNeutralOpenClose);
        Assert.False(o.HasScaleInitLevelSize);
        Assert.Equal("IB", o.ClearingIntent);
        Assert.False(o.HasAlgoStrategy);
        Assert.False(o.WhatIf);
        Assert.Empty(o.Conditions);
        Assert.Equal("None", o.AdjustedOrderType);
        Assert.False(o.HasTriggerPrice);            // 1.7976931348623157E308 = unset
        Assert.False(o.HasTrailStopPrice);
        Assert.Null(o.SoftDollarTier);
        Assert.Equal(0.0, o.CashQty);
        Assert.True(o.DontUseAutoPriceForHedge);
        Assert.False(o.IsOmsContainer);
        Assert.Equal(0, o.UsePriceMgmtAlgo);
        Assert.False(o.HasDuration);
        Assert.False(o.AutoCancelParent);

        var s = m.OrderState;
        Assert.Equal("PreSubmitted", s.Status);
        Assert.False(s.HasInitMarginBefore);
        Assert.False(s.HasEquityWithLoanAfter);
        Assert.False(s.HasCommissionAndFees);
        Assert.False(s.HasWarningText);
    }

    [Theory]
    [InlineData(162)]
    [InlineData(169)]
    public void OpenOrder_TSLA_decodes_throughout_162_to_169(int version) =>
        Assert.Equal(13, CodecAssert.DecodeText<OpenOrder>(TslaOpenOrder, version, ServerToClient).OrderId);

    [Theory]
    [InlineData(161)] // no autoCancelParent: the '0' is left over
    [InlineData(170)] // peg-best/peg-mid fields missing
    [InlineData(177)] // no faProfile: every later field shifts
    public void OpenOrder_TSLA_does_not_fit_other_versions(int version) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(TslaOpenOrder), version, ServerToClient));

    [Fact]
    public void OpenOrder_TSLA_reencodes_to_a_frame_that_decodes_the_same()
    {
        var m = CodecAssert.DecodeText<OpenOrder>(TslaOpenOrder, FixtureVersion, ServerToClient);
        CodecAssert.RoundTrip(m, FixtureVersion, ServerToClient, WireEncoding.Text);
        CodecAssert.RoundTrip(m, 203, ServerToClient, WireEncoding.Protobuf);
    }

    // Vectors [2], [4] and [12]: orderStatus, no version (≥ 131), with one stray trailing empty field.
    [Theory]
    [InlineData("3\\013\\0PreSubmitted\\00\\0100\\00\\01376327563\\00\\00\\0100\\0\\00\\0\\0", 13, "PreSubmitted", "0", "100", 0.0, 1376327563L, 0.0)]
    [InlineData("3\\013\\0Filled\\0100\\00\\0196.52\\01376327563\\00\\0196.52\\0100\\0\\00\\0\\0", 13, "Filled", "100", "0", 196.52, 1376327563L, 196.52)]
    [InlineData("3\\041\\0Cancelled\\00\\0100\\00\\071270927\\00\\00\\0100\\0\\00\\0\\0", 41, "Cancelled", "0", "100", 0.0, 71270927L, 0.0)]
    public void OrderStatus_vectors_decode(string notation, int orderId, string status, string filled, string remaining,
        double avgFillPrice, long permId, double lastFillPrice)
    {
        var m = CodecAssert.DecodeText<OrderStatus>(notation, FixtureVersion, ServerToClient);
        Assert.Equal(orderId, m.OrderId);
        Assert.Equal(status, m.Status);
        Assert.Equal(filled, m.Filled);
        Assert.Equal(remaining, m.Remaining);
        Assert.Equal(avgFillPrice, m.AvgFillPrice);
        Assert.Equal(permId, m.PermId);
        Assert.Equal(0, m.ParentId);
        Assert.Equal(lastFillPrice, m.LastFillPrice);
        Assert.Equal(100, m.ClientId);
        Assert.False(m.HasWhyHeld);
        Assert.Equal(0.0, m.MktCapPrice);
    }

    [Fact]
    public void OrderStatus_is_protobuf_from_203_as_AUD203_saw()
    {
        var m = new OrderStatus { OrderId = 5, Status = "Submitted", Filled = "0", Remaining = "100", PermId = 1376327563 };
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(m, 202, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(m, 203, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new OpenOrder(), 203, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new OpenOrdersEnd(), 203, ServerToClient));
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new CompletedOrder(), 203, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new CompletedOrder(), 204, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new PlaceOrderRequest(), 203, ClientToServer));
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new OpenOrdersRequest(), 203, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new OpenOrdersRequest(), 204, ClientToServer));
    }

    // A protobuf orderStatus frame constructed from IB's schema (id 203 = 3 + 200).
    [Fact]
    public void Protobuf_order_status_matches_the_documented_bytes()
    {
        var m = new OrderStatus
        {
            OrderId = 5, Status = "Submitted", Filled = "0", Remaining = "100", AvgFillPrice = 0, PermId = 1376327563,
            ParentId = 0, LastFillPrice = 0, ClientId = 1, WhyHeld = "", MktCapPrice = 0,
        };
        var zero = "00 00 00 00 00 00 00 00";
        var expected = Wire.Hex("00 00 00 40 00 00 00 CB 08 05 12 09 53 75 62 6D 69 74 74 65 64 1A 01 30 22 03 31 30 30 29 " + zero +
            " 30 8B AF A4 90 05 38 00 41 " + zero + " 48 01 52 00 59 " + zero);
        var frame = TwsCodec.Default.EncodeToArray(m, 203, ServerToClient);
        Assert.Equal(expected, frame);
        Assert.Equal(m, TwsCodec.Default.Decode(frame.AsSpan(4), 203, ServerToClient).Message);
    }
}
