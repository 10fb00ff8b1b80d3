using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class HistoricalCodecs
{
    /// <summary>
    /// Cap on the bar count of one historicalData frame. Real replies exceed 10,000 bars (a month of 1-minute bars),
    /// so the generic 10,000 group cap does not fit; instead the cap is what a maximal frame could hold (each bar is
    /// 8 NUL-terminated fields, at least 8 bytes). Bars are added as they are read, never preallocated, so a lying
    /// count below the cap still ends in a "missing field" error without a large allocation.
    /// </summary>
    private const int MaxBars = FrameReader.MaxPayloadLength / 8;

    private static void RegisterBars(CodecRegistry r)
    {
        r.Add<HistoricalData>(IncomingIds.HistoricalData, ServerToClient, ServerVersions.ProtobufHistoricalData,
            DecodeHistoricalData, EncodeHistoricalData);

        // historicalDataEnd (in 108, from 196), no version: [108][reqId][startDateStr][endDateStr].
        // Before 196 the same three values travel inside historicalData (see there), so minVersion 196.
        r.Add<HistoricalDataEnd>(IncomingIds.HistoricalDataEnd, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalDataEnd();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("startDateStr") is { } start) m.StartDateStr = start;
                if (f.ReadStringOrUnset("endDateStr") is { } end) m.EndDateStr = end;
                return m;
            },
            (HistoricalDataEnd m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.StartDateStr);
                w.WriteString(m.EndDateStr);
            },
            minVersion: ServerVersions.HistoricalDataEnd);

        // historicalDataUpdate (in 90, from 124 = keepUpToDate), no version:
        // [90][reqId][barCount][date][open][close][high][low][WAP][volume]. Close comes before high/low, and WAP
        // before volume: not the historicalData order. The text always carries a bar, so the decoder always sets it.
        r.Add<HistoricalDataUpdate>(IncomingIds.HistoricalDataUpdate, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalDataUpdate();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var bar = new HistoricalDataBar();
                if (f.ReadIntOrUnset("barCount") is { } count) bar.BarCount = count;
                if (f.ReadStringOrUnset("date") is { } date) bar.Date = date;
                if (f.ReadDoubleOrUnset("open") is { } open) bar.Open = open;
                if (f.ReadDoubleOrUnset("close") is { } close) bar.Close = close;
                if (f.ReadDoubleOrUnset("high") is { } high) bar.High = high;
                if (f.ReadDoubleOrUnset("low") is { } low) bar.Low = low;
                if (f.ReadStringOrUnset("WAP") is { } wap) bar.WAP = wap;
                if (f.ReadStringOrUnset("volume") is { } volume) bar.Volume = volume;
                m.HistoricalDataBar = bar;
                return m;
            },
            (HistoricalDataUpdate m, ref TextFieldWriter w, int v) =>
            {
                var bar = m.HistoricalDataBar ?? new HistoricalDataBar();
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(bar.HasBarCount, bar.BarCount);
                w.WriteString(bar.Date);
                w.WriteDoubleOrUnset(bar.HasOpen, bar.Open);
                w.WriteDoubleOrUnset(bar.HasClose, bar.Close);
                w.WriteDoubleOrUnset(bar.HasHigh, bar.High);
                w.WriteDoubleOrUnset(bar.HasLow, bar.Low);
                w.WriteString(bar.WAP);
                w.WriteString(bar.Volume);
            },
            minVersion: ServerVersions.SyntRealtimeBars);

        // headTimestamp (in 88, from 118), no version: [88][reqId][headTimestamp]
        r.Add<HeadTimestamp>(IncomingIds.HeadTimestamp, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HeadTimestamp();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("headTimestamp") is { } head) m.HeadTimestamp_ = head;
                return m;
            },
            (HeadTimestamp m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.HeadTimestamp_);
            },
            minVersion: MarketDataVersions.ReqHeadTimestamp);
    }

    // historicalData (in 17), IBPY decoder.processHistoricalDataMsg:
    //   [17][v (only < 124)][reqId][startDateStr][endDateStr (both only < 196)][itemCount]
    //   {[date][open][high][low][close][volume][WAP][hasGaps (only < 124, skipped)][barCount]}×n
    // Below 196 the frame is also the end marker: IBPY calls historicalDataEnd(reqId, start, end) after the bars.
    // The decoder hands that marker out as reader.Companion; the encoder needs it as writer.Companion.
    private static HistoricalData DecodeHistoricalData(ref TextFieldReader f, int v)
    {
        if (v < ServerVersions.SyntRealtimeBars) f.Skip("version");
        var m = new HistoricalData();
        var reqId = f.ReadIntOrUnset("reqId");
        if (reqId is { } id) m.ReqId = id;
        if (v < ServerVersions.HistoricalDataEnd)
        {
            var end = new HistoricalDataEnd();
            if (reqId is { } endId) end.ReqId = endId;
            if (f.ReadStringOrUnset("startDateStr") is { } start) end.StartDateStr = start;
            if (f.ReadStringOrUnset("endDateStr") is { } endDate) end.EndDateStr = endDate;
            f.Companion = end;
        }
        var count = f.ReadIntOrUnset("itemCount") ?? 0;
        if (count is < 0 or > MaxBars) throw f.Error($"bar count {count} is out of range", "itemCount");
        for (var i = 0; i < count; i++)
        {
            var bar = new HistoricalDataBar();
            if (f.ReadStringOrUnset("date") is { } date) bar.Date = date;
            if (f.ReadDoubleOrUnset("open") is { } open) bar.Open = open;
            if (f.ReadDoubleOrUnset("high") is { } high) bar.High = high;
            if (f.ReadDoubleOrUnset("low") is { } low) bar.Low = low;
            if (f.ReadDoubleOrUnset("close") is { } close) bar.Close = close;
            if (f.ReadStringOrUnset("volume") is { } volume) bar.Volume = volume;
            if (f.ReadStringOrUnset("WAP") is { } wap) bar.WAP = wap;
            if (v < ServerVersions.SyntRealtimeBars) f.Skip("hasGaps");
            if (f.ReadIntOrUnset("barCount") is { } barCount) bar.BarCount = barCount;
            m.HistoricalDataBars.Add(bar);
        }
        return m;
    }

    private static void EncodeHistoricalData(HistoricalData m, ref TextFieldWriter w, int v)
    {
        if (v < ServerVersions.SyntRealtimeBars) w.WriteInt(3);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        if (v < ServerVersions.HistoricalDataEnd)
        {
            if (w.Companion is not HistoricalDataEnd end)
                throw new ProtocolException(
                    $"historicalData before server {ServerVersions.HistoricalDataEnd} carries its own start/end dates: " +
                    "pass the request's HistoricalDataEnd as the companion", IncomingIds.HistoricalData);
            if (end.HasReqId != m.HasReqId || end.ReqId != m.ReqId)
                throw new ProtocolException(
                    $"the companion HistoricalDataEnd is for request {(end.HasReqId ? end.ReqId : "(unset)")}, " +
                    $"not {(m.HasReqId ? m.ReqId : "(unset)")}", IncomingIds.HistoricalData);
            w.WriteString(end.StartDateStr);
            w.WriteString(end.EndDateStr);
        }
        w.WriteInt(m.HistoricalDataBars.Count);
        foreach (var bar in m.HistoricalDataBars)
        {
            w.WriteString(bar.Date);
            w.WriteDoubleOrUnset(bar.HasOpen, bar.Open);
            w.WriteDoubleOrUnset(bar.HasHigh, bar.High);
            w.WriteDoubleOrUnset(bar.HasLow, bar.Low);
            w.WriteDoubleOrUnset(bar.HasClose, bar.Close);
            w.WriteString(bar.Volume);
            w.WriteString(bar.WAP);
            if (v < ServerVersions.SyntRealtimeBars) w.WriteString("false"); // hasGaps, read and dropped by IB
            w.WriteIntOrUnset(bar.HasBarCount, bar.BarCount);
        }
    }
}
