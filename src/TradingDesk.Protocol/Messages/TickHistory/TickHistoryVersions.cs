namespace TradingDesk.Protocol.Messages.TickHistory;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) that only historical ticks, histograms and the
/// historical schedule need. Kept family-local so the shared <see cref="ServerVersions"/> stays untouched.
/// </summary>
internal static class TickHistoryVersions
{
    /// <summary>MIN_SERVER_VER_REQ_HISTOGRAM: reqHistogramData, cancelHistogramData and histogramData exist.</summary>
    public const int ReqHistogram = 119;
    /// <summary>MIN_SERVER_VER_HISTORICAL_TICKS: reqHistoricalTicks and its three replies exist.</summary>
    public const int HistoricalTicks = 130;
    /// <summary>MIN_SERVER_VER_HISTORICAL_SCHEDULE: historicalSchedule exists.</summary>
    public const int HistoricalSchedule = 165;
}
