using System.Collections.Immutable;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// The dashboard's functional core: what it has heard from the EventStream (connection changes, gateway notices, pacer
/// reports, the kill switch) folded by <see cref="Apply"/>, and the charts' history, extended by <see cref="Build"/>
/// from each <see cref="DeskSnapshot"/> the monitor answers. Immutable; the <see cref="DashboardActor"/> only holds it.
/// </summary>
public sealed record DashboardState
{
    /// <summary>How many notices the page lists.</summary>
    public const int NoticesKept = 20;

    /// <summary>IB's limit on messages a client sends per second (the gateway disconnects a client past it).</summary>
    public const int IbMessageLimit = 50;

    public required string Endpoint { get; init; }
    public required int MessageLimit { get; init; }
    public required int HistoryLength { get; init; }
    public string ConnectionState { get; init; } = "Connecting";
    public string ConnectionDetail { get; init; } = "";
    public DateTimeOffset? ConnectionSince { get; init; }
    public int? ServerVersion { get; init; }
    public ImmutableArray<string> Accounts { get; init; } = [];
    public int Reconnects { get; init; }
    public ImmutableList<NoticeLine> Notices { get; init; } = [];
    public PacerStatus? Pacer { get; init; }
    public double MessagesPerSecond { get; init; }
    public KillSwitchPanel KillSwitch { get; init; } = new(false, null, null);
    public ImmutableList<long> Times { get; init; } = [];
    public ImmutableList<decimal> DeskPnl { get; init; } = [];
    public ImmutableList<double> Rates { get; init; } = [];
    public ImmutableDictionary<string, ImmutableList<decimal?>> StrategyPnl { get; init; } = ImmutableDictionary<string, ImmutableList<decimal?>>.Empty;

    /// <summary>Folds one event of the EventStream in; anything else leaves the state as it is.</summary>
    public DashboardState Apply(object e) => e switch
    {
        ConnectionEvents.Connected c => this with
        {
            ConnectionState = "Connected", ConnectionDetail = "", ConnectionSince = c.At, ServerVersion = c.ServerVersion,
            Accounts = [.. c.Accounts], Reconnects = Reconnects + (c.IsReconnect ? 1 : 0),
        },
        ConnectionEvents.Reconnecting r => this with
        {
            ConnectionState = "Reconnecting", ConnectionDetail = $"attempt {r.Attempt} in {Durations.Format(r.Delay)}: {r.LastError}", ConnectionSince = r.At,
        },
        ConnectionEvents.Disconnected d => this with { ConnectionState = "Disconnected", ConnectionDetail = d.Reason, ConnectionSince = d.At },
        ConnectionEvents.Connecting c => this with { ConnectionState = "Connecting", ConnectionDetail = $"{c.Host}:{c.Port}, attempt {c.Attempt}", ConnectionSince = c.At },
        GatewayNotice n => this with { Notices = Newest(Notices.Insert(0, new NoticeLine(n.Code, n.Kind.ToString(), n.Message, n.GatewayTime ?? n.LocalTime))) },
        PacerStatus p => this with { Pacer = p, MessagesPerSecond = Rate(Pacer, p) ?? MessagesPerSecond },
        OrderEvents.KillSwitchActivated k => this with { KillSwitch = new KillSwitchPanel(true, k.Reason, k.At) },
        OrderEvents.KillSwitchReleased r => this with { KillSwitch = new KillSwitchPanel(false, null, r.At) },
        _ => this,
    };

    private static ImmutableList<NoticeLine> Newest(ImmutableList<NoticeLine> notices) =>
        notices.Count > NoticesKept ? notices.RemoveRange(NoticesKept, notices.Count - NoticesKept) : notices;

    /// <summary>IB's default allowance of simultaneous market-data lines per account.</summary>
    public const int IbMarketDataLines = 100;

    /// <summary>
    /// Messages per second between two pacer reports: what was sent in between over the time between them. Null when
    /// there is no earlier report, the clock did not move, or the count went back (a new pacer after a restart).
    /// </summary>
    public static double? Rate(PacerStatus? before, PacerStatus now)
    {
        if (before is null) return null;
        var seconds = (now.At - before.At).TotalSeconds;
        var sent = now.SentTotal - before.SentTotal;
        return seconds <= 0 || sent < 0 ? null : Math.Round(sent / seconds, 1);
    }

