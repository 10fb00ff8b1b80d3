using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class MultiAccountCodecs
{
    /// <summary>
    /// UNCONFIRMED: the version TWS writes in positionMulti. IB's decoders (IBPY processPositionMultiMsg) read and
    /// ignore it, and the layout has not changed since the message appeared, so we write 1.
    /// </summary>
    private const int PositionMultiVersion = 1;

    /// <summary>positionMulti's contract block: IB's 11 fields, no primaryExchange.</summary>
    private const ContractFields PositionMultiContract = ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass;

    private static void RegisterPositionsMulti(CodecRegistry r)
    {
        // reqPositionsMulti (out 74), IBPY client.reqPositionsMulti: [74][v=1][reqId][account][modelCode]
        r.Add<PositionsMultiRequest>(OutgoingIds.ReqPositionsMulti, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new PositionsMultiRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                return m;
            },
            (PositionsMultiRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.ModelCode);
            },
            minVersion: V.ModelsSupport);

        // cancelPositionsMulti (out 75): [75][v=1][reqId]
        AddVersionedReqIdFrom<CancelPositionsMulti>(r, OutgoingIds.CancelPositionsMulti, ClientToServer,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // positionMulti (in 71), IBPY processPositionMultiMsg:
        // [71][v][reqId][account][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier]
        // [exchange][currency][localSymbol][tradingClass][position][avgCost][modelCode].
        // position is a decimal string, kept verbatim.
        r.Add<PositionMulti>(IncomingIds.PositionMulti, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new PositionMulti();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                m.Contract = ContractText.Read(ref f, PositionMultiContract);
                if (f.ReadStringOrUnset("position") is { } position) m.Position = position;
                if (f.ReadDoubleOrUnset("avgCost") is { } avgCost) m.AvgCost = avgCost;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                return m;
            },
            (PositionMulti m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(PositionMultiVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                ContractText.Write(ref w, m.Contract, PositionMultiContract);
                w.WriteString(m.Position);
                w.WriteDoubleOrUnset(m.HasAvgCost, m.AvgCost);
                w.WriteString(m.ModelCode);
            },
            minVersion: V.ModelsSupport);

        // positionMultiEnd (in 72), IBJ processPositionMultiEndMsg: [72][v=1][reqId]
        AddVersionedReqIdFrom<PositionMultiEnd>(r, IncomingIds.PositionMultiEnd, ServerToClient,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
    }

    /// <summary>The shared <c>[id][v=1][reqId]</c> layout, from MODELS_SUPPORT (103) and under the accounts gate.</summary>
    private static void AddVersionedReqIdFrom<T>(CodecRegistry r, int id, Direction direction,
        Func<T, bool> hasReqId, Func<T, int> reqId, Action<T, int> setReqId) where T : Google.Protobuf.IMessage<T>, new() =>
        r.AddVersionedReqId(id, direction, ServerVersions.ProtobufAccountsPositions, 1, hasReqId, reqId, setReqId, V.ModelsSupport);
}
