using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.TickHistory.TickHistoryVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class TickHistoryCodecs
{
    private static void RegisterTickRequests(CodecRegistry r)
    {
        // reqHistoricalTicks (out 96, from 130 HISTORICAL_TICKS), no version field, IBPY client.reqHistoricalTicks:
        // [96][reqId][C12][includeExpired][startDateTime][endDateTime][numberOfTicks][whatToShow][useRth][ignoreSize]
        // [miscOptions]. whatToShow is TRADES, BID_ASK or MIDPOINT; the reply is 98, 97 or 96 accordingly.
        // Protobuf from 208 (PROTOBUF_HISTORICAL_DATA).
        r.Add<HistoricalTicksRequest>(OutgoingIds.ReqHistoricalTicks, ClientToServer, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalTicksRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var c = ContractBlock.Read(ref f);
                if (f.ReadBoolOrUnset("includeExpired") is { } expired) c.IncludeExpired = expired;
                m.Contract = c;
                if (f.ReadStringOrUnset("startDateTime") is { } start) m.StartDateTime = start;
                if (f.ReadStringOrUnset("endDateTime") is { } end) m.EndDateTime = end;
                if (f.ReadIntOrUnset("numberOfTicks") is { } n) m.NumberOfTicks = n;
                if (f.ReadStringOrUnset("whatToShow") is { } what) m.WhatToShow = what;
                if (f.ReadBoolOrUnset("useRth") is { } rth) m.UseRTH = rth;
                if (f.ReadBoolOrUnset("ignoreSize") is { } ignore) m.IgnoreSize = ignore;
                ContractBlock.ReadOptions(ref f, "miscOptions", m.MiscOptions);
                return m;
            },
            (HistoricalTicksRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                // IBPY always writes includeExpired, useRth and ignoreSize (bools as 0/1; useRth is an int it
                // passes through, which TWS reads as 0/1).
                w.WriteBool(m.Contract?.IncludeExpired ?? false);
                w.WriteString(m.StartDateTime);
                w.WriteString(m.EndDateTime);
                w.WriteIntOrUnset(m.HasNumberOfTicks, m.NumberOfTicks);
                w.WriteString(m.WhatToShow);
                w.WriteBool(m.UseRTH);
                w.WriteBool(m.IgnoreSize);
                ContractBlock.WriteOptions(m.MiscOptions, ref w, "miscOptions");
            },
            minVersion: V.HistoricalTicks);

        // cancelHistoricalTicks (out 107): protobuf only, from 215 (CANCEL_CONTRACT_DATA, the gate IBPY
        // client.cancelHistoricalTicksProtoBuf checks); IBPY has no text form and sends it only as protobuf.
        r.Add<CancelHistoricalTicks>(OutgoingIds.CancelHistoricalTicks, ClientToServer, ServerVersions.CancelContractData,
            null, null, minVersion: ServerVersions.CancelContractData);
    }

    private static void RegisterHistogram(CodecRegistry r)
    {
        // reqHistogramData (out 88, from 119 REQ_HISTOGRAM), no version field, IBPY client.reqHistogramData:
        // [88][reqId][C12][includeExpired][useRTH][timePeriod] (timePeriod such as "3 days"). Protobuf from 208.
        r.Add<HistogramDataRequest>(OutgoingIds.ReqHistogramData, ClientToServer, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistogramDataRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var c = ContractBlock.Read(ref f);
                if (f.ReadBoolOrUnset("includeExpired") is { } expired) c.IncludeExpired = expired;
                m.Contract = c;
                if (f.ReadBoolOrUnset("useRTH") is { } rth) m.UseRTH = rth;
                if (f.ReadStringOrUnset("timePeriod") is { } period) m.TimePeriod = period;
                return m;
            },
            (HistogramDataRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteBool(m.Contract?.IncludeExpired ?? false); // IBPY always writes both flags
                w.WriteBool(m.UseRTH);
                w.WriteString(m.TimePeriod);
            },
            minVersion: V.ReqHistogram);

        // cancelHistogramData (out 89, from 119): [89][reqId], no version field. Protobuf from 208.
        r.AddReqId<CancelHistogramData>(OutgoingIds.CancelHistogramData, ClientToServer, ServerVersions.ProtobufHistoricalData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.ReqHistogram);

        // histogramData (in 89, from 119), no version field, IBPY decoder.processHistogramData:
        // [89][reqId][numPoints]{[price][size]}×n. size is a decimal string, kept verbatim.
        r.Add<HistogramData>(IncomingIds.HistogramData, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistogramData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "numPoints");
                for (var i = 0; i < count; i++)
                {
                    var entry = new HistogramDataEntry();
                    if (f.ReadDoubleOrUnset("price") is { } price) entry.Price = price;
                    if (f.ReadStringOrUnset("size") is { } size) entry.Size = size;
                    m.HistogramDataEntries.Add(entry);
                }
                return m;
            },
            (HistogramData m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.HistogramDataEntries.Count);
                foreach (var entry in m.HistogramDataEntries)
                {
                    w.WriteDoubleOrUnset(entry.HasPrice, entry.Price);
                    w.WriteString(entry.Size);
                }
            },
            minVersion: V.ReqHistogram);
    }
}
