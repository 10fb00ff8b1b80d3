using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Session, FA and multi-account, as DeskScript.Session says.
public sealed partial class ScriptedDesk
{
    public override Task<W.MatchingSymbols> GetMatchingSymbols(W.GetMatchingSymbols request, ServerCallContext context) =>
        script.MatchingSymbols.Answer(request, context);

    public override Task<W.MarketRule> GetMarketRule(W.GetMarketRule request, ServerCallContext context) =>
        script.MarketRule.Answer(request, context);

    public override Task<W.SmartComponents> GetSmartComponents(W.GetSmartComponents request, ServerCallContext context) =>
        script.SmartComponents.Answer(request, context);

    public override Task<W.DepthExchanges> GetDepthExchanges(W.GetDepthExchanges request, ServerCallContext context) =>
        script.DepthExchanges.Answer(request, context);

    public override Task<W.SoftDollarTiers> GetSoftDollarTiers(W.GetSoftDollarTiers request, ServerCallContext context) =>
        script.SoftDollarTiers.Answer(request, context);

    public override Task<W.UserInfo> GetUserInfo(W.GetUserInfo request, ServerCallContext context) =>
        script.UserInfo.Answer(request, context);

    public override Task<W.FamilyCodes> GetFamilyCodes(W.GetFamilyCodes request, ServerCallContext context) =>
        script.FamilyCodes.Answer(request, context);

    public override Task<W.ServerLogLevelSet> SetServerLogLevel(W.SetServerLogLevel request, ServerCallContext context) =>
        script.ServerLogLevel.Answer(request, context);

    public override Task<W.DisplayGroups> QueryDisplayGroups(W.QueryDisplayGroups request, ServerCallContext context) =>
        script.DisplayGroups.Answer(request, context);

    public override Task<W.FaConfiguration> GetFaConfiguration(W.GetFaConfiguration request, ServerCallContext context) =>
        script.FaConfiguration.Answer(request, context);

    public override Task<W.FaConfigurationReplaced> ReplaceFaConfiguration(W.ReplaceFaConfiguration request, ServerCallContext context) =>
        script.ReplaceFa.Answer(request, context);

    public override Task StreamPositionsMulti(W.SubscribePositionsMulti request, IServerStreamWriter<W.PositionsMultiEvent> responseStream, ServerCallContext context) =>
        script.PositionsMulti.Serve(request, responseStream, context);

    public override Task StreamAccountUpdatesMulti(W.SubscribeAccountUpdatesMulti request, IServerStreamWriter<W.AccountUpdatesMultiEvent> responseStream, ServerCallContext context) =>
        script.AccountUpdatesMulti.Serve(request, responseStream, context);
}
