using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class MultiAccountCodecs
{
    private static void RegisterAccountUpdatesMulti(CodecRegistry r)
    {
        // reqAccountUpdatesMulti (out 76), IBPY client.reqAccountUpdatesMulti:
        // [76][v=1][reqId][account][modelCode][ledgerAndNLV]. IB always writes ledgerAndNLV as 1/0.
        r.Add<AccountUpdatesMultiRequest>(OutgoingIds.ReqAccountUpdatesMulti, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountUpdatesMultiRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                if (f.ReadBoolOrUnset("ledgerAndNLV") is { } ledger) m.LedgerAndNLV = ledger;
                return m;
            },
            (AccountUpdatesMultiRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.ModelCode);
                w.WriteBool(m.LedgerAndNLV);
            },
            minVersion: V.ModelsSupport);

        // cancelAccountUpdatesMulti (out 77): [77][v=1][reqId]
        AddVersionedReqIdFrom<CancelAccountUpdatesMulti>(r, OutgoingIds.CancelAccountUpdatesMulti, ClientToServer,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // accountUpdateMulti (in 73), IBJ processAccountUpdateMultiMsg (IBPY reads it by the wrapper's signature):
        // [73][v=1][reqId][account][modelCode][key][value][currency]. value is text ("246447.83"), kept verbatim.
        r.Add<AccountUpdateMulti>(IncomingIds.AccountUpdateMulti, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountUpdateMulti();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("modelCode") is { } model) m.ModelCode = model;
                if (f.ReadStringOrUnset("key") is { } key) m.Key = key;
                if (f.ReadStringOrUnset("value") is { } value) m.Value = value;
                if (f.ReadStringOrUnset("currency") is { } currency) m.Currency = currency;
                return m;
            },
            (AccountUpdateMulti m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.ModelCode);
                w.WriteString(m.Key);
                w.WriteString(m.Value);
                w.WriteString(m.Currency);
            },
            minVersion: V.ModelsSupport);

        // accountUpdateMultiEnd (in 74), IBJ processAccountUpdateMultiEndMsg: [74][v=1][reqId]
        AddVersionedReqIdFrom<AccountUpdateMultiEnd>(r, IncomingIds.AccountUpdateMultiEnd, ServerToClient,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
    }
}
