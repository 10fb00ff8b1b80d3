namespace TradingDesk.Protocol.Handshake;

/// <summary>What a client announces after <c>API\0</c>: its version range and connect options (e.g. "+PACEAPI").</summary>
public sealed record ClientHello(int MinVersion, int MaxVersion, string? ConnectOptions = null)
{
    /// <summary>The highest version inside both ranges, or null when the ranges do not meet.</summary>
    public int? Negotiate(int serverMin, int serverMax)
    {
        var version = Math.Min(MaxVersion, serverMax);
        return version >= Math.Max(MinVersion, serverMin) ? version : null;
    }

    /// <summary>True when the client asked the server to pace its messages ("+PACEAPI").</summary>
    public bool AsksForPacing =>
        ConnectOptions?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("+PACEAPI", StringComparer.Ordinal) ?? false;
}

/// <summary>The server's reply: the negotiated version and its connection time, e.g. "20230405 22:20:39 PST".</summary>
public sealed record ServerHello(int ServerVersion, string ConnectionTime);
