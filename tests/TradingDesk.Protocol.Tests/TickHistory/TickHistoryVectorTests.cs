using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Tests.TickHistory.TickHistoryVectors;

namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>The constructed vectors decode to the listed values; requests re-encode to the same bytes.</summary>
public sealed class TickHistoryVectorTests
{
    private const int Version = 176;

    [Fact]
    public void ReqHistoricalTicks_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<HistoricalTicksRequest>(V.ReqHistoricalTicks, Version, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal(265598, m.Contract.ConId);
        Assert.Equal(("AAPL", "STK", "SMART", "USD"), (m.Contract.Symbol, m.Contract.SecType, m.Contract.Exchange, m.Contract.Currency));
        Assert.False(m.Contract.HasStrike);
        Assert.False(m.Contract.IncludeExpired);
        Assert.Equal("20261113 09:30:00 US/Eastern", m.StartDateTime);
        Assert.False(m.HasEndDateTime);
        Assert.Equal(100, m.NumberOfTicks);
        Assert.Equal("TRADES", m.WhatToShow);
        Assert.True(m.UseRTH);
        Assert.False(m.IgnoreSize);
        Assert.Empty(m.MiscOptions);
        CodecAssert.ReencodesTo(m, V.ReqHistoricalTicks, Version);
    }

