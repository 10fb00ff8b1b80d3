using System.Globalization;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What the router checks in an option or scanner command before anything is sent: each check returns the problem in
/// the user's words, or null. A text field of the TWS text protocol ends at a NUL, so a control character in a
/// strategy's or a gRPC client's string could split a field and forge the rest of the message: such text is refused
/// here, before the codec, which would only throw. Pure.
/// </summary>
internal static class OptionChecks
{
    /// <summary>IB's scanner returns at most 50 rows.</summary>
    public const int MaxScannerRows = 50;
    public const int MaxScannerFilters = 50;
    /// <summary>No chain may cost more requests than this, whatever its filter asks (one per expiration and trading class).</summary>
    public const int MaxChainRequests = 60;
    public const int MaxChainContracts = 5000;
    private const int MaxText = 128;

    public static string? Problem(GetOptionParameters c) =>
        Underlying(c.Underlying) ?? Text("futFopExchange", c.FutFopExchange)
        ?? (c.Underlying.ConId is null ? $"{c.Underlying}: the underlying needs its conId (resolve it with GetContractDetails, or ask GetOptionChain, which does)" : null);

    public static string? Problem(GetOptionChain c)
    {
        var f = c.Filter;
        if (Underlying(c.Underlying) is { } u) return u;
        if ((Text("exchange", f.Exchange) ?? Text("trading class", f.TradingClass)) is { } t) return t;
        if ((Expiry("from expiry", f.FromExpiry) ?? Expiry("to expiry", f.ToExpiry)) is { } e) return e;
        if (f.FromExpiry is not null && f.ToExpiry is not null && string.CompareOrdinal(f.FromExpiry, f.ToExpiry) > 0)
            return $"the expiry range {f.FromExpiry}..{f.ToExpiry} is empty";
        if (f.MinStrike is < 0 || f.MaxStrike is < 0) return "strikes cannot be negative";
        if (f.MinStrike is { } lo && f.MaxStrike is { } hi && lo > hi) return $"the strike range {lo}..{hi} is empty";
        if (f.MaxExpirations is < 1 or > MaxChainRequests) return $"max expirations must be 1 to {MaxChainRequests}, not {f.MaxExpirations}";
        if (f.MaxContracts is < 1 or > MaxChainContracts) return $"max contracts must be 1 to {MaxChainContracts}, not {f.MaxContracts}";
        return null;
    }

    public static string? Problem(CalculateImpliedVolatility c) =>
        Option(c.Contract) ?? Positive("option price", c.OptionPrice) ?? Positive("underlying price", c.UnderlyingPrice);

    public static string? Problem(CalculateOptionPrice c) =>
        Option(c.Contract) ?? Positive("volatility", c.Volatility)
        // 0.25 means 25 %: a volatility of 25 is almost surely a percentage typed where a fraction belongs.
        ?? (c.Volatility > 10m ? $"volatility {c.Volatility} is a fraction (0.25 for 25 %), and above 10 (1000 %) it is surely a mistake" : null)
        ?? Positive("underlying price", c.UnderlyingPrice);

    public static string? Problem(ExerciseOptions c)
    {
        if (Option(c.Contract) is { } o) return o;
        if (!Enum.IsDefined(c.Action)) return $"exercise action {(int)c.Action} is neither exercise nor lapse";
        if (c.Quantity <= 0) return $"exercise quantity must be positive, not {c.Quantity}";
        if (string.IsNullOrWhiteSpace(c.Account.Value)) return "exercise needs the account that holds the options";
        return Text("account", c.Account.Value);
    }

    public static string? Problem(SubscribeScanner c)
    {
        var s = c.Subscription;
        if (string.IsNullOrWhiteSpace(s.ScanCode)) return "a scanner needs a scan code (e.g. TOP_PERC_GAIN; GetScannerParameters lists them)";
        if (!s.ScanCode.All(ch => ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            return $"scan code '{Printable(s.ScanCode)}' is not a scan code: IB's are upper-case letters, digits and underscores";
        if ((Text("instrument", s.Instrument) ?? Text("location code", s.LocationCode) ?? Text("stock type filter", s.StockTypeFilter)) is { } t) return t;
        if (s.Rows is < 1 or > MaxScannerRows) return $"scanner rows must be 1 to {MaxScannerRows}, not {s.Rows}";
        if (s.AbovePrice is < 0 || s.BelowPrice is < 0 || s.AboveVolume is < 0 || s.MarketCapAbove is < 0 || s.MarketCapBelow is < 0)
            return "scanner bounds cannot be negative";
        if (c.Filters.Count > MaxScannerFilters) return $"at most {MaxScannerFilters} scanner filters, not {c.Filters.Count}";
        foreach (var filter in c.Filters)
        {
            if (string.IsNullOrWhiteSpace(filter.Tag)) return "a scanner filter needs a tag (tag=value)";
            if ((Text("filter tag", filter.Tag) ?? Text($"filter {Printable(filter.Tag)}", filter.Value)) is { } ft) return ft;
        }
        if (c.Filters.GroupBy(f => f.Tag, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"scanner filter '{twice.Key}' is given twice";
        return null;
    }

    private static string? Underlying(ContractSpec c) =>
        c.FrontMonth ? $"{c}: resolve the front month with GetContractDetails first" : ContractChecks.Problem(c);

    private static string? Option(ContractSpec c)
    {
        if (ContractChecks.Problem(c) is { } problem) return problem;
        if (c.SecType is not (SecType.Option or SecType.FutureOption)) return $"{c} is not an option (OPT or FOP)";
        if (c.ConId is null && (c.Strike is null || c.Right is null || string.IsNullOrEmpty(c.LastTradeDateOrContractMonth)))
            return $"{c}: an option needs its conId, or its expiry, strike and right";
        return null;
    }

    private static string? Positive(string what, decimal value) => value > 0 ? null : $"{what} must be positive, not {value.ToString(CultureInfo.InvariantCulture)}";

    private static string? Expiry(string what, string? text) =>
        text is null || DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"{what} '{Printable(text)}' is not a date as YYYYMMDD";

    internal static string? Text(string what, string? text) => TextChecks.Problem(what, text, MaxText);

    internal static string Printable(string text) => TextChecks.Printable(text, MaxText);
}
