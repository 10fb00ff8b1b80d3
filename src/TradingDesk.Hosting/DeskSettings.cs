using TradingDesk.Desk;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Hosting;

// The groups of the TradingDesk section. Defaults come from the desk's own option records, so config and code agree.

/// <summary><c>TradingDesk:Connection</c>: each connect attempt, the heartbeat and the reconnect backoff.</summary>
public sealed record ConnectionSettings
{
    private static readonly DeskOptions Defaults = new();

    /// <summary>Deadline of one attempt: TCP connect, handshake, managedAccounts and nextValidId. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = Defaults.ConnectTimeout;

    /// <summary>Heartbeat period (reqCurrentTime). Default 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = Defaults.HeartbeatInterval;

    /// <summary>How long the heartbeat waits for its answer before the link is declared dead; below HeartbeatInterval. Default 10 s.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = Defaults.HeartbeatTimeout;

    /// <summary>Unit of the Fibonacci reconnect backoff (1, 2, 3, 5, 8 … units). Default 1 s.</summary>
    public TimeSpan BackoffUnit { get; init; } = Defaults.BackoffUnit;

    /// <summary>Longest wait between reconnect attempts. Default 60 s.</summary>
    public TimeSpan BackoffCap { get; init; } = Defaults.BackoffCap;

    /// <summary>Reconnect attempts before giving up. Default null: never give up.</summary>
    public int? MaxReconnectAttempts { get; init; } = Defaults.MaxReconnectAttempts;

    internal void Validate(string at)
    {
        TradingDeskOptions.Positive($"{at}:AttemptTimeout", AttemptTimeout);
        TradingDeskOptions.Positive($"{at}:HeartbeatInterval", HeartbeatInterval);
        TradingDeskOptions.Positive($"{at}:HeartbeatTimeout", HeartbeatTimeout);
        if (HeartbeatTimeout >= HeartbeatInterval)
            throw new InvalidSettingException($"{at}:HeartbeatTimeout", $"{at}:HeartbeatTimeout ({Durations.Format(HeartbeatTimeout)}) must be shorter than HeartbeatInterval ({Durations.Format(HeartbeatInterval)})");
        TradingDeskOptions.Positive($"{at}:BackoffUnit", BackoffUnit);
        TradingDeskOptions.Positive($"{at}:BackoffCap", BackoffCap);
        if (BackoffCap < BackoffUnit)
            throw new InvalidSettingException($"{at}:BackoffCap", $"{at}:BackoffCap ({Durations.Format(BackoffCap)}) must be at least BackoffUnit ({Durations.Format(BackoffUnit)})");
        if (MaxReconnectAttempts is < 0)
            throw new InvalidSettingException($"{at}:MaxReconnectAttempts", $"{at}:MaxReconnectAttempts must be null (never give up) or a count of 0 or more, not {MaxReconnectAttempts}");
    }
}

/// <summary><c>TradingDesk:Pacing</c>: how fast the pacer lets messages out.</summary>
public sealed record PacingSettings
{
    private static readonly DeskOptions Defaults = new();

    /// <summary>Messages per second, 1..50 (IB disconnects above 50). Default 45.</summary>
    public int MessagesPerSecond { get; init; } = Defaults.MessagesPerSecond;

    /// <summary>Messages sent back to back before spacing out, 1..MessagesPerSecond. Default 5.</summary>
    public int Burst { get; init; } = Defaults.Burst;

    /// <summary>Added to the one-second window against jitter, 0..1 s. Default 100 ms.</summary>
    public TimeSpan JitterMargin { get; init; } = Defaults.PacingJitterMargin;

    /// <summary>How often the pacer reports its queue (shown in the view). Default 1 s.</summary>
    public TimeSpan StatusInterval { get; init; } = Defaults.PacerStatusInterval;

    internal void Validate(string at)
    {
        if (MessagesPerSecond is < 1 or > 50)
            throw new InvalidSettingException($"{at}:MessagesPerSecond", $"{at}:MessagesPerSecond must be 1..50 (IB disconnects above 50), not {MessagesPerSecond}");
        if (Burst < 1 || Burst > MessagesPerSecond)
            throw new InvalidSettingException($"{at}:Burst", $"{at}:Burst must be 1..MessagesPerSecond ({MessagesPerSecond}), not {Burst}");
        TradingDeskOptions.Positive($"{at}:JitterMargin", JitterMargin, zeroAllowed: true);
        if (JitterMargin > TimeSpan.FromSeconds(1))
            throw new InvalidSettingException($"{at}:JitterMargin", $"{at}:JitterMargin must be at most 1s, not {Durations.Format(JitterMargin)}");
        TradingDeskOptions.Positive($"{at}:StatusInterval", StatusInterval);
    }
}

