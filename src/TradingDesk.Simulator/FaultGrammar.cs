using System.Globalization;

namespace TradingDesk.Simulator;

/// <summary>
/// The text form of a scheduled fault, as <c>desk simulator --fault</c> takes it: a kind, its argument if it has
/// one, and an optional <c>at TIME</c> counted from the simulator's start (default: at start; for drop-every, one
/// period in). Pure: parsing needs no simulator.
/// </summary>
/// <remarks>
/// <code>
/// drop [at T]                 close every connection
/// drop-every P [at T]         close every connection every P (first at T, default P)
/// restart-keep [at T]         gateway restart keeping state
/// restart-forget [at T]       gateway restart losing state (nextValidId goes back: a deliberate fault)
/// refuse D [at T]             refuse new connections for D
/// stall D [at T]              hold every response for D
/// 1100 | 1101 | 1102 [at T]   connectivity lost / restored, data lost / restored, data maintained
/// garbage CLIENT [at T]       a garbage frame to client id CLIENT
/// truncate CLIENT [at T]      a truncated frame, then a close, to client id CLIENT
/// reject-orders [N] [at T]    the next N new orders (default 1) get error 201
/// </code>
/// Durations are a number and a unit: 500ms, 30s, 1.5m, 2h (at most 24h).
/// </remarks>
public static class FaultGrammar
{
    /// <summary>One line listing every form, for errors and --help.</summary>
    public const string Summary =
        "drop [at T] | drop-every P [at T] | restart-keep [at T] | restart-forget [at T] | refuse D [at T] | " +
        "stall D [at T] | 1100|1101|1102 [at T] | garbage CLIENT_ID [at T] | truncate CLIENT_ID [at T] | " +
        "reject-orders [N] [at T]";

    public const string DurationForm = "a number and a unit: 500ms, 30s, 2m, 1h";

    private static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    private enum Argument { None, Duration, ClientId, OptionalCount }

    private sealed record Shape(FaultKind Kind, Argument Argument, string Usage, string Example);

