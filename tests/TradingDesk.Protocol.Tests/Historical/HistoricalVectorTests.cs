using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Historical;

/// <summary>
/// Constructed vectors (no capture covers this family): built field by field from IBPY's
/// client.py / decoder.py layouts, in the captured frames' notation.
/// </summary>
public sealed class HistoricalVectorTests
{
    /// <summary>
    /// reqHistoricalData as IBPY 10.46 client.reqHistoricalData writes it at server 176, for
    /// reqHistoricalData(4001, contract, "20261120 16:00:00 US/Eastern", "5 D", "1 hour", "TRADES", 1, 1, False, [])
    /// with contract = Contract(symbol AAPL, secType OPT, lastTradeDateOrContractMonth 20261218, strike 182.5,
    /// right C, multiplier "100", exchange SMART, currency USD; everything else default). Field by field:
    ///   sendMsg: make_field(20)                       "20"  (text era: ASCII id)
    ///   no VERSION field                              (server ≥ SYNT_REALTIME_BARS 124)
    ///   make_field(reqId)                             "4001"
    ///   make_field(contract.conId)                    "0"   (≥ TRADING_CLASS 68; default 0)
    ///   symbol, secType, lastTradeDateOrContractMonth "AAPL" "OPT" "20261218"
    ///   make_field_handle_empty(strike)               "182.5" (str(182.5); a non-integral strike prints the same in C#)
    ///   right, multiplier, exchange                   "C" "100" "SMART"
    ///   primaryExchange, currency, localSymbol        "" "USD" ""
    ///   tradingClass                                  "" (≥ 68)
    ///   make_field(contract.includeExpired)           "0"   (bool → int)
    ///   endDateTime                                   "20261120 16:00:00 US/Eastern"
    ///   barSizeSetting (before duration!)             "1 hour"
    ///   durationStr                                   "5 D"
    ///   useRTH (before whatToShow!)                   "1"
    ///   whatToShow                                    "TRADES"
    ///   formatDate                                    "1"
    ///   (no combo legs: secType is not BAG)
    ///   make_field(keepUpToDate)                      "0"   (≥ 124)
    ///   chartOptionsStr                               ""    (≥ LINKING 70; empty list)
    /// </summary>
    private const string ReqHistoricalDataAaplOption =
        "20\\04001\\00\\0AAPL\\0OPT\\020261218\\0182.5\\0C\\0100\\0SMART\\0\\0USD\\0\\0\\00\\0" +
        "20261120 16:00:00 US/Eastern\\01 hour\\05 D\\01\\0TRADES\\01\\00\\0\\0";

    private static HistoricalDataRequest SampleRequest() => new()
    {
        ReqId = 4001,
        Contract = new Contract
        {
            ConId = 0, Symbol = "AAPL", SecType = "OPT", LastTradeDateOrContractMonth = "20261218", Strike = 182.5,
            Right = "C", Multiplier = 100, Exchange = "SMART", Currency = "USD", IncludeExpired = false,
        },
        EndDateTime = "20261120 16:00:00 US/Eastern",
        BarSizeSetting = "1 hour",
        Duration = "5 D",
        UseRTH = true,
        WhatToShow = "TRADES",
        FormatDate = 1,
        KeepUpToDate = false,
    };

    [Fact]
    public void ReqHistoricalData_writes_the_bytes_IBs_client_writes()
    {
        CodecAssert.ReencodesTo(SampleRequest(), ReqHistoricalDataAaplOption, 176);
        var decoded = CodecAssert.DecodeText<HistoricalDataRequest>(ReqHistoricalDataAaplOption, 176, ClientToServer);
        Assert.Equal(SampleRequest(), decoded);
    }

