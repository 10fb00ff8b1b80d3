using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>Malformed market-data frames give ProtocolException naming the field, never another exception.</summary>
public sealed class MarketDataHostileTests
{
    private static ProtocolException Fails(string notation, Direction direction, int version = 176) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void Truncated_tick_price_names_the_missing_field()
    {
        var ex = Fails("1\\06\\09001\\01\\0187.25\\0300\\0", ServerToClient);
        Assert.Equal("attrMask", ex.Field);
        var cut = Fails("1\\06\\09001\\01\\0187.2", ServerToClient); // cut inside a field: no NUL
        Assert.Equal("price", cut.Field);
    }

    [Fact]
    public void Non_numbers_name_the_field()
    {
        Assert.Equal("tickType", Fails("1\\06\\09001\\0BID\\0187.25\\0300\\00\\0", ServerToClient).Field);
        Assert.Equal("price", Fails("1\\06\\09001\\01\\0abc\\0300\\00\\0", ServerToClient).Field);
        Assert.Equal("time", Fails("99\\09001\\01\\0noon\\0", ServerToClient).Field);
        Assert.Equal("numRows", Fails("10\\05\\01\\00\\0AAPL\\0STK\\0\\0\\0\\0\\0ISLAND\\0\\0USD\\0\\0\\0many\\00\\0\\0", ClientToServer).Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10000")]
    [InlineData("2000000000")]
    public void Hostile_combo_leg_counts_are_refused_before_looping(string count)
    {
        var ex = Fails($"1\\011\\07\\00\\0SPY\\0BAG\\0\\0\\0\\0\\0SMART\\0\\0USD\\0\\0\\0{count}\\0", ClientToServer);
        Assert.Equal("comboLegsCount", ex.Field);
    }

    [Fact]
    public void Unknown_tick_by_tick_type_and_bad_options_are_refused()
    {
        Assert.Equal("tickType", Fails("99\\09001\\07\\01752606307\\0", ServerToClient).Field);
        Assert.Equal("mktDataOptions", Fails("1\\011\\01\\00\\0A\\0STK\\0\\0\\0\\0\\0SMART\\0\\0USD\\0\\0\\00\\0\\00\\00\\0novalue\\0", ClientToServer).Field);
    }

    [Fact]
    public void Trailing_content_is_refused()
    {
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload("2\\06\\09001\\00\\0500\\0extra\\0"), 176, ServerToClient));
    }

    [Fact]
    public void Inexpressible_messages_fail_to_encode_with_protocol_exception()
    {
        var codec = TwsCodec.Default;
        // A BidAsk tick under tickType 1 (Last) has no text layout.
        var mismatched = new TickByTickData { TickType = 1, HistoricalTickBidAsk = new HistoricalTickBidAsk() };
        Assert.Throws<ProtocolException>(() => codec.EncodeToArray(mismatched, 176, ServerToClient, WireEncoding.Text));
        var bad = new MarketDataRequest { Contract = new Contract() };
        bad.MarketDataOptions["a=b"] = "c";
        Assert.Throws<ProtocolException>(() => codec.EncodeToArray(bad, 176, ClientToServer, WireEncoding.Text));
        // Tick-by-tick does not exist before 137.
        Assert.Throws<ProtocolException>(() => codec.EncodeToArray(new CancelTickByTick { ReqId = 1 }, 136, ClientToServer));
    }
}
