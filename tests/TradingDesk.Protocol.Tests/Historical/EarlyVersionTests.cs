using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Historical;

/// <summary>
/// The gates below the standard test versions (176+): the codec speaks text from 100, and these families change
/// shape at 124 (historical version fields, keepUpToDate), 137/140 (tick-by-tick) and 146/149 (market depth).
/// </summary>
public sealed class EarlyVersionTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(123)]
    [InlineData(124)]
    public void Historical_data_and_request_around_124(int version) => Property.ForAll(
        from contract in MarketDataGens.WithOptionalBag(MarketDataGens.C12())
        from n in Gen.Choose(0, 2)
        from bars in Gen.ArrayOf(HistoricalRoundTripTests.Bar, n)
        from keep in Gens.Bool
        select (contract, bars, keep),
        x =>
        {
            x.contract.IncludeExpired = true;
            var request = new HistoricalDataRequest { ReqId = 1, Contract = x.contract, UseRTH = false, WhatToShow = "TRADES" };
            if (version >= ServerVersions.SyntRealtimeBars) request.KeepUpToDate = x.keep; // no keepUpToDate before 124
            CodecAssert.RoundTripAllEncodings(request, version, ClientToServer);

            var data = new HistoricalData { ReqId = 1 };
            data.HistoricalDataBars.AddRange(x.bars);
            CodecAssert.RoundTripAllEncodings(data, version, ServerToClient, new HistoricalDataEnd { ReqId = 1, StartDateStr = "a", EndDateStr = "b" });
        });

    [Fact]
    public void Historical_data_before_124_has_a_version_and_skips_hasGaps()
    {
        const string frame = "17\\03\\07\\0s\\0e\\01\\020260101\\01\\02\\00.5\\01.5\\0100\\01.25\\0false\\09\\0";
        var decoded = TwsCodec.Default.Decode(Wire.Payload(frame), 123, ServerToClient);
        var bar = Assert.IsType<HistoricalData>(decoded.Message).HistoricalDataBars.Single();
        Assert.Equal(("20260101", 1.5, "100", "1.25", 9), (bar.Date, bar.Close, bar.Volume, bar.WAP, bar.BarCount));
        var again = TwsCodec.Default.EncodeToArray(decoded.Message!, 123, ServerToClient, WireEncoding.Text, decoded.Companion);
        Assert.Equal(Wire.Frame(Wire.Payload(frame)), again);
    }

    [Theory]
    [InlineData(137)]
    [InlineData(140)]
    [InlineData(145)]
    [InlineData(146)]
    [InlineData(149)]
    public void Tick_by_tick_and_depth_requests_around_their_gates(int version) => Property.ForAll(
        from contract in MarketDataGens.C12(withPrimaryExchange: version >= 149)
        from flag in Gens.Bool
        select (contract, flag),
        x =>
        {
            var tbt = new TickByTickRequest { ReqId = 3, Contract = x.contract.Clone(), TickType = "BidAsk" };
            if (version >= 140) { tbt.NumberOfTicks = 10; tbt.IgnoreSize = x.flag; }
            CodecAssert.RoundTripAllEncodings(tbt, version, ClientToServer);

            var depth = new MarketDepthRequest { ReqId = 4, Contract = x.contract.Clone(), NumRows = 5 };
            if (version >= 146) depth.IsSmartDepth = x.flag;
            CodecAssert.RoundTripAllEncodings(depth, version, ClientToServer);

            var l2 = new MarketDepthL2 { ReqId = 4, MarketDepthData = new MarketDepthData { Position = 0, MarketMaker = "NSDQ", Price = 1 } };
            if (version >= 146) l2.MarketDepthData.IsSmartDepth = x.flag;
            CodecAssert.RoundTripAllEncodings(l2, version, ServerToClient);
        });

    [Fact]
    public void Tick_by_tick_does_not_exist_before_137()
    {
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new TickByTickRequest { ReqId = 1 }, 136, ClientToServer));
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new HeadTimestampRequest { ReqId = 1 }, 117, ClientToServer));
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new CancelHeadTimestamp { ReqId = 1 }, 122, ClientToServer));
    }
}
