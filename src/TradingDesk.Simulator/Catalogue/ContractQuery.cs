namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// A catalogue search: every non-null field must match. Mirrors the contract fields a client sends in
/// reqContractDetails / placeOrder. <see cref="Expiry"/> is IB's lastTradeDateOrContractMonth and matches as a
/// prefix of YYYYMMDD (so "202512" finds every December 2025 expiry); futures also match their contract month.
/// <see cref="Exchange"/> "SMART" matches anything routable through SMART (stocks, ETFs, options).
/// </summary>
public sealed record ContractQuery
{
    public ConId? ConId { get; init; }
    public string? Symbol { get; init; }
    public SecType? SecType { get; init; }
    public string? Exchange { get; init; }
    public string? PrimaryExchange { get; init; }
    public string? Currency { get; init; }
    public string? LocalSymbol { get; init; }
    public string? TradingClass { get; init; }
    public string? Expiry { get; init; }
    public decimal? Strike { get; init; }
    public OptionRight? Right { get; init; }
    public decimal? Multiplier { get; init; }

    public bool Matches(ContractDefinition c) =>
        (ConId is null || ConId.Value == c.ConId)
        && Same(Symbol, c.Symbol)
        && (SecType is null || SecType == c.SecType)
        && ExchangeMatches(Exchange, c)
        && (IsBlank(PrimaryExchange) || Same(PrimaryExchange, c.PrimaryExchange) || Same(PrimaryExchange, c.Exchange))
        && Same(Currency, c.Currency)
        && Same(LocalSymbol, c.LocalSymbol)
        && Same(TradingClass, c.TradingClass)
        && ExpiryMatches(Expiry, c)
        && (Strike is null or 0m || Strike == c.Strike)
        && (Right is null || Right == c.Right)
        && (Multiplier is null or 0m || Multiplier == c.Multiplier);

    private static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);

    private static bool Same(string? wanted, string actual) =>
        IsBlank(wanted) || string.Equals(wanted!.Trim(), actual, StringComparison.OrdinalIgnoreCase);

    private static bool ExchangeMatches(string? wanted, ContractDefinition c)
    {
        if (IsBlank(wanted)) return true;
        var w = wanted!.Trim().ToUpperInvariant();
        if (w == "GLOBEX") w = "CME"; // IB renamed GLOBEX to CME; old clients still send it
        if (w == c.Exchange || w == c.PrimaryExchange) return true;
        return c.ValidExchanges.Split(',').Contains(w);
    }

    private static bool ExpiryMatches(string? wanted, ContractDefinition c)
    {
        if (IsBlank(wanted)) return true;
        var w = wanted!.Trim();
        if (c.LastTradeDate is null) return false;
        return c.LastTradeDateOrContractMonth.StartsWith(w, StringComparison.Ordinal)
            || (c.ContractMonth.Length > 0 && w.StartsWith(c.ContractMonth, StringComparison.Ordinal) && w.Length == 6);
    }
}
