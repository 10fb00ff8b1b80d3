using System.Globalization;

namespace TradingDesk.Hosting;

/// <summary>
/// What happened to the strategies' working orders when the desk stopped: each order working at the stop and how it
/// ended (Cancelled, Filled, Lost, Rejected, Inactive) or that it is still working; whether cancels were asked for;
/// and the strategies whose cancel the desk refused (e.g. not connected).
/// </summary>
public sealed record StopReport(bool CancelRequested, IReadOnlyList<OrderOutcome> Orders, IReadOnlyDictionary<string, string> CancelFailures)
{
    /// <summary>The orders still working after the stop (kept on purpose, or cancels that got no answer in time).</summary>
    public IReadOnlyList<OrderOutcome> StillWorking => [.. Orders.Where(o => o.IsWorking)];

    /// <summary>One line: "no working orders at stop", "2 working orders at stop: 1 cancelled, 1 filled", …</summary>
    public string Describe()
    {
        if (Orders.Count == 0) return "no working orders at stop";
        var text = string.Create(CultureInfo.InvariantCulture, $"{Orders.Count} working order{(Orders.Count == 1 ? "" : "s")} at stop");
        if (!CancelRequested) return text + (StillWorking.Count == Orders.Count ? ", kept working (CancelOrdersOnStop is false)" : ", kept (CancelOrdersOnStop is false): " + Counts());
        text += ": " + Counts();
        if (StillWorking.Count > 0) text += $" (ids {string.Join(", ", StillWorking.Select(o => o.OrderId))})";
        if (CancelFailures.Count > 0) text += "; not cancelled: " + string.Join("; ", CancelFailures.Select(f => $"{f.Key}: {f.Value}"));
        return text;
    }

    private string Counts() => string.Join(", ", Orders.GroupBy(o => o.IsWorking ? "still working" : o.Outcome.ToLowerInvariant())
        .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
}
