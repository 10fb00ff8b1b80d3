namespace TradingDesk.Desk.Gateway;

/// <summary>The connection's states: Disconnected → Connecting → Connected → Reconnecting → Connecting …</summary>
public enum ConnectionState { Disconnected, Connecting, Connected, Reconnecting }

/// <summary>
/// Published on the actor system's EventStream by the ConnectionActor at every state change; the router, the order
/// manager, strategies and the console view subscribe to them.
/// </summary>
public static class ConnectionEvents
{
    public abstract record StateChanged(ConnectionState State, DateTimeOffset At);

    /// <summary>A connect attempt began.</summary>
    public sealed record Connecting(string Host, int Port, int Attempt, DateTimeOffset At) : StateChanged(ConnectionState.Connecting, At);

    /// <summary>
    /// The handshake and startApi are done and both managedAccounts and nextValidId arrived (the API is ready).
    /// <paramref name="IsReconnect"/> is true for every connection after the first: live subscriptions must be re-sent.
    /// </summary>
    public sealed record Connected(int ServerVersion, string ConnectionTime, IReadOnlyList<string> Accounts, int NextValidId, bool IsReconnect, DateTimeOffset At)
        : StateChanged(ConnectionState.Connected, At);

    /// <summary>
    /// The link is gone (EOF, write failure, missed heartbeat, refused). Requests in flight fail or wait.
    /// <paramref name="GatewayErrorCode"/> is set when the gateway refused the session with an error (326: the client id
    /// is in use, 502, 503) before closing it; <paramref name="Reason"/> then says "error 326: " and the gateway's text.
    /// </summary>
    public sealed record Disconnected(string Reason, DateTimeOffset At, int? GatewayErrorCode = null) : StateChanged(ConnectionState.Disconnected, At);

    /// <summary>Waiting <paramref name="Delay"/> before attempt <paramref name="Attempt"/> (Fibonacci backoff).</summary>
    public sealed record Reconnecting(int Attempt, TimeSpan Delay, string LastError, DateTimeOffset At) : StateChanged(ConnectionState.Reconnecting, At);
}
