using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ExecutionCodecs
{
    private static void RegisterReplies(CodecRegistry r)
    {
        // execDetailsEnd (in 55): [55][v=1][reqId]
        r.AddVersionedReqId<ExecutionDetailsEnd>(IncomingIds.ExecutionDataEnd, ServerToClient, ServerVersions.Protobuf, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // commissionReport (in 59), IBPY processCommissionAndFeesReportMsg:
        // [59][v=1][execId][commission][currency][realizedPNL][yield][yieldRedemptionDate].
        // TWS writes unset doubles as 1.7976931348623157E308 (read as unset). IBPY reads yieldRedemptionDate as an
        // int; the proto keeps it as a string, so it passes through verbatim. Captured frames end with a stray
        // empty field, which TextFieldReader.EnsureEnd tolerates.
        r.Add<CommissionAndFeesReport>(IncomingIds.CommissionReport, ServerToClient, ServerVersions.Protobuf,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new CommissionAndFeesReport();
                if (f.ReadStringOrUnset("execId") is { } execId) m.ExecId = execId;
                if (f.ReadDoubleOrUnset("commission") is { } commission) m.CommissionAndFees = commission;
                if (f.ReadStringOrUnset("currency") is { } currency) m.Currency = currency;
                if (f.ReadDoubleOrUnset("realizedPNL") is { } realized) m.RealizedPNL = realized;
                if (f.ReadDoubleOrUnset("yield") is { } yield) m.BondYield = yield;
                if (f.ReadStringOrUnset("yieldRedemptionDate") is { } date) m.YieldRedemptionDate = date;
                return m;
            },
            (CommissionAndFeesReport m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.ExecId);
                w.WriteDoubleOrUnset(m.HasCommissionAndFees, m.CommissionAndFees);
                w.WriteString(m.Currency);
                w.WriteDoubleOrUnset(m.HasRealizedPNL, m.RealizedPNL);
                w.WriteDoubleOrUnset(m.HasBondYield, m.BondYield);
                w.WriteString(m.YieldRedemptionDate);
            });
    }
}
