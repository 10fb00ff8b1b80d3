using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class HistoricalCodecs
{
    private static void RegisterRealTimeBars(CodecRegistry r)
    {
        // reqRealTimeBars (out 50), IBPY client.reqRealTimeBars:
        // [50][v=3][reqId][C12][barSize][whatToShow][useRTH][realTimeBarsOptions (≥70)]. Protobuf from 208.
        r.Add<RealTimeBarsRequest>(OutgoingIds.ReqRealTimeBars, ClientToServer, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new RealTimeBarsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                m.Contract = ContractBlock.Read(ref f);
                if (f.ReadIntOrUnset("barSize") is { } barSize) m.BarSize = barSize;
                if (f.ReadStringOrUnset("whatToShow") is { } what) m.WhatToShow = what;
                if (f.ReadBoolOrUnset("useRTH") is { } rth) m.UseRTH = rth;
                ContractBlock.ReadOptions(ref f, "realTimeBarsOptions", m.RealTimeBarsOptions);
                return m;
            },
            (RealTimeBarsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(3);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteIntOrUnset(m.HasBarSize, m.BarSize);
                w.WriteString(m.WhatToShow);
                w.WriteBool(m.UseRTH); // IBPY always writes it
                ContractBlock.WriteOptions(m.RealTimeBarsOptions, ref w, "realTimeBarsOptions");
            });

        // cancelRealTimeBars (out 51): [51][v=1][reqId]
        r.AddVersionedReqId<CancelRealTimeBars>(OutgoingIds.CancelRealTimeBars, ClientToServer, ServerVersions.ProtobufHistoricalData, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // realtimeBar (in 50): [50][v=3][reqId][time (epoch s)][open][high][low][close][volume][WAP][count]
        r.Add<RealTimeBarTick>(IncomingIds.RealTimeBars, ServerToClient, ServerVersions.ProtobufHistoricalData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new RealTimeBarTick();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadLongOrUnset("time") is { } time) m.Time = time;
                if (f.ReadDoubleOrUnset("open") is { } open) m.Open = open;
                if (f.ReadDoubleOrUnset("high") is { } high) m.High = high;
                if (f.ReadDoubleOrUnset("low") is { } low) m.Low = low;
                if (f.ReadDoubleOrUnset("close") is { } close) m.Close = close;
                if (f.ReadStringOrUnset("volume") is { } volume) m.Volume = volume;
                if (f.ReadStringOrUnset("WAP") is { } wap) m.WAP = wap;
                if (f.ReadIntOrUnset("count") is { } count) m.Count = count;
                return m;
            },
            (RealTimeBarTick m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(3);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteLongOrUnset(m.HasTime, m.Time);
                w.WriteDoubleOrUnset(m.HasOpen, m.Open);
                w.WriteDoubleOrUnset(m.HasHigh, m.High);
                w.WriteDoubleOrUnset(m.HasLow, m.Low);
                w.WriteDoubleOrUnset(m.HasClose, m.Close);
                w.WriteString(m.Volume);
                w.WriteString(m.WAP);
                w.WriteIntOrUnset(m.HasCount, m.Count);
            });
    }
}
