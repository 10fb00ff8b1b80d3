using TradingDesk.Desk.Orders;

namespace TradingDesk.Desk;

/// <summary>
/// How the desk connects and behaves. Immutable; every default is documented; <see cref="Validate"/> runs at start
/// and says what to change.
/// </summary>
public sealed record DeskOptions
{
    /// <summary>Gateway host. Default 127.0.0.1 (TWS / IB Gateway accept loopback by default).</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>Gateway port. Default 4002 (IB Gateway paper); TWS paper is 7497, live 7496, Gateway live 4001.</summary>
    public int Port { get; init; } = 4002;
    /// <summary>API client id (one connection per id). Default 1.</summary>
    public int ClientId { get; init; } = 1;
    /// <summary>Lowest server version the desk accepts. Default 100 (the V100+ floor).</summary>
    public int MinVersion { get; init; } = 100;
    /// <summary>Highest server version the desk asks for. Default 225.</summary>
    public int MaxVersion { get; init; } = 225;
    /// <summary>Connect options appended to the version range, e.g. "+PACEAPI". Default none (the desk paces itself).</summary>
    public string? ConnectOptions { get; init; }
    /// <summary>Optional capabilities sent with startApi. Default empty.</summary>
    public string OptionalCapabilities { get; init; } = "";

    /// <summary>Messages per second the pacer lets out, in any one-second window. Default 45 (IB's limit is 50).</summary>
    public int MessagesPerSecond { get; init; } = 45;
    /// <summary>Messages the pacer may send back to back before spacing them out. Default 5.</summary>
    public int Burst { get; init; } = 5;
    /// <summary>
    /// Added to the pacer's one-second window to absorb jitter between our send and the gateway's count (the gateway
    /// counts arrivals). Default 100 ms: at most <see cref="MessagesPerSecond"/> in any 1.1 s.
    /// </summary>
    public TimeSpan PacingJitterMargin { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>How often the pacer publishes its <c>PacerStatus</c> on the EventStream. Default 1 s; zero turns it off.</summary>
    public TimeSpan PacerStatusInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeat period (reqCurrentTime). Default 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long the heartbeat waits for currentTime before it declares the link dead. Default 10 s.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Deadline for TCP connect + handshake + managedAccounts/nextValidId. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Unit of the Fibonacci backoff (1, 2, 3, 5, 8 … units). Default 1 s.</summary>
    public TimeSpan BackoffUnit { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest wait between reconnect attempts. Default 60 s.</summary>
    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Reconnect attempts before giving up (the connection stays Disconnected). Default null: never give up.</summary>
    public int? MaxReconnectAttempts { get; init; }

    /// <summary>Deadlines per request kind (from the moment the request leaves the pacer).</summary>
    public RequestTimeouts Timeouts { get; init; } = new();

    /// <summary>The order manager's options: risk limits, query deadline, reconciliation (see <see cref="OrderManagerOptions"/>).</summary>
    public OrderManagerOptions Orders { get; init; } = new();

    /// <summary>
    /// First subscription id the router hands out, less one. Default 0 (ids 1, 2, 3 …). A desk in a cluster starts each
    /// incarnation from a base above every id an earlier incarnation could have used, so a strategy re-establishing its
    /// subscriptions after a failover (under the ids it holds) never collides with a new subscription.
    /// </summary>
    public long SubscriptionIdBase { get; init; }

    /// <summary>How shared lines deliver items to their subscribers. Default: a Tell to each (<see cref="MarketData.DirectFanout"/>).</summary>
    public MarketData.IStreamFanout Fanout { get; init; } = MarketData.DirectFanout.Instance;

    /// <summary>Asked before every write to the gateway. Default: always open (<see cref="Connection.AlwaysOpen"/>).</summary>
    public Connection.IGatewayWriteGate WriteGate { get; init; } = Connection.AlwaysOpen.Instance;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting to change.</summary>
    public DeskOptions Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) problems.Add("Host is empty: set it to the gateway's host name or address (e.g. 127.0.0.1)");
        if (Port is < 1 or > 65535) problems.Add($"Port {Port} is not a TCP port: use 1..65535 (4002 Gateway paper, 7497 TWS paper)");
        if (ClientId < 0) problems.Add($"ClientId {ClientId} is negative: use 0 or a positive id unique per connection");
        if (MinVersion < 100) problems.Add($"MinVersion {MinVersion} is below 100, the V100+ handshake floor: raise it to 100 or more");
        if (MaxVersion < MinVersion) problems.Add($"MaxVersion {MaxVersion} is below MinVersion {MinVersion}: raise MaxVersion");
        if (MaxVersion > 225) problems.Add($"MaxVersion {MaxVersion} is above 225, the highest version the codec knows: lower it");
        if (MessagesPerSecond is < 1 or > 50) problems.Add($"MessagesPerSecond {MessagesPerSecond} must be 1..50 (IB disconnects above 50; 45 leaves headroom)");
        if (Burst < 1 || Burst > MessagesPerSecond) problems.Add($"Burst {Burst} must be 1..MessagesPerSecond ({MessagesPerSecond})");
        if (PacingJitterMargin < TimeSpan.Zero || PacingJitterMargin > TimeSpan.FromSeconds(1)) problems.Add("PacingJitterMargin must be 0..1 s (default 100 ms)");
        if (PacerStatusInterval < TimeSpan.Zero) problems.Add("PacerStatusInterval is negative: use zero (off) or a positive period");
        if (HeartbeatInterval <= TimeSpan.Zero) problems.Add("HeartbeatInterval must be positive (default 30 s)");
        if (HeartbeatTimeout <= TimeSpan.Zero || HeartbeatTimeout >= HeartbeatInterval) problems.Add("HeartbeatTimeout must be positive and shorter than HeartbeatInterval (defaults 10 s / 30 s)");
        if (ConnectTimeout <= TimeSpan.Zero) problems.Add("ConnectTimeout must be positive (default 10 s)");
        if (BackoffUnit <= TimeSpan.Zero) problems.Add("BackoffUnit must be positive (default 1 s)");
        if (BackoffCap < BackoffUnit) problems.Add("BackoffCap must be at least BackoffUnit (default 60 s)");
        if (SubscriptionIdBase < 0) problems.Add("SubscriptionIdBase is negative: use 0 or a positive base");
        // Order-update subscriptions take the ids from 2^62 up; a line's id must stay below them (with room to count).
        if (SubscriptionIdBase >= Messages.SubscriptionId.FirstOrderUpdates / 2)
            problems.Add($"SubscriptionIdBase {SubscriptionIdBase} is too large: use a base below {Messages.SubscriptionId.FirstOrderUpdates / 2} (ids from {Messages.SubscriptionId.FirstOrderUpdates} up are order-update subscriptions)");
        if (MaxReconnectAttempts is < 0) problems.Add("MaxReconnectAttempts is negative: use null (never give up) or a count");
        problems.AddRange(Timeouts.Problems());
        if (problems.Count > 0) throw new ArgumentException("DeskOptions are not valid:\n  " + string.Join("\n  ", problems));
        return this;
    }
}

