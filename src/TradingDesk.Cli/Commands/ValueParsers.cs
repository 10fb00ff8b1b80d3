using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Custom parsers for typed options and arguments, so a value that does not parse is reported in the user's words
/// (<c>--limit: 'abc' is not a price (expected a positive number like 101.25)</c>) rather than System.CommandLine's
/// <c>Cannot parse argument 'abc' … as expected type 'System.Nullable`1[System.Decimal]'</c>. Parsing and the range
/// check are one step: a value is either accepted or refused with one message saying what is expected.
/// Numbers are read with the invariant culture (a dot for decimals), whatever the machine's locale.
/// </summary>
public static class ValueParsers
{
    /// <summary>A positive price: <c>101.25</c>.</summary>
    public static Option<decimal?> Price(this Option<decimal?> option)
    {
        option.CustomParser = Parser<decimal?>("a price", "a positive number like 101.25",
            text => TryDecimal(text, out var d) && d > 0 ? d : null);
        return option;
    }

    /// <summary>A positive quantity: <c>10</c>, <c>0.5</c>.</summary>
    public static Argument<decimal> Quantity(this Argument<decimal> argument)
    {
        argument.CustomParser = Parser<decimal>("a quantity", "a positive number of shares or contracts like 10",
            text => TryDecimal(text, out var d) && d > 0 ? d : null);
        return argument;
    }

    /// <summary>Seconds, more than 0 (or 0 too when <paramref name="zeroAllowed"/>) and at most <paramref name="max"/>.</summary>
    public static Option<double> Seconds(this Option<double> option, double max, bool zeroAllowed = false)
    {
        var range = zeroAllowed ? $"0 to {max}" : $"more than 0 and at most {max}";
        option.CustomParser = Parser<double>("a number of seconds", $"{range} seconds, like 5 or 0.5",
            text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s)
                && (zeroAllowed ? s >= 0 : s > 0) && s <= max ? s : null);
        return option;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="what"/> names it (e.g. "a client id").</summary>
    public static Option<int> Integer(this Option<int> option, string what, int min, int max, string example)
    {
        option.CustomParser = IntegerParser<int>(what, min, max, example);
        return option;
    }

    /// <inheritdoc cref="Integer(Option{int}, string, int, int, string)"/>
    public static Option<int?> Integer(this Option<int?> option, string what, int min, int max, string example)
    {
        option.CustomParser = IntegerParser<int?>(what, min, max, example);
        return option;
    }

    /// <inheritdoc cref="Integer(Option{int}, string, int, int, string)"/>
    public static Argument<int> Integer(this Argument<int> argument, string what, int min, int max, string example)
    {
        argument.CustomParser = IntegerParser<int>(what, min, max, example);
        return argument;
    }

    private static Func<ArgumentResult, T?> IntegerParser<T>(string what, int min, int max, string example)
    {
        var range = max == int.MaxValue ? $"a whole number of {min} or more" : $"a whole number from {min} to {max}";
        return Parser<T>(what, $"{range}, like {example}",
            text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null);
    }

    /// <summary>
    /// A parser that accepts what <paramref name="parse"/> returns (boxed; null for refused) and otherwise reports
    /// "NAME: 'TEXT' is not WHAT (expected EXPECTED)".
    /// </summary>
    private static Func<ArgumentResult, T?> Parser<T>(string what, string expected, Func<string, object?> parse) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (parse(text.Trim()) is T value) return value;
        result.AddError($"{NameOf(result)}: '{text}' is not {what} (expected {expected})");
        return default;
    };

    /// <summary>The option's name (<c>--limit</c>) or the argument's (<c>QTY</c>).</summary>
    public static string NameOf(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
