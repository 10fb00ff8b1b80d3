using Akka.Actor;
using Akka.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Desk.Pacing;
using TradingDesk.Hosting.Dashboard;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>
/// How the page renders a snapshot it cannot get from a one-process desk: a cluster of several members (one
/// unreachable, this node and the singleton's marked) and strategies on other nodes, in headless Chromium against the
/// dashboard's server fed one built snapshot. Saves docs/images/dashboard-cluster.png.
/// </summary>
public sealed class DashboardPageTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly Address DeskA = new("akka.tcp", "desk", "10.0.0.1", 4053);
    private static readonly Address DeskB = new("akka.tcp", "desk", "10.0.0.2", 4053);
    private static readonly Address Node3 = new("akka.tcp", "desk", "10.0.0.3", 4053);
    private static readonly Address Node4 = new("akka.tcp", "desk", "10.0.0.4", 4053);
    private readonly DashboardFeed _feed = new();
    private WebApplication? _app;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var controls = new DashboardControls(CreateTestProbe().Ref, CreateTestProbe().Ref, _ => null, Wait);
        (_app, _address) = await DashboardServer.StartAsync(new DashboardSettings { Listen = "127.0.0.1:0" }, _feed, new DashboardAccess([]), controls,
            NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private static StrategyTotals Strategy(string name, decimal realised, decimal unrealised, string symbol, decimal position) =>
        new(name, "Running", 6, 4, 5, 0, 0, new Dictionary<string, decimal> { [symbol] = position }, 1.25m, realised + unrealised, realised, unrealised);

    /// <summary>
    /// This node is desk B, the younger desk node: the singleton runs on desk A; node 4 is unreachable. Thirty rounds
    /// of history before it, so the charts (in the saved picture) have lines; the figures asserted are the last round's.
    /// </summary>
    private static DashboardSnapshot Snapshot()
    {
        var cluster = ClusterView.Build(DeskB,
        [
            new(DeskA, MemberStatus.Up, ["desk"], 0, true),
            new(DeskB, MemberStatus.Up, ["desk"], 1, true),
            new(Node3, MemberStatus.Up, ["strategies"], 2, true),
            new(Node4, MemberStatus.Up, ["strategies"], 3, false),
        ], "desk");
        var nodes = new Dictionary<string, string> { ["here"] = StrategyNodes.ThisNode, ["on-three"] = "10.0.0.3:4053" };
        HashSet<string> hosted = ["here"];
        var state = new DashboardState { Endpoint = "10.0.0.9:4002", MessageLimit = 45, HistoryLength = 30 }
            .Apply(new Desk.Gateway.ConnectionEvents.Connected(176, "t", ["DU1"], 1, IsReconnect: false, T0.AddMinutes(-5)));
        const int rounds = 30;
        var sent = 0L;
        for (var i = rounds; i > 0; i--)
        {
            var at = T0.AddSeconds(-i);
            var f = (decimal)(rounds - i) / rounds;
            sent += 12 + i % 5 * 5;
            state = state.Apply(new PacerStatus(0, 0, 0, TimeSpan.Zero, sent, true, at));
            (state, _) = state.Build(new DeskSnapshot("Connected", null,
                [Strategy("here", 12.5m * f, -3m + (i % 4), "IBM", 10m), Strategy("on-three", -40m * f, 15.75m * f, "MSFT", -20m), Strategy("on-four", 8m * f, 0m, "AAPL", 5m)],
                [], [], [], at), nodes, hosted, cluster, controlsNeedToken: false);
        }
        var desk = new DeskSnapshot("Connected", null,
            [Strategy("here", 12.5m, -3m, "IBM", 10m), Strategy("on-three", -40m, 15.75m, "MSFT", -20m), Strategy("on-four", 8m, 0m, "AAPL", 5m)],
            [], [], [], T0);
        state = state.Apply(new PacerStatus(1, 2, 0, TimeSpan.FromMilliseconds(30), sent + 30, true, T0, WaitP99: TimeSpan.FromMilliseconds(412)));
        return state.Build(desk, nodes, hosted, cluster, controlsNeedToken: false).Snapshot;
    }

    [Fact]
    public async Task The_cluster_panel_lists_every_member_marks_this_node_and_the_desk_and_flags_the_unreachable_one()
    {
        Assert.True(HeadlessChromium.Executable() is not null, "no chromium on this machine: install Debian's chromium package (scripts/test.sh installs it as root)");
        _feed.Publish(Snapshot());
        await using var browser = await HeadlessChromium.StartAsync(1600, 1000, Wait);
        await browser.NavigateAsync(_address, Wait);
        await browser.WaitForAsync("document.body.dataset.snapshots === '1'", Wait);

        var members = (await browser.EvaluateAsync(
            "[...document.querySelectorAll('#members tbody tr')].map(r => ({ cells: [...r.cells].map(c => c.textContent), cls: r.className }))", Wait))!.AsArray();
        Assert.Equal(4, members.Count);
        string Cell(int row, int col) => members[row]!["cells"]![col]!.GetValue<string>();
        Assert.Equal(DeskA.ToString(), Cell(0, 0));
        Assert.Equal("DESK", Cell(0, 1));
        Assert.Equal("THIS NODE", Cell(1, 1));
        Assert.Equal("", Cell(2, 1));
        Assert.Equal(("NO", "unreachable"), (Cell(3, 4), members[3]!["cls"]!.GetValue<string>()));
        Assert.Equal("yes", Cell(2, 4));
        Assert.Equal("4 members · 1 unreachable", await Text("members-count", browser));
        Assert.Equal("10.0.0.1:4053", await Text("singleton", browser));

        // The node column, and the PnL split in its own columns (realised, unrealised, total) and on the desk's tile.
        var rows = (await browser.EvaluateAsync("[...document.querySelectorAll('#strategies tbody tr')].map(r => [...r.cells].map(c => c.textContent))", Wait))!.AsArray();
        var byName = rows.ToDictionary(r => r![0]!.GetValue<string>(), r => r!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.Equal(["this node", "10.0.0.3:4053", "not bound"], new[] { "here", "on-three", "on-four" }.Select(n => byName[n][1]));
        Assert.Equal(["-40.00", "15.75", "-24.25"], byName["on-three"][11..14]);
        Assert.Equal("-19.50", await Text("desk-realised", browser));
        Assert.Equal("12.75", await Text("desk-unrealised", browser));
        Assert.Equal("-6.75", await Text("desk-pnl", browser));
        Assert.Contains("last fill price", await Text("pnl-mark", browser), StringComparison.Ordinal);

        // The pacer's wait p99 and the window it covers.
        Assert.Equal("412 ms", await Text("wait-p99", browser));
        Assert.Equal("last 60 s", await Text("wait-window", browser));

        var png = await browser.ScreenshotAsync(Wait);
        var path = Path.Combine(RepositoryRoot(), "docs", "images", "dashboard-cluster.png");
        await File.WriteAllBytesAsync(path, png);
        output.WriteLine($"screenshot: {path} ({png.Length} bytes)");
    }

    private static async Task<string> Text(string id, HeadlessChromium browser) =>
        (await browser.EvaluateAsync($"document.getElementById('{id}').textContent", Wait))!.GetValue<string>();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("no TradingDesk.sln above " + AppContext.BaseDirectory);
    }
}
