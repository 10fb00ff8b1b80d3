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
