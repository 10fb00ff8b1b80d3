using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class MarketDataCodecs
{
    private static void RegisterRequests(CodecRegistry r)
    {
        // reqMktData (out 1), IBPY client.reqMktData: [1][v=11][reqId][C12], then for BAG
        // [legCount]{[conId][ratio][action][exchange]}, then [deltaNeutral 0/1]{[conId][delta][price]},
        // [genericTickList][snapshot][regulatorySnapshot (≥114)][mktDataOptions (≥70)].
        r.Add<MarketDataRequest>(OutgoingIds.ReqMarketData, ClientToServer, ServerVersions.ProtobufMarketData,
            DecodeReqMktData, EncodeReqMktData);

        // cancelMktData (out 2): [2][v=2][reqId]
        r.AddVersionedReqId<CancelMarketData>(OutgoingIds.CancelMarketData, ClientToServer, ServerVersions.ProtobufMarketData, version: 2,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // reqMarketDataType (out 59, from 55): [59][v=1][marketDataType]
        r.Add<MarketDataTypeRequest>(OutgoingIds.ReqMarketDataType, ClientToServer, ServerVersions.ProtobufMarketData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new MarketDataTypeRequest();
                if (f.ReadIntOrUnset("marketDataType") is { } type) m.MarketDataType = type;
                return m;
            },
            (MarketDataTypeRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasMarketDataType, m.MarketDataType);
            });
    }

    private static MarketDataRequest DecodeReqMktData(ref TextFieldReader f, int v)
    {
        f.Skip("version");
        var m = new MarketDataRequest();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var c = ContractBlock.Read(ref f);
        if (ContractBlock.IsBag(c)) ContractBlock.ReadComboLegs(ref f, c);
        ContractBlock.ReadDeltaNeutral(ref f, c);
        m.Contract = c;
        if (f.ReadStringOrUnset("genericTickList") is { } ticks) m.GenericTickList = ticks;
        if (f.ReadBoolOrUnset("snapshot") is { } snapshot) m.Snapshot = snapshot;
        if (v >= MarketDataVersions.RegulatorySnapshot && f.ReadBoolOrUnset("regulatorySnapshot") is { } regulatory)
            m.RegulatorySnapshot = regulatory;
        ContractBlock.ReadOptions(ref f, "mktDataOptions", m.MarketDataOptions);
        return m;
    }

    private static void EncodeReqMktData(MarketDataRequest m, ref TextFieldWriter w, int v)
    {
        w.WriteInt(11);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        ContractBlock.Write(m.Contract, ref w);
        // IB's client sends legs only for BAG and ignores them otherwise; so does this codec.
        if (ContractBlock.IsBag(m.Contract)) ContractBlock.WriteComboLegs(m.Contract, ref w);
        ContractBlock.WriteDeltaNeutral(m.Contract, ref w);
        w.WriteString(m.GenericTickList);
        // IB's client always writes these bools (make_field(False) → "0").
        w.WriteBool(m.Snapshot);
        if (v >= MarketDataVersions.RegulatorySnapshot) w.WriteBool(m.RegulatorySnapshot);
        ContractBlock.WriteOptions(m.MarketDataOptions, ref w, "mktDataOptions");
    }
}
