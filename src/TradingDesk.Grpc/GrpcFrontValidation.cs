using System.Globalization;
using System.Net;

namespace TradingDesk.Grpc;

/// <summary>The checks of <see cref="GrpcFrontOptions.Validate"/> and the parsing of <see cref="GrpcFrontOptions.Listen"/>.</summary>
internal static class GrpcFrontValidation
{
    private const string Section = "TradingDesk:Grpc";

    public static IReadOnlyList<string> Problems(GrpcFrontOptions options)
    {
        var problems = new List<string>();
        if (!TryParseListen(options.Listen, out var address, out _, out var listenProblem)) problems.Add(listenProblem);
        else if (!IsLoopback(address) && string.IsNullOrWhiteSpace(options.CertificatePath)) problems.Add(NotLoopback(options.Listen));
        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
            problems.Add($"{Section}:CertificatePath {options.CertificatePath} does not exist");
        if (options.DefaultCallTimeout <= TimeSpan.Zero) problems.Add($"{Section}:DefaultCallTimeout must be positive");
        if (options.StreamWindow < 1) problems.Add($"{Section}:StreamWindow must be at least 1");
        if (options.StreamBufferLimit < options.StreamWindow) problems.Add($"{Section}:StreamBufferLimit must be at least StreamWindow ({options.StreamWindow})");
        for (var i = 0; i < options.Clients.Count; i++) ClientProblems(options.Clients[i], $"{Section}:Clients:{i}", problems);
        Duplicates(options.Clients.Select(c => c.Name), "Name", "client name", problems);
        // Two trading clients of one strategy would take its registration from each other; read-only ones only watch it.
        Duplicates(options.Clients.Where(c => c.Access == GrpcAccess.Trading).Select(c => c.Strategy), "Strategy", "strategy of trading clients", problems);
        Duplicates(options.Clients.Select(c => c.TokenSha256.ToLowerInvariant()), "TokenSha256", "token hash", problems);
        return problems;
    }

    public static string NotLoopback(string listen) =>
        $"{Section}:Listen {listen} is not a loopback address: configure {Section}:CertificatePath (TLS) to listen there";

    public static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    /// <summary>
    /// <c>host:port</c>; <paramref name="address"/> is null for <c>localhost</c> (every loopback address).
    /// </summary>
    public static bool TryParseListen(string listen, out IPAddress? address, out int port, out string problem)
    {
        address = null;
        port = 0;
        problem = "";
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            problem = $"{Section}:Listen '{listen}' is not host:port (e.g. {GrpcFrontOptions.DefaultListen})";
            return false;
        }
        var host = listen[..colon].Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (IPAddress.TryParse(host, out address)) return true;
        problem = $"{Section}:Listen '{listen}': the host must be an IP address or localhost";
        return false;
    }

    private static void ClientProblems(GrpcClientOptions client, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(client.Name)) problems.Add($"{key}:Name is required");
        if (string.IsNullOrWhiteSpace(client.Strategy)) problems.Add($"{key}:Strategy is required (client '{client.Name}')");
        if (!AccessTokens.IsHash(client.TokenSha256))
            problems.Add($"{key}:TokenSha256 of client '{client.Name}' is not 64 hex characters (the SHA-256 of the token: AccessTokens.Hash)");
        if (!Enum.IsDefined(client.Access)) problems.Add($"{key}:Access of client '{client.Name}' must be Trading or ReadOnly");
    }

    private static void Duplicates(IEnumerable<string> values, string field, string what, List<string> problems)
    {
        foreach (var group in values.Where(v => v.Length > 0).GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"{Section}:Clients: the {what} '{(field == "TokenSha256" ? group.Key[..8] + "…" : group.Key)}' is used by {group.Count()} clients; each needs its own {field}");
    }
}
