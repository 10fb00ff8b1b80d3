using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.FinancialAdvisor.FinancialAdvisorVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class FinancialAdvisorCodecs
{
    private static void RegisterFamilyCodes(CodecRegistry r)
    {
        // reqFamilyCodes (out 80, from 107): [80] and nothing else: IBPY client.reqFamilyCodes sends an empty body,
        // not even a version field. Protobuf (an empty FamilyCodesRequest) from 212.
        r.Add<FamilyCodesRequest>(OutgoingIds.ReqFamilyCodes, ClientToServer, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) => new FamilyCodesRequest(),
            (FamilyCodesRequest m, ref TextFieldWriter w, int v) => { },
            minVersion: V.ReqFamilyCodes);

        // familyCodes (in 78, from 107): [78][count]{[accountId][familyCode]}×n, no version field, no request id
        // (IBPY decoder.processFamilyCodesMsg). From 154 (SEND_ALL_FAMILY_CODES) TWS lists every account's code;
        // the layout does not change.
        r.Add<FamilyCodes>(IncomingIds.FamilyCodes, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new FamilyCodes();
                var count = ContractText.ReadCount(ref f, "familyCodesCount");
                for (var i = 0; i < count; i++)
                {
                    var code = new FamilyCode();
                    if (f.ReadStringOrUnset("accountId") is { } account) code.AccountId = account;
                    if (f.ReadStringOrUnset("familyCode") is { } family) code.FamilyCode_ = family;
                    m.FamilyCodes_.Add(code);
                }
                return m;
            },
            (FamilyCodes m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(m.FamilyCodes_.Count);
                foreach (var code in m.FamilyCodes_)
                {
                    w.WriteString(code.AccountId);
                    w.WriteString(code.FamilyCode_);
                }
            },
            minVersion: V.ReqFamilyCodes);
    }
}
