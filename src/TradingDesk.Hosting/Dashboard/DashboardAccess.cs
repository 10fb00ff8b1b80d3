using TradingDesk.Grpc;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>What a request to the dashboard may do.</summary>
public enum DashboardPermission
{
    /// <summary>No valid token while tokens are configured: nothing but the sign-in page.</summary>
    None,

    /// <summary>See the page and its stream (a read-only client's token).</summary>
    View,

    /// <summary>View, and the controls: kill switch, strategy stop and start (a trading client's token, or no tokens configured).</summary>
    Trade,
}

/// <summary>
/// Who may do what on the dashboard, decided from the token a request carries (an <c>Authorization: Bearer</c> header or
/// the page's cookie) and the gRPC front's clients, which already say read-only or trading. With no client configured
/// the dashboard is open (it then serves loopback only, see <see cref="DashboardSettings"/>), as the desk's console is.
/// Pure: tested without a server.
/// </summary>
public sealed class DashboardAccess(IReadOnlyList<GrpcClientSettings> clients)
{
    /// <summary>The cookie the sign-in sets: the token itself, HttpOnly and SameSite=Strict, never readable by the page's script.</summary>
    public const string Cookie = "tradingdesk_dashboard";

    /// <summary>True when a token is needed at all.</summary>
    public bool TokensRequired => clients.Count > 0;

    public DashboardPermission Decide(string? token)
    {
        if (!TokensRequired) return DashboardPermission.Trade;
        if (string.IsNullOrEmpty(token)) return DashboardPermission.None;
        // Every client is checked, matched or not, so the time taken does not say how far the search went.
        var access = DashboardPermission.None;
        foreach (var c in clients)
            if (AccessTokens.Matches(token, c.TokenSha256))
                access = c.Access == GrpcAccess.Trading ? DashboardPermission.Trade : DashboardPermission.View;
        return access;
    }

    /// <summary>The token of an <c>Authorization</c> header ("Bearer TOKEN"), else of the cookie; null when neither has one.</summary>
    public static string? TokenOf(string? authorization, string? cookie) =>
        authorization is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? a[7..].Trim()
        : string.IsNullOrEmpty(cookie) ? null : cookie;
}
