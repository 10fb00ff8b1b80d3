using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Hosting.Dashboard;
using Xunit;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>The dashboard's functional core: what it folds from the EventStream and how it builds the page's snapshot and charts.</summary>
public sealed class DashboardStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, string> NoNodes = new Dictionary<string, string>();

    private static DashboardState Empty(int history = 3) => new() { Endpoint = "127.0.0.1:4002", MessageLimit = 45, HistoryLength = history };

    private static PacerStatus Pacer(long sent, double seconds, int orders = 0) => new(orders, 0, 0, TimeSpan.FromMilliseconds(12), sent, true, T0.AddSeconds(seconds));

    private static StrategyTotals Totals(string name, decimal pnl, string state = "Running") =>
        new(name, state, 2, 1, 1, 0, 0, new Dictionary<string, decimal> { ["IBM"] = 5m }, 1m, pnl);

    private static DeskSnapshot Desk(double seconds, params StrategyTotals[] strategies) => new("Connected", null, strategies,
        [new WorkingOrder(new OrderId(7), "a", "IBM", "BUY", 5m, "LMT", 1m, "Submitted"), new WorkingOrder(new OrderId(8), "a", "MSFT", "BUY", 1m, "LMT", 1m, "Submitted")],
        [], [], T0.AddSeconds(seconds));

    [Fact]
    public void Connection_changes_give_the_state_server_version_accounts_and_count_the_reconnects()
    {
        var s = Empty()
            .Apply(new ConnectionEvents.Connected(176, "t", ["DU1", "DU2"], 1, IsReconnect: false, T0))
            .Apply(new ConnectionEvents.Disconnected("socket closed", T0.AddSeconds(5)))
            .Apply(new ConnectionEvents.Reconnecting(2, TimeSpan.FromSeconds(4), "refused", T0.AddSeconds(6)));
        Assert.Equal(("Reconnecting", "attempt 2 in 4s: refused", 0), (s.ConnectionState, s.ConnectionDetail, s.Reconnects));
        s = s.Apply(new ConnectionEvents.Connected(178, "t", ["DU1"], 9, IsReconnect: true, T0.AddSeconds(10)));
        Assert.Equal(("Connected", 178, 1, "DU1"), (s.ConnectionState, s.ServerVersion, s.Reconnects, Assert.Single(s.Accounts)));
    }

    [Fact]
    public void Messages_per_second_come_from_two_pacer_reports_and_a_restarted_pacer_does_not_give_a_negative_rate()
    {
        var s = Empty().Apply(Pacer(100, 0));
        Assert.Equal(0, s.MessagesPerSecond);
        s = s.Apply(Pacer(190, 2));
        Assert.Equal(45, s.MessagesPerSecond);
        // A new pacer counts from zero again: the last rate stands until the next pair of reports.
        s = s.Apply(Pacer(3, 3));
        Assert.Equal(45, s.MessagesPerSecond);
        Assert.Null(DashboardState.Rate(Pacer(5, 1), Pacer(9, 1)));
    }

    [Fact]
    public void Notices_are_newest_first_and_kept_to_a_bounded_list()
    {
        var s = Empty();
        for (var i = 0; i < DashboardState.NoticesKept + 5; i++)
            s = s.Apply(new GatewayNotice(2100 + i, $"notice {i}", NoticeKind.ConnectivityLost, null, T0.AddSeconds(i)));
        Assert.Equal(DashboardState.NoticesKept, s.Notices.Count);
        Assert.Equal(2100 + DashboardState.NoticesKept + 4, s.Notices[0].Code);
    }

    [Fact]
    public void The_kill_switch_is_shown_on_with_its_reason_until_released()
    {
        var on = Empty().Apply(new OrderEvents.KillSwitchActivated("too fast", [new OrderId(1)], T0));
        Assert.Equal(new KillSwitchPanel(true, "too fast", T0), on.KillSwitch);
        Assert.False(on.Apply(new OrderEvents.KillSwitchReleased(T0.AddSeconds(1))).KillSwitch.Active);
    }

    [Fact]
    public void A_snapshot_counts_working_orders_per_strategy_sums_the_desk_pnl_and_says_which_strategies_can_stop_or_start()
    {
        var (_, page) = Empty().Apply(Pacer(10, 0)).Build(Desk(0, Totals("a", 12.5m), Totals("b", -20m, "Stopped"), Totals("remote", 1m, "Stopped")),
            NoNodes, new HashSet<string> { "a", "b" }, new ClusterPanel(false, null, null, []), controlsNeedToken: true);
        Assert.Equal(-6.5m, page.DeskPnl);
        var a = page.Strategies.Single(s => s.Name == "a");
        Assert.Equal((2, "IBM +5", true, false), (a.Working, a.Position, a.CanStop, a.CanStart));
        var b = page.Strategies.Single(s => s.Name == "b");
        Assert.Equal((0, false, true), (b.Working, b.CanStop, b.CanStart));
        // Not hosted here: nothing to start it with.
        Assert.False(page.Strategies.Single(s => s.Name == "remote").CanStart);
        Assert.Equal((45, 50, 10L, 12.0), (page.Pacer.Limit, page.Pacer.IbLimit, page.Pacer.SentTotal, page.Pacer.OldestWaitMs));
        Assert.Null(page.Pacer.MarketDataLines);
        Assert.True(page.ControlsNeedToken);
    }

    [Fact]
    public void The_lines_the_router_reports_are_shown_against_IBs_default_allowance()
    {
        var (_, page) = Empty().Apply(Pacer(10, 0)).Build(Desk(0, Totals("a", 1m)), NoNodes, new HashSet<string>(), new ClusterPanel(false, null, null, []), false,
            marketDataLines: 7);
        Assert.Equal((7, 100), (page.Pacer.MarketDataLines, page.Pacer.MarketDataLineLimit));
    }

    [Fact]
    public void The_charts_keep_the_last_points_and_a_strategy_seen_late_starts_with_gaps()
    {
        var s = Empty(history: 3);
        var cluster = new ClusterPanel(false, null, null, []);
        HashSet<string> none = [];
        (s, _) = s.Build(Desk(0, Totals("a", 1m)), NoNodes, none, cluster, false);
        (s, _) = s.Build(Desk(1, Totals("a", 2m)), NoNodes, none, cluster, false);
        (s, _) = s.Build(Desk(2, Totals("a", 3m), Totals("b", 10m)), NoNodes, none, cluster, false);
        var (_, page) = s.Build(Desk(3, Totals("a", 4m), Totals("b", 11m)), NoNodes, none, cluster, false);
        var h = page.History;
        Assert.Equal([T0.AddSeconds(1).ToUnixTimeMilliseconds(), T0.AddSeconds(2).ToUnixTimeMilliseconds(), T0.AddSeconds(3).ToUnixTimeMilliseconds()], h.Times);
        Assert.Equal([2m, 13m, 15m], h.DeskPnl);
        Assert.Equal([2m, 3m, 4m], h.StrategyPnl["a"]);
        Assert.Equal([null, 10m, 11m], h.StrategyPnl["b"]);
        Assert.Equal(3, h.MessagesPerSecond.Count);
        Assert.Equal((50, 45), (h.Limit, h.PacerLimit));
    }

    [Fact]
    public void Realised_and_unrealised_pnl_are_shown_apart_per_strategy_and_summed_for_the_desk()
    {
        var a = Totals("a", 30m) with { Realised = 50m, Unrealised = -20m };
        var b = Totals("b", -5m) with { Realised = -7.25m, Unrealised = 2.25m };
        var (_, page) = Empty().Build(Desk(0, a, b), NoNodes, new HashSet<string>(), new ClusterPanel(false, null, null, []), false);
        var row = page.Strategies.Single(s => s.Name == "a");
        Assert.Equal((50m, -20m, 30m), (row.Realised, row.Unrealised, row.Pnl));
        Assert.Equal((42.75m, -17.75m, 25m), (page.DeskRealised, page.DeskUnrealised, page.DeskPnl));
    }

    [Fact]
    public void The_pacer_panel_shows_the_pacers_wait_p99_and_the_window_it_covers()
    {
        var cluster = new ClusterPanel(false, null, null, []);
        var (_, before) = Empty().Build(Desk(0), NoNodes, new HashSet<string>(), cluster, false);
        Assert.Null(before.Pacer.WaitP99Ms);
        var (_, page) = Empty().Apply(Pacer(10, 0) with { WaitP99 = TimeSpan.FromMilliseconds(137.5) }).Build(Desk(0), NoNodes, new HashSet<string>(), cluster, false);
        Assert.Equal((137.5, 60), (page.Pacer.WaitP99Ms, page.Pacer.WaitWindowSeconds));
        // A report with nothing sent in its window has no p99: the panel says none rather than keeping an old one.
        var (_, quiet) = Empty().Apply(Pacer(10, 0) with { WaitP99 = TimeSpan.FromMilliseconds(9) }).Apply(Pacer(10, 70)).Build(Desk(70), NoNodes, new HashSet<string>(), cluster, false);
        Assert.Null(quiet.Pacer.WaitP99Ms);
    }
}
