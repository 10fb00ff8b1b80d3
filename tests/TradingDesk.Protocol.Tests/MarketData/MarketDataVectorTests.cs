using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>
/// Constructed vectors in the captured frames' notation ("\0" for NUL). No capture covers this family (the captures
/// hold session, position, account-summary, order, execution and contract frames only), so these frames are built
/// field by field from IBPY decoder.py / client.py layouts and are not captures.
/// </summary>
public sealed class MarketDataVectorTests
{
    // Any text-era version works for these layouts: nothing in them is gated between 132 and 200.
    private const int TextVersion = 176;

    /// <summary>Server→client frames: the codec writes back exactly the constructed bytes.</summary>
    internal static void ReencodesToServerFrame(Google.Protobuf.IMessage message, string notation, int version)
    {
        var frame = TwsCodec.Default.EncodeToArray(message, version, ServerToClient, WireEncoding.Text);
        Assert.Equal(Wire.Frame(Wire.Payload(notation)), frame);
    }

    // tickPrice: [1][v=6][reqId 9001][tickType 1 = BID][price 187.25][size "300"][attrMask 3 = canAutoExecute|pastLimit]
    private const int TickPriceVersionField = 6;
    private const string TickPriceBid = "1\\06\\09001\\01\\0187.25\\0300\\03\\0";

    [Fact]
    public void TickPrice_decodes_every_field()
    {
        var m = CodecAssert.DecodeText<TickPrice>(TickPriceBid, TextVersion, ServerToClient);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal(1, m.TickType);
        Assert.Equal(187.25, m.Price);
        Assert.Equal("300", m.Size);
        Assert.Equal(3, m.AttrMask);
        Assert.Equal(6, TickPriceVersionField);
        ReencodesToServerFrame(m, TickPriceBid, TextVersion);
    }

    [Fact]
    public void TickPrice_with_empty_size_and_fractional_size()
    {
        // tickType 9 = CLOSE: TWS has no size to give; the empty field stays unset.
        var close = CodecAssert.DecodeText<TickPrice>("1\\06\\09001\\09\\0186.5\\0\\00\\0", TextVersion, ServerToClient);
        Assert.False(close.HasSize);
        Assert.Equal(0, close.AttrMask);
        // Fractional sizes (crypto, FRACTIONAL_SIZE_SUPPORT) pass through verbatim.
        var ask = CodecAssert.DecodeText<TickPrice>("1\\06\\09001\\02\\064210.5\\00.00125\\00\\0", TextVersion, ServerToClient);
        Assert.Equal("0.00125", ask.Size);
    }

