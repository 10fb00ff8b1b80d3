using Grpc.Core;
using TradingDesk.Desk.Messages;
using D = TradingDesk.Desk.Messages.DisplayGroupMessages;
using F = TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

// Session and reference reads, display groups and FA configuration: each the command an actor strategy would send,
// so a client's bad input meets the same InvalidRequest (and reaches the gateway just as little).
internal sealed partial class TradingDeskService
{
    public override Task<W.MatchingSymbols> GetMatchingSymbols(W.GetMatchingSymbols request, ServerCallContext context) =>
        Ask<S.MatchingSymbols, W.MatchingSymbols>(_desk, Read<S.GetMatchingSymbols>(request), context, W.MatchingSymbols.Parser);

    public override Task<W.MarketRule> GetMarketRule(W.GetMarketRule request, ServerCallContext context) =>
        Ask<S.MarketRule, W.MarketRule>(_desk, Read<S.GetMarketRule>(request), context, W.MarketRule.Parser);

    public override Task<W.SmartComponents> GetSmartComponents(W.GetSmartComponents request, ServerCallContext context) =>
        Ask<S.SmartComponents, W.SmartComponents>(_desk, Read<S.GetSmartComponents>(request), context, W.SmartComponents.Parser);

    public override Task<W.DepthExchanges> GetDepthExchanges(W.GetDepthExchanges request, ServerCallContext context) =>
        Ask<S.DepthExchanges, W.DepthExchanges>(_desk, Read<S.GetDepthExchanges>(request), context, W.DepthExchanges.Parser);

    public override Task<W.SoftDollarTiers> GetSoftDollarTiers(W.GetSoftDollarTiers request, ServerCallContext context) =>
        Ask<S.SoftDollarTiers, W.SoftDollarTiers>(_desk, Read<S.GetSoftDollarTiers>(request), context, W.SoftDollarTiers.Parser);

    public override Task<W.UserInfo> GetUserInfo(W.GetUserInfo request, ServerCallContext context) =>
        Ask<S.UserInfo, W.UserInfo>(_desk, Read<S.GetUserInfo>(request), context, W.UserInfo.Parser);

    public override Task<W.FamilyCodes> GetFamilyCodes(W.GetFamilyCodes request, ServerCallContext context) =>
        Ask<S.FamilyCodes, W.FamilyCodes>(_desk, Read<S.GetFamilyCodes>(request), context, W.FamilyCodes.Parser);

    public override Task<W.ServerLogLevelSet> SetServerLogLevel(W.SetServerLogLevel request, ServerCallContext context) =>
        Ask<S.ServerLogLevelSet, W.ServerLogLevelSet>(_desk, Read<S.SetServerLogLevel>(request), context, W.ServerLogLevelSet.Parser);

    public override Task<W.DisplayGroups> QueryDisplayGroups(W.QueryDisplayGroups request, ServerCallContext context) =>
        Ask<D.DisplayGroups, W.DisplayGroups>(_desk, Read<D.QueryDisplayGroups>(request), context, W.DisplayGroups.Parser);

    public override Task<W.FaConfiguration> GetFaConfiguration(W.GetFaConfiguration request, ServerCallContext context) =>
        Ask<F.FaConfiguration, W.FaConfiguration>(_desk, Read<F.GetFaConfiguration>(request), context, W.FaConfiguration.Parser);

    public override Task<W.FaConfigurationReplaced> ReplaceFaConfiguration(W.ReplaceFaConfiguration request, ServerCallContext context) =>
        Ask<F.FaConfigurationReplaced, W.FaConfigurationReplaced>(_desk, Read<F.ReplaceFaConfiguration>(request), context, W.FaConfigurationReplaced.Parser);
}
