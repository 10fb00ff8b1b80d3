using Akka.Actor;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk;

/// <summary>
/// Awaitable request/reply API over the desk ref for non-actor callers (and strategies that prefer await).
/// Each call is an Ask: the typed reply, or a <see cref="DeskRequestException"/> carrying the typed
/// <see cref="DeskFailure"/>. The Ask's own timeout (default: the desk's deadline for that kind plus a margin)
/// is a backstop; the desk answers RequestTimedOut first. Streams need an actor to receive items: send
/// Subscribe* commands with an actor as the sender instead.
/// </summary>
public sealed class DeskClient(IActorRef desk, TimeSpan? askTimeout = null)
{
    private readonly TimeSpan _timeout = askTimeout ?? TimeSpan.FromMinutes(2);

    public IActorRef Desk => desk;

    public Task<ContractDetailsList> GetContractDetailsAsync(Domain.ContractSpec contract, CancellationToken token = default) => AskAsync<ContractDetailsList>(new GetContractDetails(contract), token);
    public Task<CurrentTimeReply> GetCurrentTimeAsync(CancellationToken token = default) => AskAsync<CurrentTimeReply>(new GetCurrentTime(), token);
    public Task<ManagedAccountsList> GetManagedAccountsAsync(CancellationToken token = default) => AskAsync<ManagedAccountsList>(new GetManagedAccounts(), token);
    public Task<PositionsList> GetPositionsAsync(CancellationToken token = default) => AskAsync<PositionsList>(new GetPositions(), token);
    public Task<AccountSummaryList> GetAccountSummaryAsync(string tags = "NetLiquidation,TotalCashValue,BuyingPower", string group = "All", CancellationToken token = default) =>
        AskAsync<AccountSummaryList>(new GetAccountSummary(tags, group), token);
    public Task<HistoricalBars> GetHistoricalBarsAsync(GetHistoricalBars request, CancellationToken token = default) => AskAsync<HistoricalBars>(request, token);
    public Task<HeadTimestampReply> GetHeadTimestampAsync(GetHeadTimestamp request, CancellationToken token = default) => AskAsync<HeadTimestampReply>(request, token);
    public Task<MarketDataSnapshot> GetSnapshotAsync(Domain.ContractSpec contract, CancellationToken token = default) => AskAsync<MarketDataSnapshot>(new GetMarketDataSnapshot(contract), token);
    public Task<MarketDataTypeSet> SetMarketDataTypeAsync(Domain.MarketDataType type, CancellationToken token = default) => AskAsync<MarketDataTypeSet>(new SetMarketDataType(type), token);
    // Session, display groups, FA
    public Task<SessionInfoMessages.MatchingSymbols> GetMatchingSymbolsAsync(string pattern, CancellationToken token = default) => AskAsync<SessionInfoMessages.MatchingSymbols>(new SessionInfoMessages.GetMatchingSymbols(pattern), token);
    public Task<SessionInfoMessages.MarketRule> GetMarketRuleAsync(int ruleId, CancellationToken token = default) => AskAsync<SessionInfoMessages.MarketRule>(new SessionInfoMessages.GetMarketRule(ruleId), token);
    public Task<SessionInfoMessages.SmartComponents> GetSmartComponentsAsync(string bboExchange, CancellationToken token = default) => AskAsync<SessionInfoMessages.SmartComponents>(new SessionInfoMessages.GetSmartComponents(bboExchange), token);
    public Task<SessionInfoMessages.DepthExchanges> GetDepthExchangesAsync(CancellationToken token = default) => AskAsync<SessionInfoMessages.DepthExchanges>(new SessionInfoMessages.GetDepthExchanges(), token);
    public Task<SessionInfoMessages.SoftDollarTiers> GetSoftDollarTiersAsync(CancellationToken token = default) => AskAsync<SessionInfoMessages.SoftDollarTiers>(new SessionInfoMessages.GetSoftDollarTiers(), token);
    public Task<SessionInfoMessages.UserInfo> GetUserInfoAsync(CancellationToken token = default) => AskAsync<SessionInfoMessages.UserInfo>(new SessionInfoMessages.GetUserInfo(), token);
    public Task<SessionInfoMessages.FamilyCodes> GetFamilyCodesAsync(CancellationToken token = default) => AskAsync<SessionInfoMessages.FamilyCodes>(new SessionInfoMessages.GetFamilyCodes(), token);
    public Task<SessionInfoMessages.ServerLogLevelSet> SetServerLogLevelAsync(Domain.ServerLogLevel level, CancellationToken token = default) => AskAsync<SessionInfoMessages.ServerLogLevelSet>(new SessionInfoMessages.SetServerLogLevel(level), token);
    public Task<DisplayGroupMessages.DisplayGroups> QueryDisplayGroupsAsync(CancellationToken token = default) => AskAsync<DisplayGroupMessages.DisplayGroups>(new DisplayGroupMessages.QueryDisplayGroups(), token);
    public Task<FinancialAdvisorMessages.FaConfiguration> GetFaConfigurationAsync(Domain.FaDataKind kind, CancellationToken token = default) => AskAsync<FinancialAdvisorMessages.FaConfiguration>(new FinancialAdvisorMessages.GetFaConfiguration(kind), token);
    public Task<FinancialAdvisorMessages.FaConfigurationReplaced> ReplaceFaConfigurationAsync(Domain.FaDataKind kind, string xml, CancellationToken token = default) =>
        AskAsync<FinancialAdvisorMessages.FaConfigurationReplaced>(new FinancialAdvisorMessages.ReplaceFaConfiguration(kind, xml), token);
    public Task<GatewayConfigMessages.GatewayConfig> GetGatewayConfigAsync(CancellationToken token = default) => AskAsync<GatewayConfigMessages.GatewayConfig>(new GatewayConfigMessages.GetGatewayConfig(), token);
    public Task<GatewayConfigMessages.GatewayConfigUpdated> UpdateGatewayConfigAsync(GatewayConfigMessages.UpdateGatewayConfig update, CancellationToken token = default) =>
        AskAsync<GatewayConfigMessages.GatewayConfigUpdated>(update, token);
    // News, fundamentals, WSH, tick history
    public Task<NewsMessages.NewsProvidersList> GetNewsProvidersAsync(CancellationToken token = default) => AskAsync<NewsMessages.NewsProvidersList>(new NewsMessages.GetNewsProviders(), token);
    public Task<NewsMessages.NewsArticle> GetNewsArticleAsync(string providerCode, string articleId, CancellationToken token = default) => AskAsync<NewsMessages.NewsArticle>(new NewsMessages.GetNewsArticle(providerCode, articleId), token);
    public Task<NewsMessages.HistoricalNewsList> GetHistoricalNewsAsync(NewsMessages.GetHistoricalNews request, CancellationToken token = default) => AskAsync<NewsMessages.HistoricalNewsList>(request, token);
    public Task<FundamentalsMessages.FundamentalsReply> GetFundamentalsAsync(Domain.ContractSpec contract, Domain.FundamentalsReport report, CancellationToken token = default) => AskAsync<FundamentalsMessages.FundamentalsReply>(new FundamentalsMessages.GetFundamentals(contract, report), token);
    public Task<WshMessages.WshMetaData> GetWshMetaDataAsync(CancellationToken token = default) => AskAsync<WshMessages.WshMetaData>(new WshMessages.GetWshMetaData(), token);
    public Task<WshMessages.WshEvents> GetWshEventsAsync(WshMessages.GetWshEvents request, CancellationToken token = default) => AskAsync<WshMessages.WshEvents>(request, token);
    public Task<TickHistoryMessages.HistoricalTicks> GetHistoricalTicksAsync(TickHistoryMessages.GetHistoricalTicks request, CancellationToken token = default) => AskAsync<TickHistoryMessages.HistoricalTicks>(request, token);
    public Task<TickHistoryMessages.Histogram> GetHistogramAsync(Domain.ContractSpec contract, string period, bool useRth = true, CancellationToken token = default) => AskAsync<TickHistoryMessages.Histogram>(new TickHistoryMessages.GetHistogram(contract, period, useRth), token);
    public Task<TickHistoryMessages.HistoricalSchedule> GetHistoricalScheduleAsync(TickHistoryMessages.GetHistoricalSchedule request, CancellationToken token = default) => AskAsync<TickHistoryMessages.HistoricalSchedule>(request, token);
    // Options and scanners
    public Task<OptionMessages.OptionParameters> GetOptionParametersAsync(Domain.ContractSpec underlying, string futFopExchange = "", CancellationToken token = default) =>
        AskAsync<OptionMessages.OptionParameters>(new OptionMessages.GetOptionParameters(underlying, futFopExchange), token);
    public Task<OptionMessages.OptionChain> GetOptionChainAsync(Domain.ContractSpec underlying, OptionMessages.OptionChainFilter filter, CancellationToken token = default) =>
        AskAsync<OptionMessages.OptionChain>(new OptionMessages.GetOptionChain(underlying, filter), token);
    public Task<OptionMessages.OptionCalculation> CalculateImpliedVolatilityAsync(Domain.ContractSpec option, decimal optionPrice, decimal underlyingPrice, CancellationToken token = default) =>
        AskAsync<OptionMessages.OptionCalculation>(new OptionMessages.CalculateImpliedVolatility(option, optionPrice, underlyingPrice), token);
    public Task<OptionMessages.OptionCalculation> CalculateOptionPriceAsync(Domain.ContractSpec option, decimal volatility, decimal underlyingPrice, CancellationToken token = default) =>
        AskAsync<OptionMessages.OptionCalculation>(new OptionMessages.CalculateOptionPrice(option, volatility, underlyingPrice), token);
    public Task<OptionMessages.ExerciseSent> ExerciseOptionsAsync(OptionMessages.ExerciseOptions request, CancellationToken token = default) =>
        AskAsync<OptionMessages.ExerciseSent>(request, token);
    public Task<ScannerMessages.ScannerParametersXml> GetScannerParametersAsync(CancellationToken token = default) =>
        AskAsync<ScannerMessages.ScannerParametersXml>(new ScannerMessages.GetScannerParameters(), token);

    /// <summary>Any request: the reply as <typeparamref name="T"/>, or DeskRequestException for a RequestFailed.</summary>
    public async Task<T> AskAsync<T>(object request, CancellationToken token = default)
    {
        var reply = await desk.Ask(request, _timeout, token).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            RequestFailed failed => throw new DeskRequestException(failed.Failure),
            _ => throw new InvalidCastException($"{request.GetType().Name} expected a {typeof(T).Name} reply, got {reply.GetType().Name}"),
        };
    }
}
