namespace TradingDesk.Desk.Routing;

/// <summary>What an error code means for the request it names.</summary>
public enum ErrorSeverity
{
    /// <summary>Informational: the request or stream goes on (delivered as SubscriptionNotice, logged for one-shots).</summary>
    Warning,
    /// <summary>The request is over: the requester gets RequestFailed / SubscriptionEnded with a GatewayError.</summary>
    Terminal,
}

/// <summary>
/// The one table that decides whether an error code ends a request. Pure.
///
/// Sources: IB's error-code table and other clients' practice (ib_async's warning set {105, 110, 165, 321, 329, 399, 404, 434, 492, 10167}
/// and 2100–2199; stoqey's 2100–2999 non-fatal) and IB's ERRTAB texts. Decisions, with reasons:
/// <list type="bullet">
/// <item>2100–2199: account/farm/status notices (2104 farm OK, 2137 cross-side warning, 2176 fractional rules) — warning.</item>
/// <item>10167 delayed data shown instead, 10090 part of the data not subscribed, 317 depth reset, 10197 no data
/// during a competing live session, 165 HMDS query message: the stream keeps delivering — warning.</item>
/// <item>105, 110, 329, 399, 404, 434, 492 are order-ticket warnings (order modified, price variation, order message
/// warnings, short availability, …): a data request never sees them, and for orders the order manager decides; the
/// table says warning as ib_async does.</item>
/// <item>321 "Error validating request" is a warning in ib_async, but for a data request it means the gateway refused
/// the request (e.g. whatToShow missing): nothing will ever arrive — terminal. Same for 322 (server error).</item>
/// <item>Everything else with a request id (200 no definition, 162 HMDS error/pacing, 354/10089 not subscribed,
/// 300 unknown id, 101 max tickers, 102 duplicate id, 309 max depth, 366, 386, 420, …) — terminal.</item>
/// </list>
/// </summary>
public static class ErrorClassifier
{
    private static readonly HashSet<int> Warnings = [105, 110, 165, 317, 329, 399, 404, 434, 492, 10090, 10167, 10197];

    public static ErrorSeverity Classify(int code) =>
        code is >= 2100 and <= 2199 || Warnings.Contains(code) ? ErrorSeverity.Warning : ErrorSeverity.Terminal;

    /// <summary>True for the connectivity codes (1100, 1101, 1102) that drive resubscription.</summary>
    public static bool IsConnectivity(int code) => code is 1100 or 1101 or 1102;
}
