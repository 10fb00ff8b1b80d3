using IBApi.protobuf;

namespace TradingDesk.Desk.Connection;

/// <summary>
/// The gateway's errors that refuse an API session: sent with id −1 in answer to startApi, just before the gateway
/// closes the socket. Pure.
/// <list type="bullet">
/// <item>326 "Unable to connect as the client id is already in use": TWS and IB Gateway send it.</item>
/// <item>502 "Couldn't connect to TWS": IB's own libraries raise it on their side; a gateway that takes no more API
/// clients (the simulator at its client limit) sends it.</item>
/// <item>503 "The TWS is out of date and must be upgraded".</item>
/// </list>
/// Not refusals: 1100–1102 (the gateway's own link to IB; the API session stays up) and 2100–2199 (farm and status
/// notices that follow a successful start). The other 5xx codes are raised inside client libraries about their own
/// socket (already connected, bad length, unknown message id) and never come from a gateway.
/// </summary>
public static class SessionRefusal
{
    private static readonly HashSet<int> Codes = [326, 502, 503];

    /// <summary>True for an error without a request id whose code refuses the session.</summary>
    public static bool Refuses(ErrorMessage error) => error.Id == -1 && Codes.Contains(error.ErrorCode);

    /// <summary>The reason a refused session ends with, in the gateway's words: "error 326: Unable to connect …".</summary>
    public static string Reason(ErrorMessage error) => $"error {error.ErrorCode}: {error.ErrorMsg.ReplaceLineEndings(" ").Trim()}";
}
