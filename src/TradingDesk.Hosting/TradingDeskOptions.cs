using System.Globalization;
using TradingDesk.Desk;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Hosting;

/// <summary>
/// The <c>TradingDesk</c> section of <c>config/appsettings*.json</c> (and <c>TRADINGDESK_</c> environment variables,
/// e.g. <c>TRADINGDESK_TradingDesk__Gateway=127.0.0.1:4002</c>). Immutable; <see cref="Validated"/> at start.
/// Durations are written "5s", "500ms", "2m" or "00:00:05" (see <see cref="Durations"/>).
/// </summary>
public sealed record TradingDeskOptions
{
    /// <summary>"host:port" of TWS / IB Gateway. Default empty: start the embedded simulator on a free port.</summary>
    public string? Gateway { get; init; }

    /// <summary>API client id of the desk. Default 1 (0 is the master client).</summary>
    public int ClientId { get; init; } = 1;

    /// <summary>Seed of the embedded simulator's price paths. Default 42.</summary>
    public long SimulatorSeed { get; init; } = 42;

    /// <summary>
    /// Simulated instant the embedded simulator starts at (then runs in real time). Default empty: the most recent
    /// weekday at 15:00 UTC (10:00 in New York, market open), so the paper market trades on nights and weekends too.
    /// </summary>
    public DateTimeOffset? SimulatorStart { get; init; }

    /// <summary>On stop (Ctrl-C or end of --duration), cancel the strategies' working orders. Default true; false keeps them.</summary>
    public bool CancelOrdersOnStop { get; init; } = true;

    /// <summary>How often the console view refreshes (plain lines when not a terminal). Default 2 s.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for the first connection before giving up with exit code 2. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a stop waits for the outcome of the cancels it sent (then reports what is still working). Default 10 s, at most <see cref="LongestStopTimeout"/>.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest <see cref="StopTimeout"/>: after Ctrl-C the command line gives the stop a bounded time before it ends
    /// the process, and that bound must cover the wait for the cancels plus the desk's own shutdown.
    /// </summary>
    public static readonly TimeSpan LongestStopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where the desk keeps its files, relative to the working directory unless absolute; created on first run.
    /// Default "data".
    /// </summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>
    /// The journal: <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c> (an Npgsql connection string, never printed or
    /// logged). Default empty: SQLite file <c>desk.db</c> under <see cref="DataDirectory"/>. See <see cref="ResolveStore"/>.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>
    /// How an SQLite journal commits: <see cref="SqliteSynchronous.Normal"/> (default; a commit survives the desk's
    /// process dying, the last ones may roll back on a power loss) or <see cref="SqliteSynchronous.Full"/> (an fsync per
    /// commit). Ignored for PostgreSQL. See docs/hosting.md "Stores".
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Normal;

    /// <summary>
    /// How an order that names no rounding of its own puts its limit and stop prices on the contract's market rule before
    /// it is sent: <see cref="PriceRounding.Off"/> (default: as given, the gateway judges), Nearest, Down, Up or Reject
    /// (refused with the valid neighbours). See docs/desk-core.md "Market-rule rounding".
    /// </summary>
    public PriceRounding PriceRounding { get; init; } = PriceRounding.Off;

    /// <summary>Per-attempt deadline, heartbeat and reconnect backoff.</summary>
    public ConnectionSettings Connection { get; init; } = new();

    /// <summary>The pacer (IB allows 50 messages per second).</summary>
    public PacingSettings Pacing { get; init; } = new();

    /// <summary>Deadlines of requests.</summary>
    public TimeoutSettings Timeouts { get; init; } = new();

    /// <summary>Risk limits of every strategy (a strategy's own <see cref="StrategyConfig.Risk"/> overrides them field by field). Default none.</summary>
    public RiskSettings Risk { get; init; } = new();

    /// <summary>How a failing strategy is restarted.</summary>
    public RestartSettings Restarts { get; init; } = new();

    /// <summary>Whether this process is a cluster node, and which part it plays. Default: no cluster.</summary>
    public ClusterSettings Cluster { get; init; } = new();

    /// <summary>The gRPC front, for strategies in any language. Default off.</summary>
    public GrpcSettings Grpc { get; init; } = new();

    /// <summary>The live web dashboard (docs/operations.md). Default off.</summary>
    public Dashboard.DashboardSettings Dashboard { get; init; } = new();

    /// <summary>The metrics exports (Prometheus scrape endpoint, OTLP push); both off by default.</summary>
    public Telemetry.MetricsSettings Metrics { get; init; } = new();

