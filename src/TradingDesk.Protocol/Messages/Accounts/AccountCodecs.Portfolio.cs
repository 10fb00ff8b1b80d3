using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class AccountCodecs
{
    /// <summary>The updatePortfolio version carrying every field (v=8).</summary>
    private const int PortfolioValueVersion = 8;

    // updatePortfolio (in 7), IBPY processPortfolioValueMsg:
    // [7][v=8][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier (v≥7)]
    // [primaryExchange (v≥7)][currency][localSymbol][tradingClass (v≥8)][position][marketPrice][marketValue]
    // [averageCost][unrealizedPNL][realizedPNL][accountName]. No exchange field: the contract's primaryExchange
    // fills that slot. (IBPY's extra primaryExchange for version 6 at server 39 is far below the codec floor.)
    private static void RegisterPortfolio(CodecRegistry r) =>
        r.Add<PortfolioValue>(IncomingIds.PortfolioValue, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                var version = f.ReadInt("version");
                var m = new PortfolioValue { Contract = ContractText.Read(ref f, PortfolioContractBlock(version)) };
                if (f.ReadStringOrUnset("position") is { } position) m.Position = position;
                if (f.ReadDoubleOrUnset("marketPrice") is { } price) m.MarketPrice = price;
                if (f.ReadDoubleOrUnset("marketValue") is { } value) m.MarketValue = value;
                if (f.ReadDoubleOrUnset("averageCost") is { } cost) m.AverageCost = cost;
                if (f.ReadDoubleOrUnset("unrealizedPNL") is { } unrealized) m.UnrealizedPNL = unrealized;
                if (f.ReadDoubleOrUnset("realizedPNL") is { } realized) m.RealizedPNL = realized;
                if (f.ReadStringOrUnset("accountName") is { } account) m.AccountName = account;
                return m;
            },
            (PortfolioValue m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(PortfolioValueVersion);
                ContractText.Write(ref w, m.Contract, PortfolioContractBlock(PortfolioValueVersion));
                w.WriteString(m.Position);
                w.WriteDoubleOrUnset(m.HasMarketPrice, m.MarketPrice);
                w.WriteDoubleOrUnset(m.HasMarketValue, m.MarketValue);
                w.WriteDoubleOrUnset(m.HasAverageCost, m.AverageCost);
                w.WriteDoubleOrUnset(m.HasUnrealizedPNL, m.UnrealizedPNL);
                w.WriteDoubleOrUnset(m.HasRealizedPNL, m.RealizedPNL);
                w.WriteString(m.AccountName);
            });

    private static ContractFields PortfolioContractBlock(int version) =>
        (version >= 7 ? ContractFields.Multiplier | ContractFields.PrimaryExch : ContractFields.None)
        | (version >= 8 ? ContractFields.TradingClass : ContractFields.None);
}
