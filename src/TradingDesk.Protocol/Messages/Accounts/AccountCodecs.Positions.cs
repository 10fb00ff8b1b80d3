using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class AccountCodecs
{
    /// <summary>The position version TWS sends (CAP, server 173); 3 carries tradingClass (v≥2) and avgCost (v≥3).</summary>
    private const int PositionVersion = 3;

    private static void RegisterPositions(CodecRegistry r)
    {
        // reqPositions (out 61): [61][v=1] (CAP). POSITIONS (67) is below the codec floor.
        r.Add<PositionsRequest>(OutgoingIds.ReqPositions, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new PositionsRequest();
            },
            (PositionsRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // cancelPositions (out 64): [64][v=1]
        r.Add<CancelPositions>(OutgoingIds.CancelPositions, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new CancelPositions();
            },
            (CancelPositions m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // position (in 61), IBPY processPositionDataMsg (CAP at 173):
        // [61][v=3][account][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier]
        // [exchange][currency][localSymbol][tradingClass (v≥2)][position][avgCost (v≥3)].
        // position is a decimal string, kept verbatim.
        r.Add<Position>(IncomingIds.Position, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                var version = f.ReadInt("version");
                var m = new Position();
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                m.Contract = ContractText.Read(ref f, PositionContractBlock(version));
                if (f.ReadStringOrUnset("position") is { } position) m.Position_ = position;
                if (version >= 3 && f.ReadDoubleOrUnset("avgCost") is { } avgCost) m.AvgCost = avgCost;
                return m;
            },
            (Position m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(PositionVersion);
                w.WriteString(m.Account);
                ContractText.Write(ref w, m.Contract, PositionContractBlock(PositionVersion));
                w.WriteString(m.Position_);
                w.WriteDoubleOrUnset(m.HasAvgCost, m.AvgCost);
            });

        // positionEnd (in 62): [62][v=1] (CAP)
        r.Add<PositionEnd>(IncomingIds.PositionEnd, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new PositionEnd();
            },
            (PositionEnd m, ref TextFieldWriter w, int v) => w.WriteInt(1));
    }

    private static ContractFields PositionContractBlock(int version) =>
        ContractFields.Multiplier | ContractFields.Exchange | (version >= 2 ? ContractFields.TradingClass : ContractFields.None);
}