    /// <summary>
    /// The page's snapshot from the monitor's <paramref name="desk"/> snapshot, and this state with the charts extended
    /// by one point. <paramref name="nodes"/>: where the desk's bindings say each strategy runs (<see cref="StrategyNodes"/>);
    /// <paramref name="startable"/>: the strategies this host runs and can start again.
    /// </summary>
    public (DashboardState State, DashboardSnapshot Snapshot) Build(DeskSnapshot desk, IReadOnlyDictionary<string, string> nodes, IReadOnlySet<string> startable,
        ClusterPanel cluster, bool controlsNeedToken, int? marketDataLines = null)
    {
        var working = desk.WorkingOrders.GroupBy(w => w.Strategy).ToDictionary(g => g.Key, g => g.Count());
        var rows = desk.Strategies.Select(s => new StrategyRow(s.Strategy, StrategyNodes.For(s.Strategy, nodes, startable), s.State, working.GetValueOrDefault(s.Strategy),
            s.Orders, s.FilledOrders, s.Executions, s.Lost, s.Rejected, Position(s), s.Commissions, s.Pnl,
            CanStart: startable.Contains(s.Strategy) && s.State == "Stopped", CanStop: s.State is "Running" or "Starting" or "Restarting", s.Realised, s.Unrealised)).ToList();
        var deskPnl = desk.Strategies.Sum(s => s.Pnl);
        var next = Extend(desk.At, deskPnl, desk.Strategies.ToDictionary(s => s.Strategy, s => s.Pnl));
        var p = Pacer;
        var snapshot = new DashboardSnapshot(desk.At,
            new GatewayPanel(ConnectionState, ConnectionDetail, Endpoint, ServerVersion, Accounts, Reconnects, ConnectionSince, Notices.FirstOrDefault()),
            new PacerPanel(MessagesPerSecond, MessageLimit, IbMessageLimit, p?.Queued ?? 0, p?.QueuedOrders ?? 0, p?.QueuedData ?? 0, p?.QueuedHistorical ?? 0,
                p?.OldestWait.TotalMilliseconds ?? 0, p?.SentTotal ?? 0, MarketDataLines: marketDataLines, MarketDataLineLimit: marketDataLines is null ? null : IbMarketDataLines,
                WaitP99Ms: p?.WaitP99?.TotalMilliseconds, WaitWindowSeconds: (int)WaitWindow.Length.TotalSeconds),
            KillSwitch, deskPnl, desk.Strategies.Sum(s => s.Realised), desk.Strategies.Sum(s => s.Unrealised), rows, desk.WorkingOrders, desk.RecentFills, desk.RecentProblems, Notices, cluster,
            new ChartHistory(next.Times, next.DeskPnl, next.StrategyPnl.ToImmutableSortedDictionary(kv => kv.Key, kv => (IReadOnlyList<decimal?>)kv.Value, StringComparer.Ordinal),
                next.Rates, IbMessageLimit, MessageLimit),
            controlsNeedToken);
        return (next, snapshot);
    }

    /// <summary>One more point on every series, the oldest dropped past <see cref="HistoryLength"/>; a strategy first seen now starts with nulls.</summary>
    private DashboardState Extend(DateTimeOffset at, decimal deskPnl, IReadOnlyDictionary<string, decimal> pnl)
    {
        var drop = Times.Count + 1 > HistoryLength ? Times.Count + 1 - HistoryLength : 0;
        static ImmutableList<T> Trim<T>(ImmutableList<T> list, int drop) => drop == 0 ? list : list.RemoveRange(0, Math.Min(drop, list.Count));
        var names = StrategyPnl.Keys.Concat(pnl.Keys).Distinct();
        var series = names.ToImmutableDictionary(n => n, n =>
        {
            var before = StrategyPnl.TryGetValue(n, out var s) ? s : [.. Enumerable.Repeat<decimal?>(null, Times.Count)];
            return Trim(before.Add(pnl.TryGetValue(n, out var v) ? v : null), drop);
        });
        return this with
        {
            Times = Trim(Times.Add(at.ToUnixTimeMilliseconds()), drop),
            DeskPnl = Trim(DeskPnl.Add(deskPnl), drop),
            Rates = Trim(Rates.Add(MessagesPerSecond), drop),
            StrategyPnl = series,
        };
    }

    private static string Position(StrategyTotals s) =>
        s.Positions.Count == 0 ? "flat" : string.Join(" ", s.Positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)}"));
}
