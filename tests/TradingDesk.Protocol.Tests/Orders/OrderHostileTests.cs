using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>Malformed order frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class OrderHostileTests
{
    private const int Version = 164;

    private static ProtocolException Fails(string notation, Direction direction = ServerToClient, int version = Version) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    // The TSLA openOrder with field i (0 = the id) replaced.
    private static string TslaWith(int index, string value)
    {
        var fields = OrderVectorTests.TslaOpenOrder.Split("\\0");
        fields[index] = value;
        return string.Join("\\0", fields);
    }

    [Fact]
    public void Truncated_open_order_names_the_missing_field()
    {
        var cut = OrderVectorTests.TslaOpenOrder.IndexOf("PreSubmitted", StringComparison.Ordinal) + "PreSubmitted\\0".Length;
        var e = Fails(OrderVectorTests.TslaOpenOrder[..cut]);
        Assert.Equal(5, e.MessageId);
        Assert.Equal("initMarginBefore", e.Field);
    }

    [Fact]
    public void Open_order_cut_inside_a_field_names_that_field()
    {
        var cut = OrderVectorTests.TslaOpenOrder.IndexOf("PreSubmitted", StringComparison.Ordinal) + 6;
        Assert.Equal("status", Fails(OrderVectorTests.TslaOpenOrder[..cut]).Field);
    }

    [Theory]
    [InlineData(1, "abc", "orderId")]
    [InlineData(2, "7x", "conId")]
    [InlineData(25, "perm", "permId")]
    [InlineData(54, "three", "ocaType")]
    public void Non_number_where_a_number_belongs_names_the_field(int index, string value, string field) =>
        Assert.Equal(field, Fails(TslaWith(index, value)).Field);

    [Theory]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("2147483646")]
    public void Hostile_combo_leg_count_is_rejected_before_allocating(string count) =>
        Assert.Equal("comboLegsCount", Fails(TslaWith(79, count)).Field);

    [Fact]
    public void Hostile_condition_count_and_unknown_condition_type_are_rejected()
    {
        Assert.Equal("conditionsSize", Fails(TslaWith(111, "99999")).Field);
        // One condition of type 2 (no such type): the decoder cannot know its fields.
        Assert.Equal("conditionType", Fails(TslaWith(111, "1\\02")).Field);
    }

    [Fact]
    public void Order_status_with_a_bad_perm_id_names_it()
    {
        var e = Fails("3\\013\\0Filled\\0100\\00\\0196.52\\0oops\\00\\0196.52\\0100\\0\\00\\0");
        Assert.Equal(3, e.MessageId);
        Assert.Equal("permId", e.Field);
    }

    [Fact]
    public void Truncated_order_status_names_the_missing_field() =>
        Assert.Equal("clientId", Fails("3\\013\\0Filled\\0100\\00\\0196.52\\01376327563\\00\\0196.52\\0").Field);

    [Fact]
    public void Place_order_with_a_bad_order_id_or_cut_short_names_the_field()
    {
        var frame = TwsCodec.Default.EncodeToArray(new PlaceOrderRequest
        {
            OrderId = 7,
            Contract = new Contract { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" },
            Order = new Order { Action = "BUY", TotalQuantity = "10", OrderType = "LMT", LmtPrice = 150.25 },
        }, 176, ClientToServer, WireEncoding.Text);
        var payload = frame[4..];
        var truncated = payload[..^10];
        var e = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(truncated, 176, ClientToServer));
        Assert.Equal(3, e.MessageId);
        Assert.NotNull(e.Field);

        var bad = (byte[])payload.Clone();
        bad[2] = (byte)'x'; // "3\07\0…" → orderId "x"
        Assert.Equal("orderId", Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(bad, 176, ClientToServer)).Field);
    }

    [Fact]
    public void Unsupported_condition_type_cannot_be_encoded_as_text()
    {
        var m = new OpenOrder { Contract = new Contract(), Order = new Order(), OrderState = new OrderState() };
        m.Order.Conditions.Add(new OrderCondition { Type = 2 });
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(m, 176, ServerToClient, WireEncoding.Text));
    }
}
