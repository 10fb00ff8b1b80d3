using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// IB's limit on live API scanner subscriptions ("only 10 API scans can be active at a time", per API connection; the
/// gateway refuses the next with 162 "Only 10 simultaneous API scanner subscriptions are allowed."). The desk checks it
/// before anything is sent, over its scanner lines: identical subscriptions share one line, so they hold one slot, and
/// a line frees its slot when it leaves the table (released or ended by the gateway); a released line's cancel is sent
/// by its actor as it stops, so the next new scan that needs that slot waits until the cancel is queued: <see cref="WaitsForCancel"/>). Pure.
/// </summary>
internal static class ScannerLimit
{
    /// <summary>The router's line kind for scanner subscriptions.</summary>
    public const string LineKind = "scan";

    /// <summary>IB's maximum of simultaneous API scans per connection.</summary>
    public const int MaxActive = 10;

    /// <summary>The start of the gateway's text for the limit (after the 162 prefix "Historical Market Data Service error message:").</summary>
    private const string GatewayText = "simultaneous API scanner subscriptions";

    /// <summary>The refusal of <paramref name="asked"/> when it would be a new scan over the limit; null when it may run.</summary>
    public static ScannerLimitReached? Refusal(IEnumerable<LineKey> lines, LineKey asked)
    {
        if (asked.Kind != LineKind) return null;
        var running = lines.Where(k => k.Kind == LineKind).ToList();
        if (running.Contains(asked) || running.Count < MaxActive) return null;
        return new ScannerLimitReached(MaxActive, running.Select(k => Describe(k.Spec)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// True when <paramref name="asked"/> is a new scan whose slot is free only once a released line's cancel is out
    /// (<paramref name="cancelling"/> lines released whose actors have not stopped yet): it waits for that, rather than
    /// reach the gateway ahead of the cancel and be refused there.
    /// </summary>
    public static bool WaitsForCancel(IEnumerable<LineKey> lines, LineKey asked, int cancelling)
    {
        if (asked.Kind != LineKind || cancelling == 0) return false;
        var running = lines.Where(k => k.Kind == LineKind).ToList();
        return !running.Contains(asked) && running.Count + cancelling >= MaxActive;
    }

    /// <summary>The typed failure for the gateway's own 162 for the limit; null for any other error.</summary>
    public static ScannerLimitReached? FromGateway(int code, string message) =>
        code == 162 && message.Contains(GatewayText, StringComparison.OrdinalIgnoreCase) ? new ScannerLimitReached(MaxActive, [], message) : null;

    // The line's spec starts "code|instrument|location|…" (OptionMapping.ScannerKey): the user's own words for the scan.
    private static string Describe(string spec)
    {
        var parts = spec.Split('|');
        return parts.Length >= 3 ? $"{parts[0]} ({parts[1]} {parts[2]})" : spec;
    }
}
