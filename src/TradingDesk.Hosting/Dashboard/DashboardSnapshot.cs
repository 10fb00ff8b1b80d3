namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// What the page shows, sent to it as JSON on <c>/events</c> (camelCase names, decimals as numbers). Immutable; built
/// by <see cref="DashboardState.Build"/>. Fields the desk does not know yet are null, and the page says so.
/// </summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    GatewayPanel Gateway,
    PacerPanel Pacer,
    KillSwitchPanel KillSwitch,
    decimal DeskPnl,
    decimal DeskRealised,
    decimal DeskUnrealised,
    IReadOnlyList<StrategyRow> Strategies,
    IReadOnlyList<WorkingOrder> WorkingOrders,
    IReadOnlyList<FillLine> Fills,
    IReadOnlyList<OrderProblem> Problems,
    IReadOnlyList<NoticeLine> Notices,
    ClusterPanel Cluster,
    ChartHistory History,
    bool ControlsNeedToken);

/// <summary>The gateway connection: its state in words, the endpoint, and what the last handshake said.</summary>
public sealed record GatewayPanel(string State, string Detail, string Endpoint, int? ServerVersion, IReadOnlyList<string> Accounts, int Reconnects, DateTimeOffset? Since, NoticeLine? LastNotice);

/// <summary>
/// The pacer: messages per second over the last report interval, the rate it is configured to keep to
/// (<see cref="Limit"/>, TradingDesk:Pacing:MessagesPerSecond, below IB's) and IB's own limit
/// (<see cref="IbLimit"/>, 50/s, past which the gateway disconnects), and its queue. <see cref="MarketDataLines"/>: the
/// market-data lines the desk holds open (shared lines once), null when this process has no desk's router;
/// <see cref="MarketDataLineLimit"/>: IB's default allowance of 100 lines (accounts with quote boosters have more).
/// <see cref="WaitP99Ms"/>: the 99th percentile of how long the messages sent in the last <see cref="WaitWindowSeconds"/>
/// waited in the pacer's queues (the pacer's own figure, see <see cref="Desk.Pacing.PacerStatus.WaitP99"/>); null before
/// a report that has one, or when nothing was sent in that window.
/// </summary>
public sealed record PacerPanel(double MessagesPerSecond, int Limit, int IbLimit, int Queued, int QueuedOrders, int QueuedData, int QueuedHistorical,
    double OldestWaitMs, long SentTotal, int? MarketDataLines, int? MarketDataLineLimit, double? WaitP99Ms, int WaitWindowSeconds);

public sealed record KillSwitchPanel(bool Active, string? Reason, DateTimeOffset? Since);

/// <summary>
/// One strategy: where it runs (<see cref="Node"/>: "this node", the host:port of the node its holder registered
/// from, or "not bound" when no actor of it is registered with the desk now), its state, and its orders, fills,
/// position and PnL: <see cref="Realised"/> (closed quantity's cash, less commissions) plus <see cref="Unrealised"/>
/// (open positions marked at the symbol's last fill price the desk saw, less their average cost) make <see cref="Pnl"/>.
/// </summary>
public sealed record StrategyRow(string Name, string Node, string State, int Working, int Orders, int FilledOrders, int Fills, int Lost, int Rejected,
    string Position, decimal Commissions, decimal Pnl, bool CanStart, bool CanStop, decimal Realised, decimal Unrealised);

/// <summary>A gateway notice or error (error code, its kind, the text), in gateway time when it gave one.</summary>
public sealed record NoticeLine(int Code, string Kind, string Message, DateTimeOffset At);

/// <summary>The cluster: this node, where the desk singleton runs (the oldest up member with the desk role), and every member.</summary>
public sealed record ClusterPanel(bool Enabled, string? Self, string? DeskAt, IReadOnlyList<MemberRow> Members);

/// <summary>A cluster member as this node's gossip sees it; <see cref="IsSelf"/> is this node, <see cref="HostsDesk"/> the singleton's.</summary>
public sealed record MemberRow(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool IsSelf = false, bool HostsDesk = false);

/// <summary>
/// The charts' series, oldest first, one point per snapshot: times (Unix milliseconds), the desk's PnL, each
/// strategy's PnL (null before it was first seen) and the messages per second, drawn against IB's <see cref="Limit"/>
/// and the pacer's <see cref="PacerLimit"/>.
/// </summary>
public sealed record ChartHistory(IReadOnlyList<long> Times, IReadOnlyList<decimal> DeskPnl, IReadOnlyDictionary<string, IReadOnlyList<decimal?>> StrategyPnl,
    IReadOnlyList<double> MessagesPerSecond, int Limit, int PacerLimit);
