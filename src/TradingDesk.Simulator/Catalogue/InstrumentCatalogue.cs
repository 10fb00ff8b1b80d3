using System.Collections.Frozen;

namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// Every contract the simulator lists, built for the days around an "as of" date: stocks and ETFs, quarterly
/// index futures, IDEALPRO FX pairs and option chains on SPY and AAPL. Immutable once built.
/// </summary>
public sealed class InstrumentCatalogue
{
    private readonly FrozenDictionary<ConId, ContractDefinition> _byConId;

    private InstrumentCatalogue(DateOnly asOf, IReadOnlyList<ContractDefinition> all)
    {
        AsOf = asOf;
        All = all;
        _byConId = all.ToFrozenDictionary(c => c.ConId);
        if (_byConId.Count != all.Count) throw new InvalidOperationException("duplicate conId in the catalogue");
    }

    public DateOnly AsOf { get; }

    public IReadOnlyList<ContractDefinition> All { get; }

    /// <summary>Builds the catalogue; futures and option expiries are those not yet expired on <paramref name="asOf"/>.</summary>
    public static InstrumentCatalogue Build(DateOnly asOf)
    {
        var list = new List<ContractDefinition>();
        list.AddRange(StockListings.All.Select(Stock));
        list.AddRange(FuturesListings.Build(asOf));
        list.AddRange(FxListings.Build());
        foreach (var underlying in OptionListings.Underlyings)
        {
            var stock = list.Single(c => c.Symbol == underlying && c.SecType == SecType.Stock);
            list.AddRange(OptionListings.Chain(stock, asOf));
        }
        return new InstrumentCatalogue(asOf, list);
    }

    public bool TryGet(ConId conId, out ContractDefinition contract) =>
        _byConId.TryGetValue(conId, out contract!);

    public ContractDefinition Get(ConId conId) =>
        _byConId.TryGetValue(conId, out var c) ? c : throw new KeyNotFoundException($"no contract with conId {conId}");

    /// <summary>All matches, in catalogue order; an empty list means "no security definition" (IB error 200).</summary>
    public IReadOnlyList<ContractDefinition> Search(ContractQuery query)
    {
        if (query.ConId is { } id)
        {
            return _byConId.TryGetValue(id, out var c) && query.Matches(c) ? [c] : [];
        }
        return All.Where(query.Matches).ToList();
    }

    /// <summary>
    /// Resolves a contract as placeOrder / reqMktData need: exactly one match. Otherwise the caller answers
    /// error 200 — "No security definition has been found" for none, "…is ambiguous" for several.
    /// </summary>
    public ContractResolution Resolve(ContractQuery query)
    {
        var matches = Search(query);
        return new ContractResolution(matches.Count == 1 ? matches[0] : null, matches.Count);
    }

    /// <summary>
    /// The front-month future of a root symbol on a date: the earliest contract whose last trading day is on or
    /// after the date. (IB's own roll happens about a week earlier for volume; that refinement is not modelled.)
    /// </summary>
    public ContractDefinition? FrontMonth(string symbol, DateOnly date) =>
        All.Where(c => c.SecType == SecType.Future && string.Equals(c.Symbol, symbol, StringComparison.OrdinalIgnoreCase)
                       && c.LastTradeDate >= date)
            .OrderBy(c => c.LastTradeDate)
            .FirstOrDefault();

    /// <summary>The option contracts on an underlying (reqSecDefOptParams gathers expiries and strikes from these).</summary>
    public IReadOnlyList<ContractDefinition> OptionsOn(ConId underlying) =>
        All.Where(c => c.SecType == SecType.Option && c.UnderlyingConId == underlying).ToList();

    /// <summary>
    /// reqMarketRule: the price increments of a market rule id, as (low edge, increment) pairs; null for an id no
    /// listed contract uses. Every rule here is a single flat increment, the contracts' minTick.
    /// </summary>
    public IReadOnlyList<(decimal LowEdge, decimal Increment)>? MarketRule(int ruleId)
    {
        var id = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var contract = All.FirstOrDefault(c => c.MarketRuleIds.Split(',').Contains(id));
        return contract is null ? null : [(0m, contract.MinTick)];
    }

    /// <summary>
    /// reqMatchingSymbols: contracts whose symbol starts with the pattern or whose long name contains it
    /// (case-insensitive), one per symbol and security type; symbol matches first, then stocks before futures
    /// before FX; at most 16, as IB returns.
    /// </summary>
    public IReadOnlyList<ContractDefinition> MatchingSymbols(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return [];
        var p = pattern.Trim();
        return All.Where(c => c.SecType is SecType.Stock or SecType.Future or SecType.Cash)
            .Where(c => c.Symbol.StartsWith(p, StringComparison.OrdinalIgnoreCase)
                        || c.LocalSymbol.StartsWith(p, StringComparison.OrdinalIgnoreCase)
                        || c.LongName.Contains(p, StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => (c.Symbol, c.SecType, c.Currency)).Select(g => g.OrderBy(c => c.LastTradeDate).First())
            .OrderBy(c => c.Symbol.StartsWith(p, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.SecType).ThenBy(c => c.Symbol.Length).ThenBy(c => c.Symbol, StringComparer.Ordinal)
            .Take(16).ToList();
    }

    /// <summary>IB's contractDetails.tradingHours for the days around a date.</summary>
    public static string TradingHours(ContractDefinition c, DateOnly around) =>
        TradingCalendar.HoursText(c.Session, around, liquidOnly: false);

    /// <summary>IB's contractDetails.liquidHours for the days around a date.</summary>
    public static string LiquidHours(ContractDefinition c, DateOnly around) =>
        TradingCalendar.HoursText(c.Session, around, liquidOnly: true);

    private static ContractDefinition Stock(StockListings.Listing l) => new()
    {
        ConId = new ConId(l.ConId),
        Symbol = l.Symbol,
        SecType = SecType.Stock,
        Exchange = "SMART",
        PrimaryExchange = l.Primary,
        Currency = "USD",
        LocalSymbol = l.Symbol,
        TradingClass = l.Primary == "NASDAQ" ? "NMS" : l.Symbol.Replace(' ', '.'),
        MinTick = 0.01m,
        LongName = l.LongName,
        TimeZoneId = "US/Eastern",
        ValidExchanges = StockListings.ValidExchanges,
        OrderTypes = StockListings.OrderTypes,
        MarketRuleIds = StockListings.MarketRuleIds,
        Industry = l.Industry,
        Category = l.Category,
        Subcategory = l.Etf ? "ETF" : l.Category,
        Session = SessionKind.UsEquity,
        ReferencePrice = l.Price,
        AnnualVolatility = l.Vol,
        DailyVolume = l.DailyVolume,
        LotSize = 100m,
    };
}

/// <summary>The outcome of <see cref="InstrumentCatalogue.Resolve"/>.</summary>
public sealed record ContractResolution(ContractDefinition? Contract, int MatchCount)
{
    public bool IsUnique => Contract is not null;
    public bool IsAmbiguous => MatchCount > 1;
}
