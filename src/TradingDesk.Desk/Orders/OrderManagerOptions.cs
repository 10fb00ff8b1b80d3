using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Risk;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// Options of the order manager (<see cref="OrderManagerActor"/>). Every property has a working default, so
/// <c>new OrderManagerOptions()</c> is a desk without risk limits for client id 1.
/// </summary>
public sealed record OrderManagerOptions
{
    /// <summary>
    /// The API client id of the desk's connection (default 1, as DeskOptions.ClientId). It must equal the connection's:
    /// order ids are per client id, so messages carrying another client id are treated as other clients' orders
    /// (subscribers see them, no strategy does).
    /// </summary>
    public int ClientId { get; init; } = 1;

    /// <summary>Limits for strategies without an entry in <see cref="StrategyRiskLimits"/> (default: none).</summary>
    public RiskLimits DefaultRiskLimits { get; init; } = RiskLimits.Unlimited;

    /// <summary>Per-strategy limits (default: none).</summary>
    public IReadOnlyDictionary<StrategyId, RiskLimits> StrategyRiskLimits { get; init; } = new Dictionary<StrategyId, RiskLimits>();

    /// <summary>How long an open/completed orders or executions query waits for its End message (default 30 s).</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First request id of reqExecutions (default 1,900,000,000: above the router's range start, far from its ids).</summary>
    public int FirstExecutionRequestId { get; init; } = 1_900_000_000;

    /// <summary>After a reconnect send reqAllOpenOrders and reqExecutions so missed statuses and fills arrive (default true).</summary>
    public bool ReconcileOnReconnect { get; init; } = true;

    /// <summary>
    /// On the first connect of this order manager send reqAllOpenOrders and reqExecutions for this client id (default
    /// true): a desk that starts without memory (a standby that took over, a restarted process or order manager) learns
    /// the open orders and the session's fills, their owners from orderRef and the ids already used, before strategies
    /// register and ask for them.
    /// </summary>
    public bool RecoverOnStart { get; init; } = true;

    /// <summary>
    /// Save a snapshot of the order book every this many journaled events (default 1,000; 0: never), so recovery reads
    /// the last snapshot and the events after it instead of the whole journal.
    /// </summary>
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>
    /// Delete journaled events and older snapshots behind each saved snapshot (default false: the journal keeps every
    /// event, which <c>desk journal</c> shows as each order's history; with true it shows the state the snapshot holds
    /// and the events after it).
    /// </summary>
    public bool DeleteEventsBehindSnapshots { get; init; }

    /// <summary>
    /// How orders whose <see cref="OrderSpec.PriceRounding"/> is null put their limit and stop prices on the contract's
    /// market rule before sending (default <see cref="PriceRounding.Off"/>: sent as given, the gateway judges them).
    /// Any other value makes the desk look the rule up (contract details, then reqMarketRule, cached per session) and
    /// round, or refuse with the valid neighbours for <see cref="PriceRounding.Reject"/>, before the order is journaled.
    /// </summary>
    public PriceRounding DefaultPriceRounding { get; init; } = PriceRounding.Off;

    /// <summary>The Akka.Persistence journal plugin (default null: the actor system's default journal).</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>The Akka.Persistence snapshot-store plugin (default null: the actor system's default snapshot store).</summary>
    public string? SnapshotPluginId { get; init; }

    /// <summary>Says what to change when the options cannot work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ClientId < 0) problems.Add($"ClientId must not be negative, not {ClientId}");
        if (SnapshotEvery < 0) problems.Add($"SnapshotEvery must be 0 (never) or positive, not {SnapshotEvery}");
        if (QueryTimeout <= TimeSpan.Zero) problems.Add($"QueryTimeout must be positive, not {QueryTimeout}");
        if (FirstExecutionRequestId < OrderIdLimit) problems.Add($"FirstExecutionRequestId must be at least {OrderIdLimit} (order ids live below it), not {FirstExecutionRequestId}");
        if (!Enum.IsDefined(DefaultPriceRounding)) problems.Add($"DefaultPriceRounding must be one of Reject, Nearest, Down, Up, Off, not {(int)DefaultPriceRounding}");
        problems.AddRange(DefaultRiskLimits.Problems().Select(p => $"DefaultRiskLimits: {p}"));
        foreach (var (id, limits) in StrategyRiskLimits)
            problems.AddRange(limits.Problems().Select(p => $"StrategyRiskLimits[{id}]: {p}"));
        return problems;
    }

    /// <summary>Throws with every problem when the options cannot work.</summary>
    public OrderManagerOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new ArgumentException("Invalid OrderManagerOptions: " + string.Join("; ", problems));
    }

    /// <summary>The limits that apply to a strategy.</summary>
    public RiskLimits LimitsFor(StrategyId strategy) =>
        StrategyRiskLimits.TryGetValue(strategy, out var limits) ? limits : DefaultRiskLimits;

    /// <summary>Order ids stay below this: ids at and above it are request ids (the contract with the router).</summary>
    public const int OrderIdLimit = 1_000_000_000;
}
