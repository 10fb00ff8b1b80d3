using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingDesk.Hosting;

/// <summary>
/// Durations as users write them in config: <c>"00:00:05"</c> (hh:mm:ss, optionally d.hh:mm:ss.fff) or a number with
/// a unit, <c>"500ms"</c>, <c>"5s"</c>, <c>"2m"</c>, <c>"1h"</c>, <c>"1d"</c>, also combined (<c>"1m30s"</c>). A bare
/// number is refused: .NET would read <c>5</c> as five days, which is how a timeout meant as seconds made the desk hang.
/// </summary>
public static partial class Durations
{
    /// <summary>The longest duration any setting accepts: well inside what timers and Task.Delay can wait.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>What a duration looks like, for messages.</summary>
    public const string Expected = "a duration such as \"5s\", \"500ms\", \"2m\" or \"00:00:05\"";

    [GeneratedRegex(@"\G\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong and what to write.</summary>
    public static bool TryParse(string? text, out TimeSpan value, out string problem)
    {
        value = default;
        problem = "";
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            problem = $"is empty; expected {Expected}";
            return false;
        }
        if (t.Contains(':', StringComparison.Ordinal))
        {
            if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out value)) return true;
            problem = $"is \"{t}\", which is not hh:mm:ss; expected {Expected}";
            return false;
        }
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            problem = $"is {t}, a number without a unit; write \"{t}s\" for seconds (or \"{t}ms\", \"{t}m\"), or \"hh:mm:ss\"";
            return false;
        }
        var ticks = 0m;
        var at = 0;
        for (var m = Part().Match(t); m.Success && m.Index == at; m = m.NextMatch())
        {
            var n = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += n * m.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => TimeSpan.TicksPerDay,
            };
            at = m.Index + m.Length;
        }
        if (at == 0 || at != t.Length || ticks > TimeSpan.MaxValue.Ticks)
        {
            problem = $"is \"{t}\", which is not a duration; expected {Expected}";
            return false;
        }
        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the problem.</summary>
    public static TimeSpan Parse(string text) => TryParse(text, out var value, out var problem) ? value : throw new FormatException(problem);

    /// <summary>Writes a duration the way config accepts it: "5s", "100ms", "1m30s", "1d".</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var text = new StringBuilder(value < TimeSpan.Zero ? "-" : "");
        var rest = value.Duration();
        foreach (var (unit, size) in new[] { ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)) })
        {
            var count = rest.Ticks / size.Ticks;
            if (count == 0) continue;
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
            rest -= TimeSpan.FromTicks(count * size.Ticks);
        }
        return text.Length > (value < TimeSpan.Zero ? 1 : 0) ? text.ToString() : value.ToString("c", CultureInfo.InvariantCulture);
    }
}
