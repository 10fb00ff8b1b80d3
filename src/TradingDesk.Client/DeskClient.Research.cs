using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// News, fundamentals, WSH and tick history. The desk checks every argument (and answers InvalidRequestException with
// what is wrong) before anything reaches the gateway; the client only refuses what it cannot put on the wire at all.
public sealed partial class DeskClient
{
    /// <summary>The news providers this login may read.</summary>
    public Task<IReadOnlyList<NewsSource>> GetNewsProvidersAsync(CancellationToken cancellationToken = default) =>
        Call("GetNewsProviders", _desk.GetNewsProvidersAsync(new W.GetNewsProviders(), Unary(cancellationToken)), r => List(r.Providers, ResearchMapping.Source, "providers"));

    /// <summary>One article's body.</summary>
    public Task<NewsArticleBody> GetNewsArticleAsync(string providerCode, string articleId, CancellationToken cancellationToken = default) =>
        Call("GetNewsArticle", _desk.GetNewsArticleAsync(new W.GetNewsArticle { ProviderCode = providerCode ?? "", ArticleId = articleId ?? "" }, Unary(cancellationToken)),
            ResearchMapping.Article);

    /// <summary>Past headlines for a contract from <paramref name="providerCodes"/>, at most <paramref name="totalResults"/> (1 to 300).</summary>
    public Task<HeadlineList> GetHistoricalNewsAsync(ConId conId, IEnumerable<string> providerCodes, DateTimeOffset? start = null, DateTimeOffset? end = null,
        int totalResults = 10, CancellationToken cancellationToken = default)
    {
        var request = new W.GetHistoricalNews { ConId = conId.Value, ProviderCodes = { providerCodes ?? [] }, Start = TimeOrNull(start), End = TimeOrNull(end), TotalResults = totalResults };
        return Call("GetHistoricalNews", _desk.GetHistoricalNewsAsync(request, Unary(cancellationToken)),
            r => new HeadlineList(List(r.Headlines, ResearchMapping.Headline, "headlines"), r.HasMore));
    }

    /// <summary>IB's news bulletins, on the one subscription the desk shares between every subscriber.</summary>
    public IAsyncEnumerable<NewsBulletinItem> NewsBulletins(bool allMessages = false, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeNewsBulletins { AllMessages = allMessages };
        return Stream("StreamNewsBulletins", o => _desk.StreamNewsBulletins(request, o), ResearchMapping.Bulletin, cancellationToken);
    }

    /// <summary>Headlines for <paramref name="contract"/> as they happen (its market data line with the news tick).</summary>
    /// <param name="genericTicks">Extra generic ticks, e.g. "292:BRFG" for one provider; the news tick is added when absent.</param>
    public IAsyncEnumerable<NewsTickItem> NewsTicks(ContractSpec contract, string genericTicks = "", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeMarketData { Contract = Check(contract).ToWire(), GenericTicks = genericTicks ?? "" };
        return Stream("StreamNewsTicks", o => _desk.StreamNewsTicks(request, o), ResearchMapping.NewsTick, cancellationToken);
    }

    /// <summary>A fundamentals report's XML; <see cref="ReportNotAvailableException"/> when the gateway has none for the contract.</summary>
    public Task<string> GetFundamentalsAsync(ContractSpec contract, FundamentalsReport report, CancellationToken cancellationToken = default) =>
        Call("GetFundamentals", _desk.GetFundamentalsAsync(new W.GetFundamentals { Contract = Check(contract).ToWire(), Report = (W.FundamentalsReport)((int)report + 1) }, Unary(cancellationToken)),
            r => r.Xml);

    /// <summary>Wall Street Horizon's event types and filters (JSON).</summary>
    public Task<string> GetWshMetaDataAsync(CancellationToken cancellationToken = default) =>
        Call("GetWshMetaData", _desk.GetWshMetaDataAsync(new W.GetWshMetaData(), Unary(cancellationToken)), r => r.Json);

    /// <summary>Wall Street Horizon events (JSON) for a contract or a filter: exactly one of <paramref name="conId"/> and <paramref name="filterJson"/>.</summary>
    public Task<string> GetWshEventsAsync(ConId? conId = null, string? filterJson = null, string? startDate = null, string? endDate = null, int? limit = null,
        bool fillWatchlist = false, bool fillPortfolio = false, bool fillCompetitors = false, CancellationToken cancellationToken = default)
    {
        var request = new W.GetWshEvents { FillWatchlist = fillWatchlist, FillPortfolio = fillPortfolio, FillCompetitors = fillCompetitors };
        if (conId is { } c) request.ConId = c.Value;
        if (filterJson is not null) request.FilterJson = filterJson;
        if (startDate is not null) request.StartDate = startDate;
        if (endDate is not null) request.EndDate = endDate;
        if (limit is { } l) request.Limit = l;
        return Call("GetWshEvents", _desk.GetWshEventsAsync(request, Unary(cancellationToken)), r => r.Json);
    }

    /// <summary>Up to <paramref name="count"/> historical ticks from <paramref name="start"/> or up to <paramref name="end"/> (exactly one).</summary>
    public Task<IReadOnlyList<PastTick>> GetHistoricalTicksAsync(ContractSpec contract, HistoricalTicksKind what, DateTimeOffset? start, DateTimeOffset? end,
        int count = 1000, bool useRth = true, bool ignoreSize = false, CancellationToken cancellationToken = default)
    {
        var request = new W.GetHistoricalTicks
        {
            Contract = Check(contract).ToWire(), What = (W.HistoricalTicksKind)((int)what + 1), Start = TimeOrNull(start), End = TimeOrNull(end),
            Count = count, UseRth = useRth, IgnoreSize = ignoreSize,
        };
        return Call("GetHistoricalTicks", _desk.GetHistoricalTicksAsync(request, Unary(cancellationToken)), r => List(r.Ticks, ResearchMapping.Tick, "ticks"));
    }

    /// <summary>Volume by price over <paramref name="period"/> ("3 days", "1 week", "2 months").</summary>
    public Task<IReadOnlyList<HistogramBucket>> GetHistogramAsync(ContractSpec contract, string period, bool useRth = true, CancellationToken cancellationToken = default) =>
        Call("GetHistogram", _desk.GetHistogramAsync(new W.GetHistogram { Contract = Check(contract).ToWire(), Period = period ?? "", UseRth = useRth }, Unary(cancellationToken)),
            r => List(r.Entries, ResearchMapping.Bucket, "entries"));

    /// <summary>The trading sessions over <paramref name="duration"/> ("1 W") ending at <paramref name="endDateTime"/> ("" for now).</summary>
    public Task<TradingSchedule> GetHistoricalScheduleAsync(ContractSpec contract, string duration = "1 W", string endDateTime = "", bool useRth = true,
        CancellationToken cancellationToken = default)
    {
        var request = new W.GetHistoricalSchedule { Contract = Check(contract).ToWire(), Duration = duration ?? "", EndDateTime = endDateTime ?? "", UseRth = useRth };
        return Call("GetHistoricalSchedule", _desk.GetHistoricalScheduleAsync(request, Unary(cancellationToken)),
            r => new TradingSchedule(r.Start, r.End, r.TimeZone, List(r.Sessions, ResearchMapping.Session, "sessions")));
    }
}
