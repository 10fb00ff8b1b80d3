namespace TradingDesk.Protocol.Messages.Wsh;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) of the Wall Street Horizon messages. Kept
/// family-local so the shared <see cref="ServerVersions"/> stays untouched.
/// </summary>
internal static class WshVersions
{
    /// <summary>MIN_SERVER_VER_WSHE_CALENDAR: every WSH request and reply exists.</summary>
    public const int WsheCalendar = 161;
    /// <summary>MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS: reqWshEventData carries filter and the three fill flags.</summary>
    public const int WshEventDataFilters = 171;
    /// <summary>MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS_DATE: reqWshEventData carries startDate, endDate, totalLimit.</summary>
    public const int WshEventDataFiltersDate = 173;
}
