using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class HistoricalCodecs
{
    private static void RegisterRequests(CodecRegistry r)
    {
        r.Add<HistoricalDataRequest>(OutgoingIds.ReqHistoricalData, ClientToServer, ServerVersions.ProtobufHistoricalData,
            DecodeReqHistoricalData, EncodeReqHistoricalData);

        // cancelHistoricalData (out 25): [25][v=1][reqId]
        r.AddVersionedReqId<CancelHistoricalData>(OutgoingIds.CancelHistoricalData, ClientToServer, ServerVersions.ProtobufHistoricalData, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // reqHeadTimestamp (out 87, from 118), no version:
        // [87][reqId][C12][includeExpired][useRTH][whatToShow][formatDate]
        r.Add<HeadTimestampRequest>(OutgoingIds.ReqHeadTimestamp, ClientToServer, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HeadTimestampRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var c = ContractBlock.Read(ref f);
                if (f.ReadBoolOrUnset("includeExpired") is { } expired) c.IncludeExpired = expired;
                m.Contract = c;
                if (f.ReadBoolOrUnset("useRTH") is { } rth) m.UseRTH = rth;
                if (f.ReadStringOrUnset("whatToShow") is { } what) m.WhatToShow = what;
                if (f.ReadIntOrUnset("formatDate") is { } format) m.FormatDate = format;
                return m;
            },
            (HeadTimestampRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteBool(m.Contract?.IncludeExpired ?? false);
                // IBPY's useRTH is an int it writes as given; TWS reads it as 0/1.
                w.WriteBool(m.UseRTH);
                w.WriteString(m.WhatToShow);
                w.WriteIntOrUnset(m.HasFormatDate, m.FormatDate);
            },
            minVersion: MarketDataVersions.ReqHeadTimestamp);

        // cancelHeadTimestamp (out 90, from 123): [90][reqId]
        r.AddReqId<CancelHeadTimestamp>(OutgoingIds.CancelHeadTimestamp, ClientToServer, ServerVersions.ProtobufHistoricalData,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, MarketDataVersions.CancelHeadTimestamp);
    }

    // reqHistoricalData (out 20), IBPY client.reqHistoricalData: [20][v=6 (only < 124)][reqId][C12][includeExpired]
    // [endDateTime][barSizeSetting][durationStr][useRTH][whatToShow][formatDate], then for BAG
    // [legCount]{[conId][ratio][action][exchange]}, then [keepUpToDate (≥124)][chartOptions (≥70)].
    // Note the order: bar size before duration, useRTH before whatToShow.
    private static HistoricalDataRequest DecodeReqHistoricalData(ref TextFieldReader f, int v)
    {
        if (v < ServerVersions.SyntRealtimeBars) f.Skip("version");
        var m = new HistoricalDataRequest();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var c = ContractBlock.Read(ref f);
        if (f.ReadBoolOrUnset("includeExpired") is { } expired) c.IncludeExpired = expired;
        m.Contract = c;
        if (f.ReadStringOrUnset("endDateTime") is { } end) m.EndDateTime = end;
        if (f.ReadStringOrUnset("barSizeSetting") is { } barSize) m.BarSizeSetting = barSize;
        if (f.ReadStringOrUnset("durationStr") is { } duration) m.Duration = duration;
        if (f.ReadBoolOrUnset("useRTH") is { } rth) m.UseRTH = rth;
        if (f.ReadStringOrUnset("whatToShow") is { } what) m.WhatToShow = what;
        if (f.ReadIntOrUnset("formatDate") is { } format) m.FormatDate = format;
        if (ContractBlock.IsBag(c)) ContractBlock.ReadComboLegs(ref f, c);
        if (v >= ServerVersions.SyntRealtimeBars && f.ReadBoolOrUnset("keepUpToDate") is { } keep) m.KeepUpToDate = keep;
        ContractBlock.ReadOptions(ref f, "chartOptions", m.ChartOptions);
        return m;
    }

    private static void EncodeReqHistoricalData(HistoricalDataRequest m, ref TextFieldWriter w, int v)
    {
        if (v < ServerVersions.SyntRealtimeBars) w.WriteInt(6);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        ContractBlock.Write(m.Contract, ref w);
        // IBPY always writes includeExpired, useRTH and keepUpToDate (bools as 0/1).
        w.WriteBool(m.Contract?.IncludeExpired ?? false);
        w.WriteString(m.EndDateTime);
        w.WriteString(m.BarSizeSetting);
        w.WriteString(m.Duration);
        w.WriteBool(m.UseRTH);
        w.WriteString(m.WhatToShow);
        w.WriteIntOrUnset(m.HasFormatDate, m.FormatDate);
        if (ContractBlock.IsBag(m.Contract)) ContractBlock.WriteComboLegs(m.Contract, ref w);
        if (v >= ServerVersions.SyntRealtimeBars) w.WriteBool(m.KeepUpToDate);
        ContractBlock.WriteOptions(m.ChartOptions, ref w, "chartOptions");
    }
}