    [Fact]
    public void TickPrice_in_a_binary_id_text_frame_at_205()
    {
        // 201..205: tickPrice is still text, behind a 4-byte binary id.
        var decoded = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(TickPriceBid), 205, ServerToClient);
        Assert.Equal(WireEncoding.Text, decoded.Encoding);
        Assert.Equal(187.25, Assert.IsType<TickPrice>(decoded.Message).Price);
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new TickPrice(), 205, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new TickPrice(), 206, ServerToClient));
    }

    // tickSize: [2][v=6][reqId 9001][tickType 0 = BID_SIZE][size "500"]
    private const string TickSizeBid = "2\\06\\09001\\00\\0500\\0";

    [Fact]
    public void TickSize_decodes_every_field()
    {
        var m = CodecAssert.DecodeText<TickSize>(TickSizeBid, TextVersion, ServerToClient);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal(0, m.TickType);
        Assert.Equal("500", m.Size);
        ReencodesToServerFrame(m, TickSizeBid, TextVersion);
    }

    [Fact]
    public void Other_tick_replies_decode()
    {
        var text = CodecAssert.DecodeText<TickString>("46\\01\\09001\\045\\01752606307\\0", TextVersion, ServerToClient);
        Assert.Equal((9001, 45, "1752606307"), (text.ReqId, text.TickType, text.Value));
        var generic = CodecAssert.DecodeText<TickGeneric>("45\\01\\09001\\049\\00\\0", TextVersion, ServerToClient);
        Assert.Equal((9001, 49, 0.0), (generic.ReqId, generic.TickType, generic.Value));
        Assert.Equal(9001, CodecAssert.DecodeText<TickSnapshotEnd>("57\\01\\09001\\0", TextVersion, ServerToClient).ReqId);
        var type = CodecAssert.DecodeText<MarketDataType>("58\\01\\09001\\03\\0", TextVersion, ServerToClient);
        Assert.Equal((9001, 3), (type.ReqId, type.MarketDataType_));
        var par = CodecAssert.DecodeText<TickReqParams>("81\\09001\\00.01\\09c0001\\03\\0", TextVersion, ServerToClient);
        Assert.Equal((9001, "0.01", "9c0001", 3), (par.ReqId, par.MinTick, par.BboExchange, par.SnapshotPermissions));
    }

    [Fact]
    public void TickByTick_last_bid_ask_and_midpoint_decode()
    {
        var last = CodecAssert.DecodeText<TickByTickData>("99\\09001\\01\\01752606307\\0187.25\\0100\\02\\0NASDAQ\\0 T\\0", TextVersion, ServerToClient);
        Assert.Equal(TickByTickData.TickOneofCase.HistoricalTickLast, last.TickCase);
        Assert.Equal((1752606307L, 187.25, "100", "NASDAQ", " T"), (last.HistoricalTickLast.Time, last.HistoricalTickLast.Price,
            last.HistoricalTickLast.Size, last.HistoricalTickLast.Exchange, last.HistoricalTickLast.SpecialConditions));
        Assert.False(last.HistoricalTickLast.TickAttribLast.PastLimit);
        Assert.True(last.HistoricalTickLast.TickAttribLast.Unreported);

        var bidAsk = CodecAssert.DecodeText<TickByTickData>("99\\09001\\03\\01752606307\\0187.2\\0187.3\\0200\\0300\\01\\0", TextVersion, ServerToClient);
        var ba = bidAsk.HistoricalTickBidAsk;
        Assert.Equal((187.2, 187.3, "200", "300"), (ba.PriceBid, ba.PriceAsk, ba.SizeBid, ba.SizeAsk));
        Assert.True(ba.TickAttribBidAsk.BidPastLow); // bit 1 is bidPastLow in tickByTick (IBPY processTickByTickMsg)
        Assert.False(ba.TickAttribBidAsk.AskPastHigh);

        var mid = CodecAssert.DecodeText<TickByTickData>("99\\09001\\04\\01752606307\\0187.25\\0", TextVersion, ServerToClient);
        Assert.Equal((1752606307L, 187.25), (mid.HistoricalTickMidPoint.Time, mid.HistoricalTickMidPoint.Price));

        var none = CodecAssert.DecodeText<TickByTickData>("99\\09001\\00\\01752606307\\0", TextVersion, ServerToClient);
        Assert.Equal(TickByTickData.TickOneofCase.None, none.TickCase);
    }

    [Fact]
    public void Market_depth_rows_decode()
    {
        var d = CodecAssert.DecodeText<MarketDepth>("12\\01\\09001\\00\\00\\01\\0187.25\\0100\\0", TextVersion, ServerToClient).MarketDepthData;
        Assert.Equal((0, 0, 1, 187.25, "100"), (d.Position, d.Operation, d.Side, d.Price, d.Size));
        var l2 = CodecAssert.DecodeText<MarketDepthL2>("13\\01\\09001\\02\\0ARCA\\01\\00\\0187.2\\0300\\01\\0", TextVersion, ServerToClient).MarketDepthData;
        Assert.Equal((2, "ARCA", 1, 0, 187.2, "300", true), (l2.Position, l2.MarketMaker, l2.Operation, l2.Side, l2.Price, l2.Size, l2.IsSmartDepth));
    }

    // reqMktData, IBPY client.reqMktData at 176, for reqId 9001 on AAPL STK SMART/ISLAND USD, no BAG, no delta neutral,
    // genericTickList "233", no snapshot: [1][v=11][9001][conId 265598][AAPL][STK][""][strike ""][""][mult ""][SMART]
    // [ISLAND][USD][""][""][deltaNeutral 0][233][snapshot 0][regulatorySnapshot 0][mktDataOptions ""].
    // The strike is written empty here because the sample leaves it unset (IBPY would print its default 0.0 as "0.0").
    private const string ReqMktDataAapl = "1\\011\\09001\\0265598\\0AAPL\\0STK\\0\\0\\0\\0\\0SMART\\0ISLAND\\0USD\\0\\0\\00\\0233\\00\\00\\0\\0";

    [Fact]
    public void ReqMktData_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<MarketDataRequest>(ReqMktDataAapl, TextVersion, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal((265598, "AAPL", "STK", "SMART", "ISLAND", "USD"),
            (m.Contract.ConId, m.Contract.Symbol, m.Contract.SecType, m.Contract.Exchange, m.Contract.PrimaryExch, m.Contract.Currency));
        Assert.False(m.Contract.HasStrike);
        Assert.Null(m.Contract.DeltaNeutralContract);
        Assert.Equal("233", m.GenericTickList);
        Assert.True(m.HasSnapshot && !m.Snapshot);
        CodecAssert.ReencodesTo(m, ReqMktDataAapl, TextVersion);
    }

    [Fact]
    public void ReqMktData_BAG_with_legs_and_delta_neutral()
    {
        // [..C12 of a BAG..][legCount 2]{[conId][ratio][action][exchange]}×2 then [1][conId][delta][price]
        const string bag = "1\\011\\07\\00\\0SPY\\0BAG\\0\\0\\0\\0\\0SMART\\0\\0USD\\0\\0\\0" +
                           "2\\0111\\01\\0BUY\\0SMART\\0222\\02\\0SELL\\0SMART\\0" +
                           "1\\0756733\\00.5\\0450.25\\0\\00\\00\\0\\0";
        var m = CodecAssert.DecodeText<MarketDataRequest>(bag, TextVersion, ClientToServer);
        Assert.Equal(2, m.Contract.ComboLegs.Count);
        Assert.Equal((222, 2, "SELL", "SMART"), (m.Contract.ComboLegs[1].ConId, m.Contract.ComboLegs[1].Ratio,
            m.Contract.ComboLegs[1].Action, m.Contract.ComboLegs[1].Exchange));
        Assert.Equal((756733, 0.5, 450.25), (m.Contract.DeltaNeutralContract.ConId, m.Contract.DeltaNeutralContract.Delta,
            m.Contract.DeltaNeutralContract.Price));
        CodecAssert.ReencodesTo(m, bag, TextVersion);
    }

    [Fact]
    public void Protobuf_from_206_for_requests_and_ticks()
    {
        var codec = TwsCodec.Default;
        Assert.Equal(WireEncoding.Text, codec.PreferredEncoding(new MarketDataRequest(), 205, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, codec.PreferredEncoding(new MarketDataRequest(), 206, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, codec.PreferredEncoding(new MarketDepth(), 206, ServerToClient));
        Assert.Equal(WireEncoding.Text, codec.PreferredEncoding(new TickByTickRequest(), 207, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, codec.PreferredEncoding(new TickByTickData(), 208, ServerToClient));
        // TickPrice{reqId 1, tickType 1, price 1.5} under binary id 201: 08 01 10 01 19 <1.5 LE>
        var frame = codec.EncodeToArray(new TickPrice { ReqId = 1, TickType = 1, Price = 1.5 }, 206, ServerToClient);
        Assert.Equal(Wire.Hex("00 00 00 11 00 00 00 C9 08 01 10 01 19 00 00 00 00 00 00 F8 3F"), frame);
    }
}
