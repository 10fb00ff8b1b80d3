using System.Globalization;

namespace TradingDesk.Desk.Domain;

/// <summary>
/// What a strategy asks for: enough of a contract for the gateway to find it. Build with <see cref="Contract"/>:
/// <c>Contract.Stock("AAPL")</c>, <c>Contract.Forex("EUR", "USD")</c>, <c>Contract.Option("SPY", "20261218", 600m, OptionRight.Call)</c>.
/// </summary>
public sealed record ContractSpec
{
    public required string Symbol { get; init; }
    public required SecType SecType { get; init; }
    public string Exchange { get; init; } = "SMART";
    public string Currency { get; init; } = "USD";
    public string? PrimaryExchange { get; init; }
    /// <summary>YYYYMM (a contract month) or YYYYMMDD (a last trading day).</summary>
    public string? LastTradeDateOrContractMonth { get; init; }
    public decimal? Strike { get; init; }
    public OptionRight? Right { get; init; }
    public string? Multiplier { get; init; }
    public string? LocalSymbol { get; init; }
    public string? TradingClass { get; init; }
    public ConId? ConId { get; init; }
    /// <summary>CUSIP, ISIN, FIGI, …, with <see cref="SecId"/>.</summary>
    public string? SecIdType { get; init; }
    public string? SecId { get; init; }
    public bool IncludeExpired { get; init; }

    /// <summary>For futures: ask the desk to resolve the front month (nearest unexpired expiry) through contract details.</summary>
    public bool FrontMonth { get; init; }

    public override string ToString()
    {
        var parts = new List<string> { Symbol, WireNames.Of(SecType) };
        if (LastTradeDateOrContractMonth is not null) parts.Add(LastTradeDateOrContractMonth);
        if (FrontMonth) parts.Add("front");
        if (Strike is { } k) parts.Add(k.ToString(CultureInfo.InvariantCulture));
        if (Right is { } r) parts.Add(WireNames.Of(r));
        if (SecId is not null) parts.Add($"{SecIdType}:{SecId}");
        parts.Add(Exchange);
        parts.Add(Currency);
        return string.Join(' ', parts);
    }
}

/// <summary>Contract builders.</summary>
public static class Contract
{
    /// <summary>A stock or ETF routed SMART, in USD unless said otherwise.</summary>
    public static ContractSpec Stock(string symbol, string exchange = "SMART", string currency = "USD", string? primaryExchange = null) =>
        new() { Symbol = Require(symbol, nameof(symbol)), SecType = SecType.Stock, Exchange = exchange, Currency = currency, PrimaryExchange = primaryExchange };

    /// <summary>A future for a given contract month (YYYYMM) or last trading day (YYYYMMDD).</summary>
    public static ContractSpec Future(string symbol, string contractMonth, string exchange = "CME", string currency = "USD") =>
        new() { Symbol = Require(symbol, nameof(symbol)), SecType = SecType.Future, LastTradeDateOrContractMonth = RequireDate(contractMonth), Exchange = exchange, Currency = currency };

    /// <summary>The nearest unexpired future of a symbol; the desk resolves it through contract details.</summary>
    public static ContractSpec FrontMonthFuture(string symbol, string exchange = "CME", string currency = "USD") =>
        new() { Symbol = Require(symbol, nameof(symbol)), SecType = SecType.Future, Exchange = exchange, Currency = currency, FrontMonth = true };

    /// <summary>A currency pair on IDEALPRO: <c>Forex("EUR", "USD")</c> is EUR.USD.</summary>
    public static ContractSpec Forex(string baseCurrency, string quoteCurrency) =>
        new() { Symbol = Require(baseCurrency, nameof(baseCurrency)), SecType = SecType.Forex, Exchange = "IDEALPRO", Currency = Require(quoteCurrency, nameof(quoteCurrency)) };

    /// <summary>An equity option.</summary>
    public static ContractSpec Option(string symbol, string expiry, decimal strike, OptionRight right, string exchange = "SMART", string currency = "USD", string multiplier = "100")
    {
        if (strike <= 0) throw new ArgumentOutOfRangeException(nameof(strike), strike, "an option strike must be positive");
        return new() { Symbol = Require(symbol, nameof(symbol)), SecType = SecType.Option, LastTradeDateOrContractMonth = RequireDate(expiry), Strike = strike, Right = right, Exchange = exchange, Currency = currency, Multiplier = multiplier };
    }

    /// <summary>An index, e.g. SPX on CBOE (market data only).</summary>
    public static ContractSpec Index(string symbol, string exchange, string currency = "USD") =>
        new() { Symbol = Require(symbol, nameof(symbol)), SecType = SecType.Index, Exchange = exchange, Currency = currency };

    /// <summary>A bond by CUSIP (9 characters).</summary>
    public static ContractSpec BondByCusip(string cusip) =>
        cusip.Length == 9 ? Bond("CUSIP", cusip) : throw new ArgumentException($"a CUSIP has 9 characters, '{cusip}' has {cusip.Length}", nameof(cusip));

    /// <summary>A bond by ISIN (12 characters).</summary>
    public static ContractSpec BondByIsin(string isin) =>
        isin.Length == 12 ? Bond("ISIN", isin) : throw new ArgumentException($"an ISIN has 12 characters, '{isin}' has {isin.Length}", nameof(isin));

    /// <summary>
    /// A news provider's BroadTape feed, e.g. <c>BroadTape("BRFG")</c>: IB's contract of secType NEWS, symbol
    /// "BRFG:BRFG_ALL", exchange BRFG, no currency. Subscribe it as market data with
    /// <c>NewsMessages.BroadTapeGenericTicks</c> ("mdoff,292"): every headline of the provider, whatever stock it is about.
    /// </summary>
    public static ContractSpec BroadTape(string provider)
    {
        var code = Require(provider, nameof(provider));
        return new() { Symbol = $"{code}:{code}_ALL", SecType = SecType.News, Exchange = code, Currency = "" };
    }

    /// <summary>Any contract by IB contract id (exchange still needed for routing).</summary>
    public static ContractSpec ById(int conId, SecType secType, string exchange = "SMART") =>
        new() { Symbol = "", SecType = secType, ConId = new ConId(conId), Exchange = exchange };

    private static ContractSpec Bond(string idType, string id) =>
        new() { Symbol = id, SecType = SecType.Bond, SecIdType = idType, SecId = id, Exchange = "SMART" };

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty", name) : value.Trim().ToUpperInvariant();

    private static string RequireDate(string value) =>
        value is { Length: 6 or 8 } && value.All(char.IsAsciiDigit)
            ? value
            : throw new ArgumentException($"'{value}' is not YYYYMM or YYYYMMDD");
}