    [Fact]
    public void ReqHistoricalData_is_text_behind_a_binary_id_until_208()
    {
        var frame = TwsCodec.Default.EncodeToArray(SampleRequest(), 207, ClientToServer);
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(ReqHistoricalDataAaplOption)), frame);
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(SampleRequest(), 208, ClientToServer));
    }

    // historicalData before 196: [17][reqId][startDateStr][endDateStr][itemCount]{[date][open][high][low][close]
    // [volume][WAP][barCount]}. No version from 124, no hasGaps from 124.
    private const string Bars =
        "20261119  09:30:00\\0187.1\\0188.4\\0186.9\\0188\\012345\\0187.65\\0321\\0" +
        "20261119  10:30:00\\0188\\0188.9\\0187.8\\0188.5\\06789.5\\0188.3\\0210\\0";
    private const string HistoricalDataBefore196 = "17\\04001\\020261113  16:00:00\\020261120  16:00:00\\02\\0" + Bars;

    [Fact]
    public void HistoricalData_before_196_carries_its_end_marker()
    {
        var decoded = TwsCodec.Default.Decode(Wire.Payload(HistoricalDataBefore196), 176, ServerToClient);
        var m = Assert.IsType<HistoricalData>(decoded.Message);
        Assert.Equal(4001, m.ReqId);
        Assert.Equal(2, m.HistoricalDataBars.Count);
        var first = m.HistoricalDataBars[0];
        Assert.Equal(("20261119  09:30:00", 187.1, 188.4, 186.9, 188.0, "12345", "187.65", 321),
            (first.Date, first.Open, first.High, first.Low, first.Close, first.Volume, first.WAP, first.BarCount));
        Assert.Equal("6789.5", m.HistoricalDataBars[1].Volume);
        var end = Assert.IsType<HistoricalDataEnd>(decoded.Companion);
        Assert.Equal((4001, "20261113  16:00:00", "20261120  16:00:00"), (end.ReqId, end.StartDateStr, end.EndDateStr));

        var frame = TwsCodec.Default.EncodeToArray(m, 176, ServerToClient, WireEncoding.Text, companion: end);
        Assert.Equal(Wire.Frame(Wire.Payload(HistoricalDataBefore196)), frame);
    }

    [Fact]
    public void HistoricalData_from_196_is_bars_then_a_separate_end()
    {
        const string data = "17\\04001\\02\\0" + Bars;
        const string endFrame = "108\\04001\\020261113  16:00:00\\020261120  16:00:00\\0";
        var decoded = TwsCodec.Default.Decode(Wire.Payload(data), 200, ServerToClient);
        Assert.Null(decoded.Companion);
        var m = Assert.IsType<HistoricalData>(decoded.Message);
        Assert.Equal(2, m.HistoricalDataBars.Count);
        MarketDataVectorTests.ReencodesToServerFrame(m, data, 200);

        var end = CodecAssert.DecodeText<HistoricalDataEnd>(endFrame, 200, ServerToClient);
        Assert.Equal((4001, "20261113  16:00:00", "20261120  16:00:00"), (end.ReqId, end.StartDateStr, end.EndDateStr));
        MarketDataVectorTests.ReencodesToServerFrame(end, endFrame, 200);
    }

    [Fact]
    public void HistoricalData_before_196_cannot_be_encoded_without_its_marker()
    {
        var m = new HistoricalData { ReqId = 4001 };
        var missing = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(m, 193, ServerToClient));
        Assert.Contains("HistoricalDataEnd", missing.Message);
        var wrong = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.EncodeToArray(m, 193, ServerToClient, companion: new HistoricalDataEnd { ReqId = 7 }));
        Assert.Contains("request 7", wrong.Message);
        // …and the end marker alone does not exist before 196.
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new HistoricalDataEnd { ReqId = 4001 }, 193, ServerToClient));
        // From 196 no companion is needed.
        TwsCodec.Default.EncodeToArray(m, 196, ServerToClient);
    }

    // realtimeBar: [50][v=3][reqId][time][open][high][low][close][volume][WAP][count]
    private const string RealTimeBar = "50\\03\\04001\\01752606305\\0187.1\\0187.3\\0187\\0187.2\\01200\\0187.18\\012\\0";

    [Fact]
    public void RealtimeBar_decodes_every_field()
    {
        var m = CodecAssert.DecodeText<RealTimeBarTick>(RealTimeBar, 176, ServerToClient);
        Assert.Equal((4001, 1752606305L, 187.1, 187.3, 187.0, 187.2, "1200", "187.18", 12),
            (m.ReqId, m.Time, m.Open, m.High, m.Low, m.Close, m.Volume, m.WAP, m.Count));
        MarketDataVectorTests.ReencodesToServerFrame(m, RealTimeBar, 176);
    }

    [Fact]
    public void HistoricalDataUpdate_reads_close_before_high_and_low()
    {
        const string update = "90\\04001\\015\\020261120 15:59:00\\0188\\0188.1\\0188.3\\0187.9\\0188.05\\0150\\0";
        var bar = CodecAssert.DecodeText<HistoricalDataUpdate>(update, 176, ServerToClient).HistoricalDataBar;
        Assert.Equal((15, "20261120 15:59:00", 188.0, 188.1, 188.3, 187.9, "188.05", "150"),
            (bar.BarCount, bar.Date, bar.Open, bar.Close, bar.High, bar.Low, bar.WAP, bar.Volume));
        MarketDataVectorTests.ReencodesToServerFrame(CodecAssert.DecodeText<HistoricalDataUpdate>(update, 176, ServerToClient), update, 176);
    }

    [Fact]
    public void HeadTimestamp_request_and_reply()
    {
        // [87][reqId][C12][includeExpired][useRTH][whatToShow][formatDate]; strike left unset (IBPY would write "0.0").
        const string request = "87\\04002\\0265598\\0AAPL\\0STK\\0\\0\\0\\0\\0SMART\\0\\0USD\\0\\0\\00\\01\\0TRADES\\02\\0";
        var m = CodecAssert.DecodeText<HeadTimestampRequest>(request, 176, ClientToServer);
        Assert.Equal((4002, 265598, "AAPL", true, "TRADES", 2), (m.ReqId, m.Contract.ConId, m.Contract.Symbol, m.UseRTH, m.WhatToShow, m.FormatDate));
        CodecAssert.ReencodesTo(m, request, 176);
        var reply = CodecAssert.DecodeText<HeadTimestamp>("88\\04002\\01072963800\\0", 176, ServerToClient);
        Assert.Equal((4002, "1072963800"), (reply.ReqId, reply.HeadTimestamp_));
    }

    [Fact]
    public void Protobuf_from_208()
    {
        var codec = TwsCodec.Default;
        Assert.Equal(WireEncoding.Text, codec.PreferredEncoding(new HistoricalData(), 207, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, codec.PreferredEncoding(new HistoricalData(), 208, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, codec.PreferredEncoding(new RealTimeBarTick(), 208, ServerToClient));
        // CancelHistoricalData{reqId 4001} = 08 A1 1F under id 225 = 25 + 200.
        Assert.Equal(Wire.Hex("00 00 00 07 00 00 00 E1 08 A1 1F"), codec.EncodeToArray(new CancelHistoricalData { ReqId = 4001 }, 208, ClientToServer));
    }
}