    [Fact]
    public void ReqHistoricalTicks_with_ignore_size_and_options_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<HistoricalTicksRequest>(V.ReqHistoricalTicksBidAsk, Version, ClientToServer);
        Assert.Equal(9002, m.ReqId);
        Assert.Equal(0, m.Contract.ConId);
        Assert.Equal("CASH", m.Contract.SecType);
        Assert.False(m.HasStartDateTime);
        Assert.Equal("20261113 16:00:00 US/Eastern", m.EndDateTime);
        Assert.Equal(1000, m.NumberOfTicks);
        Assert.Equal("BID_ASK", m.WhatToShow);
        Assert.False(m.UseRTH);
        Assert.True(m.IgnoreSize);
        Assert.Equal("1", m.MiscOptions["XYZ"]);
        CodecAssert.ReencodesTo(m, V.ReqHistoricalTicksBidAsk, Version);
    }

    [Fact]
    public void HistoricalTicksLast_decodes_masks_and_done()
    {
        var m = CodecAssert.DecodeText<HistoricalTicksLast>(V.HistoricalTicksLast, Version, ServerToClient);
        Assert.Equal(9001, m.ReqId);
        Assert.True(m.IsDone);
        Assert.Equal(2, m.HistoricalTicksLast_.Count);
        var first = m.HistoricalTicksLast_[0];
        Assert.Equal((1762871400L, 187.25, "100", "NASDAQ"), (first.Time, first.Price, first.Size, first.Exchange));
        Assert.False(first.HasSpecialConditions);
        Assert.False(first.TickAttribLast.PastLimit);
        Assert.False(first.TickAttribLast.Unreported);
        var second = m.HistoricalTicksLast_[1];
        Assert.Equal((1762871401L, 187.26, "5", "FINRA", " I"), (second.Time, second.Price, second.Size, second.Exchange, second.SpecialConditions));
        Assert.False(second.TickAttribLast.PastLimit);
        Assert.True(second.TickAttribLast.Unreported); // mask bit 2
    }

    [Fact]
    public void HistoricalTicksBidAsk_mask_bit_1_is_ask_past_high()
    {
        var m = CodecAssert.DecodeText<HistoricalTicksBidAsk>(V.HistoricalTicksBidAsk, Version, ServerToClient);
        Assert.Equal(9002, m.ReqId);
        Assert.True(m.HasIsDone);
        Assert.False(m.IsDone);
        var tick = Assert.Single(m.HistoricalTicksBidAsk_);
        Assert.Equal((1762871400L, 1.0841, 1.0842, "1000000", "2000000"), (tick.Time, tick.PriceBid, tick.PriceAsk, tick.SizeBid, tick.SizeAsk));
        Assert.True(tick.TickAttribBidAsk.AskPastHigh);
        Assert.False(tick.TickAttribBidAsk.BidPastLow);
    }

    [Fact]
    public void HistoricalTicksBidAsk_writes_bid_past_low_as_bit_2()
    {
        var m = new HistoricalTicksBidAsk { ReqId = 7, IsDone = true };
        m.HistoricalTicksBidAsk_.Add(new HistoricalTickBidAsk { Time = 1, TickAttribBidAsk = new TickAttribBidAsk { BidPastLow = true, AskPastHigh = false } });
        var frame = TwsCodec.Default.EncodeToArray(m, Version, ServerToClient, WireEncoding.Text);
        Assert.Equal(Wire.Frame(Wire.Payload(@"97\07\01\01\02\0\0\0\0\01\0")), frame);
    }

    [Fact]
    public void HistoricalTicks_midpoint_decodes()
    {
        var m = CodecAssert.DecodeText<IBApi.protobuf.HistoricalTicks>(V.HistoricalTicksMidpoint, Version, ServerToClient);
        Assert.Equal(9003, m.ReqId);
        Assert.True(m.IsDone);
        var tick = Assert.Single(m.HistoricalTicks_);
        Assert.Equal((1762871400L, 187.255, "0"), (tick.Time, tick.Price, tick.Size));
    }

    [Fact]
    public void Histogram_request_and_cancel_decode_and_reencode()
    {
        var req = CodecAssert.DecodeText<HistogramDataRequest>(V.ReqHistogramData, Version, ClientToServer);
        Assert.Equal(9004, req.ReqId);
        Assert.Equal("AAPL", req.Contract.Symbol);
        Assert.True(req.UseRTH);
        Assert.Equal("3 days", req.TimePeriod);
        CodecAssert.ReencodesTo(req, V.ReqHistogramData, Version);

        var cancel = CodecAssert.DecodeText<CancelHistogramData>(V.CancelHistogramData, Version, ClientToServer);
        Assert.Equal(9004, cancel.ReqId);
        CodecAssert.ReencodesTo(cancel, V.CancelHistogramData, Version);
    }

    [Fact]
    public void HistogramData_decodes_price_and_verbatim_size()
    {
        var m = CodecAssert.DecodeText<HistogramData>(V.HistogramData, Version, ServerToClient);
        Assert.Equal(9004, m.ReqId);
        Assert.Equal(2, m.HistogramDataEntries.Count);
        Assert.Equal((187.5, "1200"), (m.HistogramDataEntries[0].Price, m.HistogramDataEntries[0].Size));
        Assert.Equal((188.0, "300.5"), (m.HistogramDataEntries[1].Price, m.HistogramDataEntries[1].Size));
    }

    [Fact]
    public void HistoricalSchedule_decodes_sessions()
    {
        var m = CodecAssert.DecodeText<HistoricalSchedule>(V.HistoricalSchedule, Version, ServerToClient);
        Assert.Equal(9005, m.ReqId);
        Assert.Equal(("20261113-09:30:00", "20261114-16:00:00", "US/Eastern"), (m.StartDateTime, m.EndDateTime, m.TimeZone));
        Assert.Equal(2, m.HistoricalSessions.Count);
        var s = m.HistoricalSessions[1];
        Assert.Equal(("20261114-09:30:00", "20261114-16:00:00", "20261114"), (s.StartDateTime, s.EndDateTime, s.RefDate));
    }

    [Fact]
    public void At_201_and_later_a_text_reply_travels_behind_its_binary_id()
    {
        var m = CodecAssert.DecodeText<HistogramData>(V.HistogramData, Version, ServerToClient);
        var frame = TwsCodec.Default.EncodeToArray(m, 203, ServerToClient, WireEncoding.Text);
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(V.HistogramData)), frame);
        var decoded = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(V.HistogramData), 203, ServerToClient);
        Assert.Equal(m, decoded.Message);
    }
}
