using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.TickHistory.TickHistoryVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class TickHistoryCodecs
{
    // The three replies share [id][reqId][tickCount]{tick}×n[done], no version field (IBPY decoder.processHistoricalTicks,
    // processHistoricalTicksBidAsk, processHistoricalTicksLast). Counts go through ContractText.ReadCount: IB sends at
    // most 1000 ticks a request, far under its cap, and ticks are added as read, never preallocated.
    // The done flag is always on IB's wire; an unset IsDone is written as an empty field (read back as unset).
    private static void RegisterTickReplies(CodecRegistry r)
    {
        // historicalTicks (in 96, MIDPOINT): tick = [time][unused][price][size]. The second field is read and
        // dropped by IB's decoders ("for consistency" with the attribute mask of the other two); this writes 0 there.
        r.Add<IBApi.protobuf.HistoricalTicks>(IncomingIds.HistoricalTicks, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new IBApi.protobuf.HistoricalTicks();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "tickCount");
                for (var i = 0; i < count; i++)
                {
                    var tick = new HistoricalTick();
                    if (f.ReadLongOrUnset("time") is { } time) tick.Time = time;
                    f.Skip("mask");
                    if (f.ReadDoubleOrUnset("price") is { } price) tick.Price = price;
                    if (f.ReadStringOrUnset("size") is { } size) tick.Size = size;
                    m.HistoricalTicks_.Add(tick);
                }
                if (f.ReadBoolOrUnset("done") is { } done) m.IsDone = done;
                return m;
            },
            (IBApi.protobuf.HistoricalTicks m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.HistoricalTicks_.Count);
                foreach (var tick in m.HistoricalTicks_)
                {
                    w.WriteLongOrUnset(tick.HasTime, tick.Time);
                    w.WriteInt(0);
                    w.WriteDoubleOrUnset(tick.HasPrice, tick.Price);
                    w.WriteString(tick.Size);
                }
                w.WriteBoolOrUnset(m.HasIsDone, m.IsDone);
            },
            minVersion: V.HistoricalTicks);

        // historicalTicksBidAsk (in 97, BID_ASK): tick = [time][mask][priceBid][priceAsk][sizeBid][sizeAsk].
        // Mask bit 1 is askPastHigh, bit 2 bidPastLow: the reverse of tickByTick's BidAsk mask (IBPY and IBCS agree).
        r.Add<HistoricalTicksBidAsk>(IncomingIds.HistoricalTicksBidAsk, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalTicksBidAsk();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "tickCount");
                for (var i = 0; i < count; i++)
                {
                    var tick = new HistoricalTickBidAsk();
                    if (f.ReadLongOrUnset("time") is { } time) tick.Time = time;
                    if (f.ReadIntOrUnset("mask") is { } mask)
                        tick.TickAttribBidAsk = new TickAttribBidAsk { AskPastHigh = (mask & 1) != 0, BidPastLow = (mask & 2) != 0 };
                    if (f.ReadDoubleOrUnset("priceBid") is { } bid) tick.PriceBid = bid;
                    if (f.ReadDoubleOrUnset("priceAsk") is { } ask) tick.PriceAsk = ask;
                    if (f.ReadStringOrUnset("sizeBid") is { } bidSize) tick.SizeBid = bidSize;
                    if (f.ReadStringOrUnset("sizeAsk") is { } askSize) tick.SizeAsk = askSize;
                    m.HistoricalTicksBidAsk_.Add(tick);
                }
                if (f.ReadBoolOrUnset("done") is { } done) m.IsDone = done;
                return m;
            },
            (HistoricalTicksBidAsk m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.HistoricalTicksBidAsk_.Count);
                foreach (var tick in m.HistoricalTicksBidAsk_)
                {
                    w.WriteLongOrUnset(tick.HasTime, tick.Time);
                    if (tick.TickAttribBidAsk is { } a) w.WriteInt((a.AskPastHigh ? 1 : 0) | (a.BidPastLow ? 2 : 0));
                    else w.WriteEmpty();
                    w.WriteDoubleOrUnset(tick.HasPriceBid, tick.PriceBid);
                    w.WriteDoubleOrUnset(tick.HasPriceAsk, tick.PriceAsk);
                    w.WriteString(tick.SizeBid);
                    w.WriteString(tick.SizeAsk);
                }
                w.WriteBoolOrUnset(m.HasIsDone, m.IsDone);
            },
            minVersion: V.HistoricalTicks);

        // historicalTicksLast (in 98, TRADES): tick = [time][mask][price][size][exchange][specialConditions].
        // Mask bit 1 is pastLimit, bit 2 unreported (as in tickByTick's Last).
        r.Add<HistoricalTicksLast>(IncomingIds.HistoricalTicksLast, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalTicksLast();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "tickCount");
                for (var i = 0; i < count; i++)
                {
                    var tick = new HistoricalTickLast();
                    if (f.ReadLongOrUnset("time") is { } time) tick.Time = time;
                    if (f.ReadIntOrUnset("mask") is { } mask)
                        tick.TickAttribLast = new TickAttribLast { PastLimit = (mask & 1) != 0, Unreported = (mask & 2) != 0 };
                    if (f.ReadDoubleOrUnset("price") is { } price) tick.Price = price;
                    if (f.ReadStringOrUnset("size") is { } size) tick.Size = size;
                    if (f.ReadStringOrUnset("exchange") is { } exchange) tick.Exchange = exchange;
                    if (f.ReadStringOrUnset("specialConditions") is { } conditions) tick.SpecialConditions = conditions;
                    m.HistoricalTicksLast_.Add(tick);
                }
                if (f.ReadBoolOrUnset("done") is { } done) m.IsDone = done;
                return m;
            },
            (HistoricalTicksLast m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.HistoricalTicksLast_.Count);
                foreach (var tick in m.HistoricalTicksLast_)
                {
                    w.WriteLongOrUnset(tick.HasTime, tick.Time);
                    if (tick.TickAttribLast is { } a) w.WriteInt((a.PastLimit ? 1 : 0) | (a.Unreported ? 2 : 0));
                    else w.WriteEmpty();
                    w.WriteDoubleOrUnset(tick.HasPrice, tick.Price);
                    w.WriteString(tick.Size);
                    w.WriteString(tick.Exchange);
                    w.WriteString(tick.SpecialConditions);
                }
                w.WriteBoolOrUnset(m.HasIsDone, m.IsDone);
            },
            minVersion: V.HistoricalTicks);
    }

    private static void RegisterSchedule(CodecRegistry r)
    {
        // historicalSchedule (in 106, from 165 HISTORICAL_SCHEDULE), no version field, IBPY
        // decoder.processHistoricalSchedule: [106][reqId][startDateTime][endDateTime][timeZone][sessionsCount]
        // {[startDateTime][endDateTime][refDate]}×n. It answers reqHistoricalData with whatToShow=SCHEDULE and
        // carries that request's id.
        r.Add<HistoricalSchedule>(IncomingIds.HistoricalSchedule, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalSchedule();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("startDateTime") is { } start) m.StartDateTime = start;
                if (f.ReadStringOrUnset("endDateTime") is { } end) m.EndDateTime = end;
                if (f.ReadStringOrUnset("timeZone") is { } zone) m.TimeZone = zone;
                var count = ContractText.ReadCount(ref f, "sessionsCount");
                for (var i = 0; i < count; i++)
                {
                    var session = new HistoricalSession();
                    if (f.ReadStringOrUnset("session.startDateTime") is { } sessionStart) session.StartDateTime = sessionStart;
                    if (f.ReadStringOrUnset("session.endDateTime") is { } sessionEnd) session.EndDateTime = sessionEnd;
                    if (f.ReadStringOrUnset("session.refDate") is { } refDate) session.RefDate = refDate;
                    m.HistoricalSessions.Add(session);
                }
                return m;
            },
            (HistoricalSchedule m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.StartDateTime);
                w.WriteString(m.EndDateTime);
                w.WriteString(m.TimeZone);
                w.WriteInt(m.HistoricalSessions.Count);
                foreach (var session in m.HistoricalSessions)
                {
                    w.WriteString(session.StartDateTime);
                    w.WriteString(session.EndDateTime);
                    w.WriteString(session.RefDate);
                }
            },
            minVersion: V.HistoricalSchedule);
    }
}
