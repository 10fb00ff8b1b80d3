using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using Property = TradingDesk.Protocol.Tests.Support.Property;

namespace TradingDesk.Protocol.Tests.Historical;

/// <summary>Historical and real-time bars: encode → decode over random values, both encodings, every test version.</summary>
public sealed class HistoricalRoundTripTests
{
    public static TheoryData<int> Versions => CodecAssert.VersionData();

    [Theory, MemberData(nameof(Versions))]
    public void ReqHistoricalData_and_cancel(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.WithOptionalBag(MarketDataGens.C12())
        from expired in Gens.Bool
        from end in MarketDataGens.OptText
        from barSize in Gens.Optional(Gen.Elements("1 min", "5 mins", "1 hour", "1 day"))
        from duration in Gens.Optional(Gen.Elements("1 D", "5 D", "2 W", "1 Y"))
        from rth in Gens.Bool
        from what in Gens.Optional(Gen.Elements("TRADES", "MIDPOINT", "BID_ASK", "SCHEDULE"))
        from format in Gens.OptionalValue(Gen.Choose(1, 3))
        from keep in Gens.Bool
        from options in MarketDataGens.Options
        select (reqId, contract, expired, end, barSize, duration, rth, what, format, keep, options),
        x =>
        {
            // includeExpired, useRTH and keepUpToDate are always on the wire (IBPY writes them as 0/1).
            x.contract.IncludeExpired = x.expired;
            var m = new HistoricalDataRequest { Contract = x.contract, UseRTH = x.rth, KeepUpToDate = x.keep };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.end is not null) m.EndDateTime = x.end;
            if (x.barSize is not null) m.BarSizeSetting = x.barSize;
            if (x.duration is not null) m.Duration = x.duration;
            if (x.what is not null) m.WhatToShow = x.what;
            if (x.format is { } f) m.FormatDate = f;
            MarketDataGens.Fill(m.ChartOptions, x.options);
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelHistoricalData();
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
        });

    [Theory, MemberData(nameof(Versions))]
    public void ReqHeadTimestamp_cancel_and_reply(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12()
        from expired in Gens.Bool
        from rth in Gens.Bool
        from what in Gens.Optional(Gen.Elements("TRADES", "MIDPOINT", "BID", "ASK"))
        from format in Gens.OptionalValue(Gen.Choose(1, 2))
        from head in MarketDataGens.OptText
        select (reqId, contract, expired, rth, what, format, head),
        x =>
        {
            x.contract.IncludeExpired = x.expired;
            var m = new HeadTimestampRequest { Contract = x.contract, UseRTH = x.rth };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.what is not null) m.WhatToShow = x.what;
            if (x.format is { } f) m.FormatDate = f;
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelHeadTimestamp();
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);

            var reply = new HeadTimestamp();
            if (x.reqId is { } rid) reply.ReqId = rid;
            if (x.head is not null) reply.HeadTimestamp_ = x.head;
            CodecAssert.RoundTripAllEncodings(reply, version, ServerToClient);
        });

    public static Gen<HistoricalDataBar> Bar =>
        from date in MarketDataGens.OptText
        from open in MarketDataGens.OptDouble
        from high in MarketDataGens.OptDouble
        from low in MarketDataGens.OptDouble
        from close in MarketDataGens.OptDouble
        from volume in MarketDataGens.OptDecimal
        from wap in MarketDataGens.OptDecimal
        from count in MarketDataGens.OptInt
        select BuildBar(date, open, high, low, close, volume, wap, count);

    private static HistoricalDataBar BuildBar(string? date, double? open, double? high, double? low, double? close,
        string? volume, string? wap, int? count)
    {
        var bar = new HistoricalDataBar();
        if (date is not null) bar.Date = date;
        if (open is { } o) bar.Open = o;
        if (high is { } h) bar.High = h;
        if (low is { } l) bar.Low = l;
        if (close is { } c) bar.Close = c;
        if (volume is not null) bar.Volume = volume;
        if (wap is not null) bar.WAP = wap;
        if (count is { } n) bar.BarCount = n;
        return bar;
    }

    [Theory, MemberData(nameof(Versions))]
    public void HistoricalData_with_its_end_marker(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from n in Gen.Choose(0, 3)
        from bars in Gen.ArrayOf(Bar, n)
        from start in MarketDataGens.OptText
        from end in MarketDataGens.OptText
        select (reqId, bars, start, end),
        x =>
        {
            var m = new HistoricalData();
            if (x.reqId is { } id) m.ReqId = id;
            m.HistoricalDataBars.AddRange(x.bars);
            var marker = new HistoricalDataEnd();
            if (x.reqId is { } eid) marker.ReqId = eid;
            if (x.start is not null) marker.StartDateStr = x.start;
            if (x.end is not null) marker.EndDateStr = x.end;

            if (version < ServerVersions.HistoricalDataEnd)
            {
                // One text frame carries both: the marker travels as the companion.
                CodecAssert.RoundTripAllEncodings(m, version, ServerToClient, marker);
            }
            else
            {
                CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
                CodecAssert.RoundTripAllEncodings(marker, version, ServerToClient);
            }
        });

    [Theory, MemberData(nameof(Versions))]
    public void HistoricalDataUpdate(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from bar in Bar
        select (reqId, bar),
        x =>
        {
            var m = new HistoricalDataUpdate { HistoricalDataBar = x.bar };
            if (x.reqId is { } id) m.ReqId = id;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void ReqRealTimeBars_and_cancel(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12()
        from barSize in Gens.OptionalValue(Gen.Elements(5))
        from what in Gens.Optional(Gen.Elements("TRADES", "MIDPOINT", "BID", "ASK"))
        from rth in Gens.Bool
        from options in MarketDataGens.Options
        select (reqId, contract, barSize, what, rth, options),
        x =>
        {
            var m = new RealTimeBarsRequest { Contract = x.contract, UseRTH = x.rth };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.barSize is { } b) m.BarSize = b;
            if (x.what is not null) m.WhatToShow = x.what;
            MarketDataGens.Fill(m.RealTimeBarsOptions, x.options);
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelRealTimeBars();
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
        });

    [Theory, MemberData(nameof(Versions))]
    public void RealTimeBar(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from time in MarketDataGens.OptLong
        from open in MarketDataGens.OptDouble
        from high in MarketDataGens.OptDouble
        from low in MarketDataGens.OptDouble
        from close in MarketDataGens.OptDouble
        from volume in MarketDataGens.OptDecimal
        from wap in MarketDataGens.OptDecimal
        from count in MarketDataGens.OptInt
        select (reqId, time, open, high, low, close, volume, wap, count),
        x =>
        {
            var m = new RealTimeBarTick();
            if (x.reqId is { } id) m.ReqId = id;
            if (x.time is { } t) m.Time = t;
            if (x.open is { } o) m.Open = o;
            if (x.high is { } h) m.High = h;
            if (x.low is { } l) m.Low = l;
            if (x.close is { } c) m.Close = c;
            if (x.volume is not null) m.Volume = x.volume;
            if (x.wap is not null) m.WAP = x.wap;
            if (x.count is { } n) m.Count = n;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });
}
