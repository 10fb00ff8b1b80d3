namespace TradingDesk.Simulator.Catalogue;

/// <summary>IB's contract id.</summary>
public readonly record struct ConId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The security types the simulator lists. <see cref="SecTypeCodes"/> maps them to IB's strings.</summary>
public enum SecType
{
    Stock,
    Future,
    Cash,
    Option,
}

/// <summary>Option right; <see cref="None"/> for everything that is not an option.</summary>
public enum OptionRight
{
    None,
    Call,
    Put,
}

/// <summary>Which trading calendar a contract follows; decides tradingHours, liquidHours and order eligibility.</summary>
public enum SessionKind
{
    /// <summary>US stocks and ETFs: 04:00–20:00 ET trading, 09:30–16:00 ET liquid (regular) hours, Mon–Fri.</summary>
    UsEquity,
    /// <summary>US equity options: 09:30–16:00 ET for both.</summary>
    UsEquityOption,
    /// <summary>CME Globex equity index futures: 17:00 CT the day before to 16:00 CT; liquid 08:30–15:00 CT.</summary>
    CmeEquityIndex,
    /// <summary>IDEALPRO FX: 17:15 ET the day before to 17:00 ET, Sunday evening to Friday; liquid = trading.</summary>
    Fx,
}

public static class SecTypeCodes
{
    public static string ToIb(this SecType type) => type switch
    {
        SecType.Stock => "STK",
        SecType.Future => "FUT",
        SecType.Cash => "CASH",
        SecType.Option => "OPT",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses IB's secType text; null for anything the simulator does not list.</summary>
    public static SecType? FromIb(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "STK" => SecType.Stock,
        "FUT" => SecType.Future,
        "CASH" => SecType.Cash,
        "OPT" => SecType.Option,
        _ => null,
    };

    public static string ToIb(this OptionRight right) => right switch
    {
        OptionRight.Call => "C",
        OptionRight.Put => "P",
        _ => "",
    };

    /// <summary>IB accepts "C", "CALL", "P", "PUT" (any case); empty or "?" means unset.</summary>
    public static OptionRight? RightFromIb(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "C" or "CALL" => OptionRight.Call,
        "P" or "PUT" => OptionRight.Put,
        null or "" or "?" or "0" => null,
        _ => OptionRight.None,
    };
}

/// <summary>
/// One listed contract with everything contractDetails needs, plus the price model's parameters
/// (reference price at the model anchor, annual volatility, typical daily volume, quote spread).
/// </summary>
public sealed record ContractDefinition
{
    public required ConId ConId { get; init; }
    public required string Symbol { get; init; }
    public required SecType SecType { get; init; }
    public required string Exchange { get; init; }
    public string PrimaryExchange { get; init; } = "";
    public required string Currency { get; init; }
    public required string LocalSymbol { get; init; }
    public required string TradingClass { get; init; }
    public required decimal MinTick { get; init; }
    /// <summary>1 for stocks and FX (IB sends an empty multiplier for those); 50 for ES, 100 for options.</summary>
    public decimal Multiplier { get; init; } = 1m;
    public required string LongName { get; init; }
    /// <summary>IB's time zone id, e.g. "US/Eastern".</summary>
    public required string TimeZoneId { get; init; }
    public required string ValidExchanges { get; init; }
    public required string OrderTypes { get; init; }
    public required string MarketRuleIds { get; init; }
    public string Industry { get; init; } = "";
    public string Category { get; init; } = "";
    public string Subcategory { get; init; } = "";
    public required SessionKind Session { get; init; }
    /// <summary>Futures and options: the last trading day. Null otherwise.</summary>
    public DateOnly? LastTradeDate { get; init; }
    /// <summary>IB's contract month "YYYYMM" for futures (empty otherwise).</summary>
    public string ContractMonth { get; init; } = "";
    public decimal Strike { get; init; }
    public OptionRight Right { get; init; } = OptionRight.None;
    public ConId? UnderlyingConId { get; init; }
    public int PriceMagnifier { get; init; } = 1;
    public decimal MinSize { get; init; } = 1m;
    public decimal SizeIncrement { get; init; } = 1m;

    // ---- price model parameters (not part of IB's contract details) ----
    public required decimal ReferencePrice { get; init; }
    public required double AnnualVolatility { get; init; }
    /// <summary>Typical traded quantity per trading day; drives bar volumes and quote sizes.</summary>
    public required long DailyVolume { get; init; }
    /// <summary>Quoted spread in ticks (at least 1).</summary>
    public int SpreadTicks { get; init; } = 1;
    /// <summary>Quote sizes are multiples of this (100 shares for stocks, 1 contract for futures).</summary>
    public decimal LotSize { get; init; } = 1m;

    /// <summary>IB's lastTradeDateOrContractMonth: YYYYMMDD for futures and options, empty otherwise.</summary>
    public string LastTradeDateOrContractMonth =>
        LastTradeDate is { } d ? d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>True when a price is a whole number of ticks.</summary>
    public bool IsOnTick(decimal price) => price % MinTick == 0m;

    /// <summary>Rounds to the nearest tick (half away from zero).</summary>
    public decimal RoundToTick(decimal price) =>
        Math.Round(price / MinTick, MidpointRounding.AwayFromZero) * MinTick;
}