    private static readonly Dictionary<string, Shape> Shapes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["drop"] = new(FaultKind.Drop, Argument.None, "drop [at TIME]", "drop at 30s"),
        ["drop-every"] = new(FaultKind.Drop, Argument.Duration, "drop-every PERIOD [at TIME]", "drop-every 30s"),
        ["restart-keep"] = new(FaultKind.RestartKeepingState, Argument.None, "restart-keep [at TIME]", "restart-keep at 60s"),
        ["restart-forget"] = new(FaultKind.RestartLosingState, Argument.None, "restart-forget [at TIME]", "restart-forget at 60s"),
        ["refuse"] = new(FaultKind.Refuse, Argument.Duration, "refuse DURATION [at TIME]", "refuse 10s at 20s"),
        ["stall"] = new(FaultKind.Stall, Argument.Duration, "stall DURATION [at TIME]", "stall 5s at 30s"),
        ["1100"] = new(FaultKind.ConnectivityLost, Argument.None, "1100 [at TIME]", "1100 at 40s"),
        ["1101"] = new(FaultKind.ConnectivityRestoredDataLost, Argument.None, "1101 [at TIME]", "1101 at 50s"),
        ["1102"] = new(FaultKind.ConnectivityRestoredDataMaintained, Argument.None, "1102 [at TIME]", "1102 at 50s"),
        ["garbage"] = new(FaultKind.Garbage, Argument.ClientId, "garbage CLIENT_ID [at TIME]", "garbage 1 at 10s"),
        ["truncate"] = new(FaultKind.Truncate, Argument.ClientId, "truncate CLIENT_ID [at TIME]", "truncate 1 at 10s"),
        ["reject-orders"] = new(FaultKind.RejectOrders, Argument.OptionalCount, "reject-orders [COUNT] [at TIME]", "reject-orders 2 at 10s"),
    };

    /// <summary>Parses one fault written as one string ("refuse 10s at 20s").</summary>
    /// <exception cref="FaultSyntaxException">the text is not a fault.</exception>
    public static ScheduledFault Parse(string text) =>
        Parse(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Parses one fault given as words (the command line's tokens after one --fault).</summary>
    /// <exception cref="FaultSyntaxException">the words are not a fault.</exception>
    public static ScheduledFault Parse(IReadOnlyList<string> words)
    {
        var given = string.Join(' ', words);
        if (words.Count == 0) throw new FaultSyntaxException(given, "no fault given", "one of: " + Summary);
        if (!Shapes.TryGetValue(words[0], out var shape))
            throw new FaultSyntaxException(given, $"'{words[0]}' is not a fault kind", "one of: " + Summary);
        string Expected() => $"'{shape.Usage}', e.g. '{shape.Example}'";

        var next = 1;
        string? Peek() => next < words.Count ? words[next] : null;
        bool AtKeyword(string? w) => string.Equals(w, "at", StringComparison.OrdinalIgnoreCase);

        TimeSpan length = default;
        var clientId = 0;
        var count = 1;
        switch (shape.Argument)
        {
            case Argument.Duration:
                var d = Peek();
                if (d is null || AtKeyword(d)) throw new FaultSyntaxException(given, $"{words[0]} needs a {(shape.Kind == FaultKind.Drop ? "period" : "duration")}", Expected());
                length = Duration(given, d, positive: true);
                next++;
                break;
            case Argument.ClientId:
                var c = Peek();
                if (c is null || AtKeyword(c)) throw new FaultSyntaxException(given, $"{words[0]} needs the client id to send it to", Expected());
                if (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out clientId))
                    throw new FaultSyntaxException(given, $"'{c}' is not a client id", "a whole number 0 or more, " + Expected());
                next++;
                break;
            case Argument.OptionalCount:
                if (Peek() is { } n && !AtKeyword(n))
                {
                    if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 1_000_000)
                        throw new FaultSyntaxException(given, $"'{n}' is not a number of orders", "a whole number 1..1000000, " + Expected());
                    next++;
                }
                break;
        }

        TimeSpan? at = null;
        if (AtKeyword(Peek()))
        {
            next++;
            var t = Peek() ?? throw new FaultSyntaxException(given, "'at' needs a time after the start", $"{DurationForm}, as in {Expected()}");
            at = Duration(given, t, positive: false);
            next++;
        }
        if (Peek() is { } extra) throw new FaultSyntaxException(given, $"unexpected '{extra}'", Expected());

        var repeating = shape.Kind == FaultKind.Drop && shape.Argument == Argument.Duration;
        return new ScheduledFault(shape.Kind, at ?? (repeating ? length : TimeSpan.Zero))
        {
            Every = repeating ? length : null,
            Length = repeating ? default : length,
            ClientId = clientId,
            Count = count,
            Text = string.Join(' ', words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : w)),
        };
    }

    /// <summary>
    /// Parses "500ms", "30s", "1.5m", "2h"; null if it is not a duration of that form (beyond TimeSpan's range:
    /// TimeSpan.MaxValue).
    /// </summary>
    public static TimeSpan? TryParseDuration(string text)
    {
        var t = text.Trim();
        var unitStart = t.Length;
        while (unitStart > 0 && char.IsAsciiLetter(t[unitStart - 1])) unitStart--;
        var (number, unit) = (t[..unitStart], t[unitStart..].ToLowerInvariant());
        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        decimal? ms = unit switch
        {
            "ms" => value,
            "s" => value * 1_000m,
            "m" => value * 60_000m,
            "h" => value * 3_600_000m,
            _ => null,
        };
        if (ms is null) return null;
        var ticks = ms.Value * TimeSpan.TicksPerMillisecond;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Duration(string given, string text, bool positive)
    {
        var d = TryParseDuration(text) ?? throw new FaultSyntaxException(given, $"'{text}' is not a duration", DurationForm);
        if (d > Longest) throw new FaultSyntaxException(given, $"'{text}' is too long", $"at most 24h ({DurationForm})");
        if (positive && d <= TimeSpan.Zero) throw new FaultSyntaxException(given, $"'{text}' must be longer than zero", DurationForm);
        return d;
    }
}

/// <summary>A fault's text is not of the grammar: what was given, what is wrong, and what is expected.</summary>
public sealed class FaultSyntaxException(string given, string problem, string expected)
    : FormatException($"fault '{given}': {problem}; expected {expected}")
{
    public string Given { get; } = given;
    public string Problem { get; } = problem;
    public string Expected { get; } = expected;
}
