using System.Net;
using TradingDesk.Desk.Domain;
using TradingDesk.Protocol;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What is wrong with a gateway-config command before anything is sent, in words the caller can act on; null when it
/// may be sent. Pure. reqConfig and updateConfig exist only as protobuf from server versions 219 and 221: an older
/// gateway has no such request, so the desk refuses it by name rather than let the codec fail it.
/// </summary>
internal static class GatewayConfigValidation
{
    private const int MaxText = 256;

    /// <param name="serverVersion">The gateway's version, 0 before the first handshake (the gate then waits for the gateway).</param>
    public static string? Problem(object command, int serverVersion) => command switch
    {
        GetGatewayConfig => Gate("reading the gateway's configuration (reqConfig)", ServerVersions.Config, serverVersion),
        UpdateGatewayConfig c => Gate("changing the gateway's configuration (updateConfig)", ServerVersions.UpdateConfig, serverVersion) ?? Update(c),
        _ => null,
    };

    private static string? Gate(string what, int needed, int serverVersion) =>
        serverVersion != 0 && serverVersion < needed ? $"{what} needs server version {needed}; this gateway is {serverVersion}" : null;

    private static string? Update(UpdateGatewayConfig c)
    {
        if (c.Changes is null) return "the update has no settings";
        var s = c.Changes;
        if (s.LockAndExit is null && s.Messages.Count == 0 && s.Precautions is null && s.Api is null && s.SmartRouting is null && !c.ResetApiOrderSequence)
            return "the update changes nothing: set at least one setting";
        return Messages(s.Messages) ?? Texts(s.LockAndExit) ?? Texts(s.SmartRouting) ?? Api(s.Api) ?? Warnings(c.AcceptedWarnings);
    }

    private static string? Messages(IReadOnlyList<MessageSetting> messages)
    {
        var seen = new HashSet<int>();
        foreach (var m in messages)
        {
            if (m.Id <= 0) return $"message id {m.Id} is not a message id: GetGatewayConfig lists the gateway's messages";
            if (!seen.Add(m.Id)) return $"message {m.Id} is in the update twice";
            if (Texts(m) is { } problem) return problem;
        }
        return null;
    }

    private static string? Api(ApiSettings? api)
    {
        if (api is null) return null;
        if (api.SocketPort is { } port && port is < 1 or > 65535) return $"socket port {port} is not a TCP port (1 to 65535)";
        if (api.MasterClientId is { } master && master < 0) return $"master client id {master} is negative";
        if (api.BulkDataTimeout is { } timeout && timeout <= 0) return $"bulk data timeout {timeout} is not a number of seconds above 0";
        if (api.HistoricalDataMaxSize is { } size && size <= 0) return $"historical data max size {size} is not a size above 0";
        foreach (var ip in api.TrustedIps)
            if (!IPAddress.TryParse(ip, out _)) return $"trusted IP '{TextChecks.Printable(ip, MaxText)}' is not an IP address";
        return Texts(api);
    }

    private static string? Warnings(IReadOnlyList<ConfigWarning> warnings)
    {
        foreach (var w in warnings)
        {
            if (w.MessageId <= 0) return $"accepted warning {w.MessageId} is not a warning id: accept the ids the gateway's answer named";
            if (Texts(w) is { } problem) return problem;
        }
        return null;
    }

    // Every free-text setting of a section, by its property name: the sections are flat records of IB's fields, so
    // reading their string properties checks each one, and a field IB adds later is checked without a new line here.
    private static string? Texts(object? section)
    {
        if (section is null) return null;
        foreach (var property in section.GetType().GetProperties())
            if (property.PropertyType == typeof(string) && TextChecks.Problem(Words(property.Name), (string?)property.GetValue(section), MaxText) is { } problem)
                return problem;
        return null;
    }

    // "AutoLogoffTime" → "auto logoff time": the setting as a person names it.
    private static string Words(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
