using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using Property = TradingDesk.Protocol.Tests.Support.Property;

namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>Historical ticks, histograms and the schedule: encode → decode over random values, both encodings.</summary>
public sealed class TickHistoryRoundTripTests
{
    /// <summary>The shared versions plus this family's gates (119 histogram, 130 ticks, 165 schedule, 215 cancel).</summary>
    public static TheoryData<int> Versions
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var v in CodecAssert.Versions.Concat([119, 130, 165, 207, 215]).Distinct().Order()) data.Add(v);
            return data;
        }
    }

    [Theory, MemberData(nameof(Versions))]
    public void ReqHistoricalTicks(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12()
        from expired in Gens.Bool
        from start in MarketDataGens.OptText
        from end in MarketDataGens.OptText
        from count in Gens.OptionalValue(Gen.Choose(0, 1000))
        from what in Gens.Optional(Gen.Elements("TRADES", "BID_ASK", "MIDPOINT"))
        from rth in Gens.Bool
        from ignore in Gens.Bool
        from options in MarketDataGens.Options
        select (reqId, contract, expired, start, end, count, what, rth, ignore, options),
        x =>
        {
            // includeExpired, useRth and ignoreSize are always on the wire (IBPY writes them as 0/1).
            x.contract.IncludeExpired = x.expired;
            var m = new HistoricalTicksRequest { Contract = x.contract, UseRTH = x.rth, IgnoreSize = x.ignore };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.start is not null) m.StartDateTime = x.start;
            if (x.end is not null) m.EndDateTime = x.end;
            if (x.count is { } n) m.NumberOfTicks = n;
            if (x.what is not null) m.WhatToShow = x.what;
            MarketDataGens.Fill(m.MiscOptions, x.options);
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelHistoricalTicks();
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer); // protobuf only, from 215
        });

    [Theory, MemberData(nameof(Versions))]
    public void HistoricalTicks_midpoint(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from n in Gen.Choose(0, 4)
        from ticks in Gen.ArrayOf(
            from time in MarketDataGens.OptLong
            from price in MarketDataGens.OptDouble
            from size in MarketDataGens.OptDecimal
            select TickHistoryGens.Midpoint(time, price, size), n)
        from done in Gens.OptionalValue(Gens.Bool)
        select (reqId, ticks, done),
        x =>
        {
            var m = new IBApi.protobuf.HistoricalTicks();
            if (x.reqId is { } id) m.ReqId = id;
            m.HistoricalTicks_.AddRange(x.ticks);
            if (x.done is { } d) m.IsDone = d;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void HistoricalTicks_bid_ask(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from n in Gen.Choose(0, 4)
        from ticks in Gen.ArrayOf(
            from time in MarketDataGens.OptLong
            from mask in Gens.OptionalValue(Gen.Choose(0, 3))
            from bid in MarketDataGens.OptDouble
            from ask in MarketDataGens.OptDouble
            from bidSize in MarketDataGens.OptDecimal
            from askSize in MarketDataGens.OptDecimal
            select TickHistoryGens.BidAsk(time, mask, bid, ask, bidSize, askSize), n)
        from done in Gens.OptionalValue(Gens.Bool)
        select (reqId, ticks, done),
        x =>
        {
            var m = new HistoricalTicksBidAsk();
            if (x.reqId is { } id) m.ReqId = id;
            m.HistoricalTicksBidAsk_.AddRange(x.ticks);
            if (x.done is { } d) m.IsDone = d;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void HistoricalTicks_last(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from n in Gen.Choose(0, 4)
        from ticks in Gen.ArrayOf(
            from time in MarketDataGens.OptLong
            from mask in Gens.OptionalValue(Gen.Choose(0, 3))
            from price in MarketDataGens.OptDouble
            from size in MarketDataGens.OptDecimal
            from exchange in MarketDataGens.OptText
            from conditions in MarketDataGens.OptText
            select TickHistoryGens.Last(time, mask, price, size, exchange, conditions), n)
        from done in Gens.OptionalValue(Gens.Bool)
        select (reqId, ticks, done),
        x =>
        {
            var m = new HistoricalTicksLast();
            if (x.reqId is { } id) m.ReqId = id;
            m.HistoricalTicksLast_.AddRange(x.ticks);
            if (x.done is { } d) m.IsDone = d;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void Histogram(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12()
        from expired in Gens.Bool
        from rth in Gens.Bool
        from period in Gens.Optional(Gen.Elements("3 days", "1 week", "2 months"))
        from n in Gen.Choose(0, 4)
        from entries in Gen.ArrayOf(
            from price in MarketDataGens.OptDouble
            from size in MarketDataGens.OptDecimal
            select TickHistoryGens.Entry(price, size), n)
        select (reqId, contract, expired, rth, period, entries),
        x =>
        {
            x.contract.IncludeExpired = x.expired;
            var req = new HistogramDataRequest { Contract = x.contract, UseRTH = x.rth };
            var cancel = new CancelHistogramData();
            var data = new HistogramData();
            if (x.reqId is { } id)
            {
                req.ReqId = id;
                cancel.ReqId = id;
                data.ReqId = id;
            }
            if (x.period is not null) req.TimePeriod = x.period;
            data.HistogramDataEntries.AddRange(x.entries);
            CodecAssert.RoundTripAllEncodings(req, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(data, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void Schedule(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from start in MarketDataGens.OptText
        from end in MarketDataGens.OptText
        from zone in Gens.Optional(Gen.Elements("US/Eastern", "Europe/London", "Asia/Tokyo"))
        from n in Gen.Choose(0, 4)
        from sessions in Gen.ArrayOf(
            from s in MarketDataGens.OptText
            from e in MarketDataGens.OptText
            from r in MarketDataGens.OptText
            select TickHistoryGens.Session(s, e, r), n)
        select (reqId, start, end, zone, sessions),
        x =>
        {
            var m = new HistoricalSchedule();
            if (x.reqId is { } id) m.ReqId = id;
            if (x.start is not null) m.StartDateTime = x.start;
            if (x.end is not null) m.EndDateTime = x.end;
            if (x.zone is not null) m.TimeZone = x.zone;
            m.HistoricalSessions.AddRange(x.sessions);
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });
}
