using System.Globalization;

namespace TradingDesk.Simulator.Market;

/// <summary>Why a historical-data request was refused, with the IB error code the wire layer should send.</summary>
public enum HistoricalErrorKind
{
    /// <summary>Bar size not one of IB's strings: error 321.</summary>
    InvalidBarSize,
    /// <summary>Duration not "&lt;n&gt; S|D|W|M|Y": error 321.</summary>
    InvalidDuration,
    /// <summary>whatToShow unknown: error 321.</summary>
    InvalidWhatToShow,
    /// <summary>Too many bars for the bar size: error 162 ("Time length exceed max").</summary>
    TooManyBars,
    /// <summary>Nothing in the window, or that data type does not exist for the contract: error 162.</summary>
    NoData,
}

/// <summary>A refused historical-data request.</summary>
public sealed record HistoricalDataError(HistoricalErrorKind Kind, string Message)
{
    public int IbCode => Kind is HistoricalErrorKind.TooManyBars or HistoricalErrorKind.NoData ? 162 : 321;
}

public enum BarUnit
{
    Seconds,
    Day,
    Week,
    Month,
}

/// <summary>An IB bar size ("1 secs" … "1 month"). For intraday sizes <see cref="Seconds"/> is the bar length.</summary>
public readonly record struct BarSize(BarUnit Unit, int Seconds)
{
    private static readonly Dictionary<string, BarSize> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1 secs"] = new(BarUnit.Seconds, 1), ["5 secs"] = new(BarUnit.Seconds, 5), ["10 secs"] = new(BarUnit.Seconds, 10),
        ["15 secs"] = new(BarUnit.Seconds, 15), ["30 secs"] = new(BarUnit.Seconds, 30),
        ["1 min"] = new(BarUnit.Seconds, 60), ["2 mins"] = new(BarUnit.Seconds, 120), ["3 mins"] = new(BarUnit.Seconds, 180),
        ["5 mins"] = new(BarUnit.Seconds, 300), ["10 mins"] = new(BarUnit.Seconds, 600), ["15 mins"] = new(BarUnit.Seconds, 900),
        ["20 mins"] = new(BarUnit.Seconds, 1200), ["30 mins"] = new(BarUnit.Seconds, 1800),
        ["1 hour"] = new(BarUnit.Seconds, 3600), ["2 hours"] = new(BarUnit.Seconds, 7200), ["3 hours"] = new(BarUnit.Seconds, 10800),
        ["4 hours"] = new(BarUnit.Seconds, 14400), ["8 hours"] = new(BarUnit.Seconds, 28800),
        ["1 day"] = new(BarUnit.Day, 0), ["1 week"] = new(BarUnit.Week, 0), ["1 month"] = new(BarUnit.Month, 0),
    };

    public bool IsIntraday => Unit == BarUnit.Seconds;

    /// <summary>Parses IB's text. IB is strict about plural forms ("1 secs", "5 mins"); so is this, apart from
    /// whitespace and case, and it also accepts the common singular slips "1 sec" and "1 mins".</summary>
    public static bool TryParse(string? text, out BarSize size, out HistoricalDataError? error)
    {
        var normal = string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        normal = normal switch { "1 sec" => "1 secs", "1 mins" => "1 min", "1 hours" => "1 hour", "1 days" => "1 day", _ => normal };
        if (Known.TryGetValue(normal, out size))
        {
            error = null;
            return true;
        }
        error = new HistoricalDataError(HistoricalErrorKind.InvalidBarSize,
            $"Error validating request:-'bP' : cause - Historical data bar size setting is invalid: '{text}'");
        return false;
    }
}

public enum DurationUnit
{
    Seconds,
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>An IB duration ("60 S", "1 D", "2 W", "1 M", "1 Y").</summary>
public readonly record struct HistoricalDuration(int Count, DurationUnit Unit)
{
    /// <summary>
    /// The window's start. Days, weeks, months and years are calendar units here (IB counts "D" in trading days;
    /// for bars filtered to sessions the difference only shows across weekends).
    /// </summary>
    public DateTimeOffset StartFrom(DateTimeOffset end) => Unit switch
    {
        DurationUnit.Seconds => end.AddSeconds(-Count),
        DurationUnit.Days => end.AddDays(-Count),
        DurationUnit.Weeks => end.AddDays(-7 * Count),
        DurationUnit.Months => end.AddMonths(-Count),
        DurationUnit.Years => end.AddYears(-Count),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit)),
    };

    public static bool TryParse(string? text, out HistoricalDuration duration, out HistoricalDataError? error)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            DurationUnit? unit = parts[1].ToUpperInvariant() switch
            {
                "S" => DurationUnit.Seconds, "D" => DurationUnit.Days, "W" => DurationUnit.Weeks,
                "M" => DurationUnit.Months, "Y" => DurationUnit.Years, _ => null,
            };
            if (unit is { } u)
            {
                duration = new HistoricalDuration(n, u);
                error = null;
                return true;
            }
        }
        duration = default;
        error = new HistoricalDataError(HistoricalErrorKind.InvalidDuration,
            $"Error validating request:-'bP' : cause - Historical data duration format is invalid: '{text}' (expected \"<integer> <S|D|W|M|Y>\")");
        return false;
    }
}

public static class WhatToShowCodes
{
    public static bool TryParse(string? text, out WhatToShow value, out HistoricalDataError? error)
    {
        WhatToShow? parsed = text?.Trim().ToUpperInvariant() switch
        {
            "TRADES" => WhatToShow.Trades, "MIDPOINT" => WhatToShow.Midpoint, "BID" => WhatToShow.Bid,
            "ASK" => WhatToShow.Ask, "BID_ASK" => WhatToShow.BidAsk, _ => null,
        };
        value = parsed ?? default;
        error = parsed is null
            ? new HistoricalDataError(HistoricalErrorKind.InvalidWhatToShow,
                $"Error validating request:-'bP' : cause - What to show field is missing or incorrect: '{text}'")
            : null;
        return parsed is not null;
    }

    public static string ToIb(this WhatToShow value) => value switch
    {
        WhatToShow.Trades => "TRADES", WhatToShow.Midpoint => "MIDPOINT", WhatToShow.Bid => "BID",
        WhatToShow.Ask => "ASK", WhatToShow.BidAsk => "BID_ASK", _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
