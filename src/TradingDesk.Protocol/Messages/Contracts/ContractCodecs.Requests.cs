using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ContractCodecs
{
    private const int ReqContractDetailsVersion = 8;

    private static void RegisterRequests(CodecRegistry r)
    {
        // reqContractDetails (out 9), IBPY client.reqContractDetails:
        // [9][v=8][reqId][C12][includeExpired][secIdType][secId], then [issuerId] from 176 (BOND_ISSUERID).
        // The codec floor (100) is above every older gate of this layout (CONTRACT_DATA_CHAIN 40, SEC_ID_TYPE 45,
        // TRADING_CLASS 68, PRIMARYEXCH 75), so only issuerId is gated. IB always writes includeExpired as 0/1.
        r.Add<ContractDataRequest>(OutgoingIds.ReqContractData, ClientToServer, ServerVersions.ProtobufContractData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ContractDataRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var c = ContractText.Read(ref f, ContractFields.Full);
                if (f.ReadBoolOrUnset("includeExpired") is { } expired) c.IncludeExpired = expired;
                if (f.ReadStringOrUnset("secIdType") is { } secIdType) c.SecIdType = secIdType;
                if (f.ReadStringOrUnset("secId") is { } secId) c.SecId = secId;
                if (v >= ServerVersions.BondIssuerId && f.ReadStringOrUnset("issuerId") is { } issuer) c.IssuerId = issuer;
                m.Contract = c;
                return m;
            },
            (ContractDataRequest m, ref TextFieldWriter w, int v) =>
            {
                var c = m.Contract ?? new Contract();
                w.WriteInt(ReqContractDetailsVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractText.Write(ref w, c, ContractFields.Full);
                w.WriteBool(c.IncludeExpired);
                w.WriteString(c.SecIdType);
                w.WriteString(c.SecId);
                if (v >= ServerVersions.BondIssuerId) w.WriteString(c.IssuerId);
            });

        // cancelContractData (out 106): protobuf only, from 215 (CANCEL_CONTRACT_DATA); IBPY has no text form.
        r.Add<CancelContractData>(OutgoingIds.CancelContractData, ClientToServer, ServerVersions.CancelContractData,
            null, null, minVersion: ServerVersions.CancelContractData);

        // contractDetailsEnd (in 52): [52][v=1][reqId]. Captured frames carry a stray empty field after reqId,
        // which TextFieldReader.EnsureEnd tolerates.
        r.AddVersionedReqId<ContractDataEnd>(IncomingIds.ContractDataEnd, ServerToClient, ServerVersions.ProtobufContractData, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
    }
}
