using System.Globalization;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Hosting;

/// <summary>What a strategy factory gets: the desk, the strategy's id and options, and its config entry.</summary>
public sealed record StrategyContext(IActorRef Desk, StrategyId Id, StrategyOptions Options, StrategyParameters Parameters);

/// <summary>
/// Typed reading of a strategy's <c>Parameters</c>: a missing key gives the default, a malformed value throws
/// <see cref="ArgumentException"/> naming the strategy, the key and what is expected. Only the names the strategy type
/// declared may be read (<paramref name="declared"/>; null: any), so the declaration that checks the config for unknown
/// names cannot drift from what the factory reads.
/// </summary>
public sealed class StrategyParameters(string strategyName, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string>? declared = null)
{
    public string StrategyName => strategyName;

    public string GetString(string key, string defaultValue) =>
        TryGet(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : defaultValue;

    public int GetInt(string key, int defaultValue) =>
        TryGet(key, out var v) ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(key, v, "a whole number") : defaultValue;

    public decimal GetDecimal(string key, decimal defaultValue) =>
        TryGet(key, out var v) ? decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(key, v, "a number") : defaultValue;

    /// <summary>A duration: "5s", "500ms", "2m" or "00:00:05"; a bare number, zero or a negative value is refused.</summary>
    public TimeSpan GetTimeSpan(string key, TimeSpan defaultValue)
    {
        if (!TryGet(key, out var v)) return defaultValue;
        if (!Durations.TryParse(v, out var t, out var problem)) throw new ArgumentException($"strategy '{strategyName}': Parameters:{key} {problem}");
        return t > TimeSpan.Zero && t <= Durations.Longest ? t : throw Bad(key, v, $"a positive duration of at most {Durations.Format(Durations.Longest)}");
    }

    /// <summary>Reads "A=0.6,B=0.4" as a map of symbol to number.</summary>
    public IReadOnlyDictionary<string, decimal> GetWeights(string key, IReadOnlyDictionary<string, decimal> defaultValue)
    {
        if (!TryGet(key, out var v)) return defaultValue;
        var result = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || !decimal.TryParse(pair[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var w))
                throw Bad(key, v, "SYMBOL=WEIGHT pairs separated by commas, e.g. SPY=0.6,QQQ=0.4");
            result[pair[0].ToUpperInvariant()] = w;
        }
        return result;
    }

    private bool TryGet(string key, out string value)
    {
        if (declared is not null && !declared.Contains(key, StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException($"strategy '{strategyName}' reads the parameter '{key}', which its type does not declare: add it to the names given to WithStrategyType");
        return values.TryGetValue(key, out value!);
    }

    private ArgumentException Bad(string key, string value, string expected) =>
        new($"strategy '{strategyName}': Parameters:{key} must be {expected}, not '{value}'");
}
