using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class MarketDataCodecs
{
    // tickByTick tick types (IBPY decoder.processTickByTickMsg): 0 None, 1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint.
    private const int TickByTickNone = 0, TickByTickLast = 1, TickByTickAllLast = 2, TickByTickBidAsk = 3, TickByTickMidPoint = 4;

    private static void RegisterTickByTick(CodecRegistry r)
    {
        // reqTickByTickData (out 97, from 137), no version: [97][reqId][C12][tickType],
        // then [numberOfTicks][ignoreSize] from TICK_BY_TICK_IGNORE_SIZE (140). Protobuf from 208.
        r.Add<TickByTickRequest>(OutgoingIds.ReqTickByTickData, ClientToServer, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new TickByTickRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                m.Contract = ContractBlock.Read(ref f);
                if (f.ReadStringOrUnset("tickType") is { } type) m.TickType = type;
                if (v >= MarketDataVersions.TickByTickIgnoreSize)
                {
                    if (f.ReadIntOrUnset("numberOfTicks") is { } n) m.NumberOfTicks = n;
                    if (f.ReadBoolOrUnset("ignoreSize") is { } ignore) m.IgnoreSize = ignore;
                }
                return m;
            },
            (TickByTickRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteString(m.TickType);
                if (v >= MarketDataVersions.TickByTickIgnoreSize)
                {
                    w.WriteIntOrUnset(m.HasNumberOfTicks, m.NumberOfTicks);
                    w.WriteBool(m.IgnoreSize); // IBPY always writes the bool
                }
            },
            minVersion: MarketDataVersions.TickByTick);

        // cancelTickByTickData (out 98, from 137): [98][reqId]
        r.AddReqId<CancelTickByTick>(OutgoingIds.CancelTickByTickData, ClientToServer, ServerVersions.ProtobufHistoricalData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, MarketDataVersions.TickByTick);

        r.Add<TickByTickData>(IncomingIds.TickByTick, ServerToClient, ServerVersions.ProtobufHistoricalData,
            DecodeTickByTick, EncodeTickByTick, minVersion: MarketDataVersions.TickByTick);
    }

    // tickByTick (in 99), no version: [99][reqId][tickType][time], then by tickType
    //   1 Last / 2 AllLast: [price][size][mask][exchange][specialConditions]  → HistoricalTickLast
    //                       (mask bit 1 pastLimit, bit 2 unreported)
    //   3 BidAsk:           [bidPrice][askPrice][bidSize][askSize][mask]     → HistoricalTickBidAsk
    //                       (mask bit 1 bidPastLow, bit 2 askPastHigh)
    //   4 MidPoint:         [midPoint]                                      → HistoricalTick (no size in text)
    //   0 None:             nothing more; the time has nowhere to go in the proto and is dropped.
    // The text always carries the tick's block for types 1–4, so the decoder always sets the oneof for them.
    private static TickByTickData DecodeTickByTick(ref TextFieldReader f, int v)
    {
        var m = new TickByTickData();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var type = f.ReadIntOrUnset("tickType");
        if (type is { } t) m.TickType = t;
        var time = f.ReadLongOrUnset("time");
        switch (type ?? TickByTickNone)
        {
            case TickByTickNone:
                break;
            case TickByTickLast or TickByTickAllLast:
                var last = new HistoricalTickLast();
                if (time is { } lastTime) last.Time = lastTime;
                if (f.ReadDoubleOrUnset("price") is { } price) last.Price = price;
                if (f.ReadStringOrUnset("size") is { } size) last.Size = size;
                if (f.ReadIntOrUnset("mask") is { } lastMask)
                    last.TickAttribLast = new TickAttribLast { PastLimit = (lastMask & 1) != 0, Unreported = (lastMask & 2) != 0 };
                if (f.ReadStringOrUnset("exchange") is { } exchange) last.Exchange = exchange;
                if (f.ReadStringOrUnset("specialConditions") is { } conditions) last.SpecialConditions = conditions;
                m.HistoricalTickLast = last;
                break;
            case TickByTickBidAsk:
                var bidAsk = new HistoricalTickBidAsk();
                if (time is { } bidAskTime) bidAsk.Time = bidAskTime;
                if (f.ReadDoubleOrUnset("bidPrice") is { } bid) bidAsk.PriceBid = bid;
                if (f.ReadDoubleOrUnset("askPrice") is { } ask) bidAsk.PriceAsk = ask;
                if (f.ReadStringOrUnset("bidSize") is { } bidSize) bidAsk.SizeBid = bidSize;
                if (f.ReadStringOrUnset("askSize") is { } askSize) bidAsk.SizeAsk = askSize;
                if (f.ReadIntOrUnset("mask") is { } bidAskMask)
                    bidAsk.TickAttribBidAsk = new TickAttribBidAsk { BidPastLow = (bidAskMask & 1) != 0, AskPastHigh = (bidAskMask & 2) != 0 };
                m.HistoricalTickBidAsk = bidAsk;
                break;
            case TickByTickMidPoint:
                var mid = new HistoricalTick();
                if (time is { } midTime) mid.Time = midTime;
                if (f.ReadDoubleOrUnset("midPoint") is { } midPoint) mid.Price = midPoint;
                m.HistoricalTickMidPoint = mid;
                break;
            default:
                throw f.Error($"unknown tick-by-tick type {type}", "tickType");
        }
        return m;
    }

    private static void EncodeTickByTick(TickByTickData m, ref TextFieldWriter w, int v)
    {
        var type = m.HasTickType ? m.TickType : TickByTickNone;
        var expected = type switch
        {
            TickByTickNone => TickByTickData.TickOneofCase.None,
            TickByTickLast or TickByTickAllLast => TickByTickData.TickOneofCase.HistoricalTickLast,
            TickByTickBidAsk => TickByTickData.TickOneofCase.HistoricalTickBidAsk,
            TickByTickMidPoint => TickByTickData.TickOneofCase.HistoricalTickMidPoint,
            _ => throw new ProtocolException($"tickByTick type {type} has no text layout", IncomingIds.TickByTick),
        };
        // The text layout is chosen by tickType alone; a tick of another kind (or one missing for a type that
        // needs it) cannot be expressed. A missing tick for types 1–4 is written as empty fields.
        if (m.TickCase != expected && m.TickCase != TickByTickData.TickOneofCase.None)
            throw new ProtocolException($"tickByTick type {type} cannot carry a {m.TickCase} tick", IncomingIds.TickByTick);

        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(m.HasTickType, m.TickType);
        switch (expected)
        {
            case TickByTickData.TickOneofCase.HistoricalTickLast:
                var last = m.HistoricalTickLast ?? new HistoricalTickLast();
                w.WriteLongOrUnset(last.HasTime, last.Time);
                w.WriteDoubleOrUnset(last.HasPrice, last.Price);
                w.WriteString(last.Size);
                if (last.TickAttribLast is { } la) w.WriteInt((la.PastLimit ? 1 : 0) | (la.Unreported ? 2 : 0));
                else w.WriteEmpty();
                w.WriteString(last.Exchange);
                w.WriteString(last.SpecialConditions);
                break;
            case TickByTickData.TickOneofCase.HistoricalTickBidAsk:
                var bidAsk = m.HistoricalTickBidAsk ?? new HistoricalTickBidAsk();
                w.WriteLongOrUnset(bidAsk.HasTime, bidAsk.Time);
                w.WriteDoubleOrUnset(bidAsk.HasPriceBid, bidAsk.PriceBid);
                w.WriteDoubleOrUnset(bidAsk.HasPriceAsk, bidAsk.PriceAsk);
                w.WriteString(bidAsk.SizeBid);
                w.WriteString(bidAsk.SizeAsk);
                if (bidAsk.TickAttribBidAsk is { } ba) w.WriteInt((ba.BidPastLow ? 1 : 0) | (ba.AskPastHigh ? 2 : 0));
                else w.WriteEmpty();
                break;
            case TickByTickData.TickOneofCase.HistoricalTickMidPoint:
                var mid = m.HistoricalTickMidPoint ?? new HistoricalTick();
                w.WriteLongOrUnset(mid.HasTime, mid.Time);
                w.WriteDoubleOrUnset(mid.HasPrice, mid.Price);
                break;
            default:
                w.WriteEmpty(); // type 0: IB's decoder reads the time and nothing else
                break;
        }
    }
}
