using System.Globalization;
using System.Net;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>Where the dashboard listens: an IP address (null for <c>localhost</c>, every loopback address) and a port.</summary>
public readonly record struct DashboardAddress(IPAddress? Address, int Port)
{
    public bool IsLoopback => Address is null || IPAddress.IsLoopback(Address);

    /// <summary>Parses "host:port" where host is an IP address (IPv6 in brackets) or localhost, port 0..65535.</summary>
    public static bool TryParse(string? text, out DashboardAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535) return false;
        var host = text[..colon].Trim();
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = new DashboardAddress(null, port);
            return true;
        }
        // A bare IPv6 address without brackets would read its last group as the port: brackets are required.
        if (host.Contains(':') && !(host.StartsWith('[') && host.EndsWith(']'))) return false;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip)) return false;
        address = new DashboardAddress(ip, port);
        return true;
    }
}