/// <summary><c>TradingDesk:Timeouts</c>: how long requests may take before they fail with RequestTimedOut.</summary>
public sealed record TimeoutSettings
{
    private static readonly RequestTimeouts Defaults = new();

    /// <summary>Current time, managed accounts, head timestamp, market data type. Default 10 s.</summary>
    public TimeSpan OneShot { get; init; } = Defaults.OneShot;

    /// <summary>Contract details. Default 30 s.</summary>
    public TimeSpan ContractDetails { get; init; } = Defaults.ContractDetails;

    /// <summary>Historical bars. Default 60 s.</summary>
    public TimeSpan Historical { get; init; } = Defaults.Historical;

    /// <summary>Positions and account summary. Default 30 s.</summary>
    public TimeSpan Account { get; init; } = Defaults.Account;

    /// <summary>Market data snapshots. Default 20 s.</summary>
    public TimeSpan Snapshot { get; init; } = Defaults.Snapshot;

    /// <summary>How long a request may wait in the pacer's queue on top of its own deadline. Default 5 min.</summary>
    public TimeSpan QueueLimit { get; init; } = Defaults.QueueLimit;

    /// <summary>Open orders, completed orders and executions queries. Default 30 s.</summary>
    public TimeSpan OrderQueries { get; init; } = new OrderManagerOptions().QueryTimeout;

    /// <summary>How long a strategy's ask of the desk waits when it names no timeout. Default 30 s.</summary>
    public TimeSpan StrategyAsk { get; init; } = StrategyOptions.Default.AskTimeout;

    /// <summary>A whole option chain, all its requests together (each also has its own deadline). Default 45 s.</summary>
    public TimeSpan OptionChain { get; init; } = Defaults.OptionChain;

    internal void Validate(string at)
    {
        TradingDeskOptions.Positive($"{at}:OneShot", OneShot);
        TradingDeskOptions.Positive($"{at}:ContractDetails", ContractDetails);
        TradingDeskOptions.Positive($"{at}:Historical", Historical);
        TradingDeskOptions.Positive($"{at}:Account", Account);
        TradingDeskOptions.Positive($"{at}:Snapshot", Snapshot);
        TradingDeskOptions.Positive($"{at}:QueueLimit", QueueLimit);
        TradingDeskOptions.Positive($"{at}:OrderQueries", OrderQueries);
        TradingDeskOptions.Positive($"{at}:StrategyAsk", StrategyAsk);
        TradingDeskOptions.Positive($"{at}:OptionChain", OptionChain);
    }
}

/// <summary>
/// <c>TradingDesk:Risk</c> and <c>TradingDesk:Strategies:n:Risk</c>: pre-trade limits (null: no limit). An order
/// that breaks one is refused before it reaches the gateway.
/// </summary>
public sealed record RiskSettings
{
    /// <summary>Largest quantity of one order. Default null.</summary>
    public decimal? MaxOrderQuantity { get; init; }

    /// <summary>Largest quantity × price × multiplier of one order. Default null.</summary>
    public decimal? MaxNotional { get; init; }

    /// <summary>Most working orders a strategy may have at once. Default null.</summary>
    public int? MaxOpenOrders { get; init; }

    /// <summary>The only symbols a strategy may trade (case-insensitive). Default null: any.</summary>
    public string[]? AllowedSymbols { get; init; }

    /// <summary>These limits, with every one not set here taken from <paramref name="defaults"/>.</summary>
    public RiskSettings Over(RiskSettings defaults) => new()
    {
        MaxOrderQuantity = MaxOrderQuantity ?? defaults.MaxOrderQuantity,
        MaxNotional = MaxNotional ?? defaults.MaxNotional,
        MaxOpenOrders = MaxOpenOrders ?? defaults.MaxOpenOrders,
        AllowedSymbols = AllowedSymbols ?? defaults.AllowedSymbols,
    };

