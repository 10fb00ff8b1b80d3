namespace TradingDesk.Cli.Commands;

/// <summary>
/// Checks of the cluster addresses the command line takes: seed nodes (<c>akka.tcp://trading-desk@host:port</c>) and
/// host names to bind or advertise. Each check returns null for a good value, else the problem in the user's words.
/// </summary>
public static class ClusterAddresses
{
    /// <summary>The actor system's name on every node; a seed node address that names another system never answers.</summary>
    public const string SystemName = "trading-desk";

    /// <summary>Akka.Remote's TCP transport, the one every node listens on.</summary>
    public const string Scheme = "akka.tcp";

    public const string Example = "akka.tcp://trading-desk@127.0.0.1:4053";

    /// <summary>Null when <paramref name="text"/> is <c>akka.tcp://trading-desk@host:port</c> (port 1..65535, no path).</summary>
    public static string? Problem(string text)
    {
        var what = $"'{text}' is not a seed node (expected {Scheme}://{SystemName}@host:port, like {Example})";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) return what;
        if (!string.Equals(uri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
            return $"{what}: the scheme must be {Scheme}, not '{uri.Scheme}'";
        if (uri.UserInfo != SystemName)
            return uri.UserInfo.Length == 0 ? $"{what}: the actor system's name is missing before '@'" : $"{what}: the actor system is {SystemName}, not '{uri.UserInfo}'";
        if (uri.Host.Length == 0) return $"{what}: the host is missing";
        if (uri.Port is < 1 or > 65535) return $"{what}: the port is missing (1..65535)";
        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return $"{what}: nothing may follow the port";
        return null;
    }

    /// <summary>The seed node with a trailing slash removed (Akka compares addresses as written).</summary>
    public static string Normalize(string text) => text.Trim().TrimEnd('/');

    /// <summary>Null when <paramref name="host"/> is a DNS name or an IP address.</summary>
    public static string? HostProblem(string host) =>
        host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown ? null : $"'{host}' is not a host name or IP address";

    /// <summary>Splits "a,b , c" into names; empty parts are dropped.</summary>
    public static string[] SplitNames(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