    /// <summary>The strategies to host. Default none.</summary>
    public StrategyConfig[] Strategies { get; init; } = [];

    /// <summary>Returns these options, or throws <see cref="InvalidSettingException"/> naming the setting to change.</summary>
    public TradingDeskOptions Validated()
    {
        const string S = DeskConfiguration.Section;
        if (!string.IsNullOrWhiteSpace(Gateway) && ParseGateway(Gateway) is null)
            throw new InvalidSettingException($"{S}:Gateway", $"{S}:Gateway must be host:port (for example 127.0.0.1:4002), not '{Gateway}'");
        if (ClientId is < 0 or > 32767) throw new InvalidSettingException($"{S}:ClientId", $"{S}:ClientId must be 0..32767, not {ClientId}");
        if (string.IsNullOrWhiteSpace(DataDirectory))
            throw new InvalidSettingException($"{S}:DataDirectory", $"{S}:DataDirectory must name a directory (default \"data\"), not be empty");
        if (!string.IsNullOrWhiteSpace(Store) && !StoreLocation.TryParse(Store, out _, out var storeProblem))
            throw new InvalidSettingException($"{S}:Store", $"{S}:Store {storeProblem}");
        Positive($"{S}:StatusInterval", StatusInterval);
        Positive($"{S}:ConnectTimeout", ConnectTimeout);
        Positive($"{S}:StopTimeout", StopTimeout);
        if (StopTimeout > LongestStopTimeout)
            throw new InvalidSettingException($"{S}:StopTimeout", $"{S}:StopTimeout must be at most {Durations.Format(LongestStopTimeout)}, not {Durations.Format(StopTimeout)}");
        Connection.Validate($"{S}:Connection");
        Pacing.Validate($"{S}:Pacing");
        Timeouts.Validate($"{S}:Timeouts");
        Risk.Validate($"{S}:Risk");
        Restarts.Validate($"{S}:Restarts");
        Cluster.Validate($"{S}:Cluster", [.. Strategies.Where(s => s.Enabled).Select(s => s.Name)]);
        Grpc.Validate($"{S}:Grpc", [.. Strategies.Select(s => s.Name)]);
        Dashboard.Validate($"{S}:Dashboard", Grpc);
        Metrics.Validate($"{S}:Metrics");
        // The front's own checks on what the host hands it (a token hash two clients share, and the like), so that the
        // start is never the first to refuse the settings.
        if (Grpc.Enabled && GrpcFrontService.ToFrontOptions(this).Validate() is [var frontProblem, ..])
            throw new InvalidSettingException($"{S}:Grpc", frontProblem);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Strategies.Length; i++)
        {
            var s = Strategies[i];
            var at = $"{S}:Strategies:{i}";
            if (string.IsNullOrWhiteSpace(s.Name)) throw new InvalidSettingException($"{at}:Name", $"{at}:Name must be set");
            if (!System.Text.RegularExpressions.Regex.IsMatch(s.Name, "^[A-Za-z0-9_.-]{1,64}$"))
                throw new InvalidSettingException($"{at}:Name", $"{at}:Name must be letters, digits, '-', '_' or '.', not '{s.Name}'");
            if (string.IsNullOrWhiteSpace(s.Type)) throw new InvalidSettingException($"{at}:Type", $"{at}:Type must be set (strategy '{s.Name}')");
            if (!names.Add(s.Name)) throw new InvalidSettingException($"{at}:Name", $"{S}:Strategies: the name '{s.Name}' is used twice");
            s.Risk?.Validate($"{at}:Risk");
        }
        return this;
    }

    /// <summary>Refuses zero, negative and absurdly long durations: none of them can make sense, and some would hang the desk.</summary>
    internal static void Positive(string key, TimeSpan value, bool zeroAllowed = false)
    {
        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !zeroAllowed))
            throw new InvalidSettingException(key, $"{key} must be {(zeroAllowed ? "zero or positive" : "positive")}, not {Durations.Format(value)}");
        if (value > Durations.Longest)
            throw new InvalidSettingException(key, $"{key} must be at most {Durations.Format(Durations.Longest)}, not {Durations.Format(value)}");
    }

    /// <summary>
    /// The main settings, with the store described rather than written out: a record's generated ToString would print
    /// a PostgreSQL connection string, password included, wherever the options end up in a log or a debugger.
    /// </summary>
    public override string ToString()
    {
        var store = StoreLocation.TryParse(Store, out var s, out _) ? s!.Describe() : string.IsNullOrWhiteSpace(Store) ? "default" : "invalid";
        return $"TradingDeskOptions {{ Gateway = {Gateway}, ClientId = {ClientId}, DataDirectory = {DataDirectory}, Store = {store}, Strategies = {Strategies.Length} }}";
    }

    /// <summary>The journal <see cref="Store"/> names, or the default SQLite file under <see cref="DataDirectory"/>.</summary>
    public StoreLocation ResolveStore() =>
        string.IsNullOrWhiteSpace(Store) ? StoreLocation.Default(DataDirectory)
        : StoreLocation.TryParse(Store, out var store, out var problem) ? store!
        : throw new InvalidSettingException($"{DeskConfiguration.Section}:Store", $"{DeskConfiguration.Section}:Store {problem}");

    /// <summary>The desk's own options for a connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public DeskOptions ToDeskOptions(string host, int port) => new()
    {
        Host = host,
        Port = port,
        ClientId = ClientId,
        ConnectTimeout = Connection.AttemptTimeout,
        HeartbeatInterval = Connection.HeartbeatInterval,
        HeartbeatTimeout = Connection.HeartbeatTimeout,
        BackoffUnit = Connection.BackoffUnit,
        BackoffCap = Connection.BackoffCap,
        MaxReconnectAttempts = Connection.MaxReconnectAttempts,
        MessagesPerSecond = Pacing.MessagesPerSecond,
        Burst = Pacing.Burst,
        PacingJitterMargin = Pacing.JitterMargin,
        PacerStatusInterval = Pacing.StatusInterval,
        Timeouts = new RequestTimeouts
        {
            OneShot = Timeouts.OneShot, ContractDetails = Timeouts.ContractDetails, Historical = Timeouts.Historical,
            Account = Timeouts.Account, Snapshot = Timeouts.Snapshot, QueueLimit = Timeouts.QueueLimit,
            OptionChain = Timeouts.OptionChain,
        },
        Orders = new OrderManagerOptions
        {
            ClientId = ClientId,
            QueryTimeout = Timeouts.OrderQueries,
            DefaultPriceRounding = PriceRounding,
            DefaultRiskLimits = Risk.ToLimits(),
            StrategyRiskLimits = Strategies.Where(s => s.Enabled && s.Risk is not null)
                .ToDictionary(s => new StrategyId(s.Name), s => s.Risk!.Over(Risk).ToLimits()),
        },
    };

    /// <summary>How strategies behave towards the desk. The host cancels working orders on stop itself (see TradingDeskService).</summary>
    public StrategyOptions ToStrategyOptions() => new() { AskTimeout = Timeouts.StrategyAsk, CancelOrdersOnStop = false };

    /// <summary>The strategy host's restart policy.</summary>
    public StrategyHostOptions ToStrategyHostOptions() => new()
    {
        MinBackoff = Restarts.MinBackoff, MaxBackoff = Restarts.MaxBackoff, RandomFactor = Restarts.RandomFactor,
        MaxRestarts = Restarts.MaxRestarts, ResetAfter = Restarts.ResetAfter,
    };

    /// <summary>Parses "host:port"; null when malformed.</summary>
    public static (string Host, int Port)? ParseGateway(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return null;
        var host = text[..colon].Trim();
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 && host.Length > 0
            ? (host, port)
            : null;
    }

    /// <summary>The default simulator start: the most recent weekday (today included) at 15:00 UTC.</summary>
    public static DateTimeOffset DefaultSimulatorStart(DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero);
    }
}

/// <summary>A setting that cannot work; <see cref="Setting"/> is its configuration key.</summary>
public sealed class InvalidSettingException(string setting, string message) : ArgumentException(message)
{
    public string Setting { get; } = setting;
}

/// <summary>One hosted strategy: a registered <see cref="Type"/> and its parameters.</summary>
public sealed record StrategyConfig
{
    /// <summary>Unique name (actor name, StrategyId, orderRef).</summary>
    public string Name { get; init; } = "";

    /// <summary>A strategy type registered with <see cref="TradingDeskBuilder.WithStrategyType(string, IReadOnlyCollection{string}, Func{StrategyContext, Akka.Actor.Props})"/>, e.g. MovingAverageCrossover.</summary>
    public string Type { get; init; } = "";

    /// <summary>Set false to keep the entry without running it. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The strategy's own settings, as strings; the names its type declares (each sample's README lists them).</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    /// <summary>This strategy's risk limits; each one set here replaces the same one of <see cref="TradingDeskOptions.Risk"/>. Default none.</summary>
    public RiskSettings? Risk { get; init; }
}
