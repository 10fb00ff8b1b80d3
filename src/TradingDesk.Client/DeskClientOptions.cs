namespace TradingDesk.Client;

/// <summary>How a <see cref="DeskClient"/> talks to the desk. Every property has a default that works against a local desk.</summary>
public sealed record DeskClientOptions
{
    /// <summary>How long <see cref="DeskClient.ConnectAsync"/> waits for the desk's first answer. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The deadline of each unary call (streams have none: they run until the caller stops them). Default 30 s,
    /// longer than the desk's own request timeouts, so the desk's typed timeout normally arrives first.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest message the client accepts (contract details and historical bars can be large). Default 16 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>The handler under the channel, for tests and proxies; null uses the default SocketsHttpHandler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