    /// <summary>
    /// These limits and <paramref name="desk"/>'s together, each the tighter of the two: the lower quantity, notional and
    /// count, the symbols both allow. A gRPC client's limits can narrow the desk's, never widen them.
    /// </summary>
    public RiskSettings TightenedBy(RiskSettings desk) => new()
    {
        MaxOrderQuantity = Lower(MaxOrderQuantity, desk.MaxOrderQuantity),
        MaxNotional = Lower(MaxNotional, desk.MaxNotional),
        MaxOpenOrders = MaxOpenOrders is { } mine && desk.MaxOpenOrders is { } theirs ? Math.Min(mine, theirs) : MaxOpenOrders ?? desk.MaxOpenOrders,
        AllowedSymbols = AllowedSymbols is { } a && desk.AllowedSymbols is { } b
            ? [.. a.Where(s => b.Contains(s, StringComparer.OrdinalIgnoreCase))]
            : AllowedSymbols ?? desk.AllowedSymbols,
    };

    private static decimal? Lower(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    public RiskLimits ToLimits() => new()
    {
        MaxOrderQuantity = MaxOrderQuantity,
        MaxNotional = MaxNotional,
        MaxOpenOrders = MaxOpenOrders,
        AllowedSymbols = AllowedSymbols?.ToHashSet(StringComparer.OrdinalIgnoreCase),
    };

    internal void Validate(string at)
    {
        if (MaxOrderQuantity is <= 0) throw new InvalidSettingException($"{at}:MaxOrderQuantity", $"{at}:MaxOrderQuantity must be positive (or null for no limit), not {MaxOrderQuantity}");
        if (MaxNotional is <= 0) throw new InvalidSettingException($"{at}:MaxNotional", $"{at}:MaxNotional must be positive (or null for no limit), not {MaxNotional}");
        if (MaxOpenOrders is < 0) throw new InvalidSettingException($"{at}:MaxOpenOrders", $"{at}:MaxOpenOrders must be 0 or more (or null for no limit), not {MaxOpenOrders}");
        if (AllowedSymbols is { } symbols && symbols.Any(string.IsNullOrWhiteSpace))
            throw new InvalidSettingException($"{at}:AllowedSymbols", $"{at}:AllowedSymbols must list symbols such as [\"AAPL\", \"MSFT\"], without empty entries");
    }
}

/// <summary><c>TradingDesk:Restarts</c>: a failing strategy is restarted after min(MaxBackoff, MinBackoff × 2ⁿ).</summary>
public sealed record RestartSettings
{
    private static readonly StrategyHostOptions Defaults = new();

    /// <summary>Wait before the first restart. Default 1 s.</summary>
    public TimeSpan MinBackoff { get; init; } = Defaults.MinBackoff;

    /// <summary>Longest wait between restarts. Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = Defaults.MaxBackoff;

    /// <summary>Random stretch of each wait, 0..1. Default 0.2.</summary>
    public double RandomFactor { get; init; } = Defaults.RandomFactor;

    /// <summary>Restarts before the strategy is given up (-1: never). Default 10.</summary>
    public int MaxRestarts { get; init; } = Defaults.MaxRestarts;

    /// <summary>A strategy that ran this long without failing starts again from MinBackoff. Default 5 min.</summary>
    public TimeSpan ResetAfter { get; init; } = Defaults.ResetAfter;

    internal void Validate(string at)
    {
        TradingDeskOptions.Positive($"{at}:MinBackoff", MinBackoff);
        TradingDeskOptions.Positive($"{at}:MaxBackoff", MaxBackoff);
        if (MaxBackoff < MinBackoff)
            throw new InvalidSettingException($"{at}:MaxBackoff", $"{at}:MaxBackoff ({Durations.Format(MaxBackoff)}) must be at least MinBackoff ({Durations.Format(MinBackoff)})");
        if (RandomFactor is < 0 or > 1 || double.IsNaN(RandomFactor))
            throw new InvalidSettingException($"{at}:RandomFactor", $"{at}:RandomFactor must be 0..1, not {RandomFactor}");
        if (MaxRestarts < -1) throw new InvalidSettingException($"{at}:MaxRestarts", $"{at}:MaxRestarts must be -1 (never give up) or 0 or more, not {MaxRestarts}");
        TradingDeskOptions.Positive($"{at}:ResetAfter", ResetAfter);
    }
}