/// <summary>Per-kind deadlines; a request with no answer by then fails with <c>RequestTimedOut</c>.</summary>
public sealed record RequestTimeouts
{
    /// <summary>reqCurrentTime, reqManagedAccts, head timestamp, market data type. Default 10 s.</summary>
    public TimeSpan OneShot { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Contract details (some searches return hundreds of contracts). Default 30 s.</summary>
    public TimeSpan ContractDetails { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Historical bars (HMDS can be slow for long durations). Default 60 s.</summary>
    public TimeSpan Historical { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Positions and account summary. Default 30 s.</summary>
    public TimeSpan Account { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Market data snapshot (IB takes up to 11 s to gather one). Default 20 s.</summary>
    public TimeSpan Snapshot { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>
    /// How long a request may wait in the pacer's queue, on top of its own deadline, before it fails with
    /// RequestTimedOut instead of waiting for ever (a request's deadline otherwise starts only when it leaves the
    /// pacer). Default 5 minutes; historical requests get three times as long, since IB's 60-per-10-minutes rule
    /// can hold them that long on purpose.
    /// </summary>
    public TimeSpan QueueLimit { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// A whole option chain (GetOptionChain): its parts each have their own deadline, but a chain of 12 expirations
    /// could otherwise take 12 of them. Counted from the command; past it the asker gets OptionChainTimedOut and the
    /// parts still outstanding are cancelled. Default 45 s: a chain of 12 expirations leaves the pacer within a second
    /// or two, and the default stays below the gRPC front's 60 s call timeout, so a gRPC caller hears this typed answer.
    /// </summary>
    public TimeSpan OptionChain { get; init; } = TimeSpan.FromSeconds(45);

    internal IEnumerable<string> Problems()
    {
        if (QueueLimit <= TimeSpan.Zero) yield return "Timeouts.QueueLimit must be positive (default 5 min)";
        if (OneShot <= TimeSpan.Zero) yield return "Timeouts.OneShot must be positive (default 10 s)";
        if (ContractDetails <= TimeSpan.Zero) yield return "Timeouts.ContractDetails must be positive (default 30 s)";
        if (Historical <= TimeSpan.Zero) yield return "Timeouts.Historical must be positive (default 60 s)";
        if (Account <= TimeSpan.Zero) yield return "Timeouts.Account must be positive (default 30 s)";
        if (Snapshot <= TimeSpan.Zero) yield return "Timeouts.Snapshot must be positive (default 20 s)";
        if (OptionChain <= TimeSpan.Zero) yield return "Timeouts.OptionChain must be positive (default 45 s)";
    }
}
