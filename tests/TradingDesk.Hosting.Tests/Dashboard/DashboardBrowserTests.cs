using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using TradingDesk.Hosting.Dashboard;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's headless Chromium over CDP) against a desk on the simulator: the page
/// goes live, a fill appears in it after an order, the charts have data, and the kill switch pressed in the page
/// cancels the working orders at the simulator. Saves docs/images/dashboard.png from the run.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-dashboard-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Told to the scalper through the strategy host: buy (a positive quantity) or sell at market now.</summary>
    private sealed record Go(int Quantity);

    /// <summary>Buys or sells IBM at market each time it is told <see cref="Go"/>.</summary>
    private sealed class Scalper : StrategyActor
    {
        public Scalper(IActorRef desk, StrategyId id, StrategyOptions options) : base(desk, id, options)
        {
            Receive<Go>(g => TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("IBM"),
                Order.Market(g.Quantity > 0 ? OrderAction.Buy : OrderAction.Sell, Math.Abs(g.Quantity)), StrategyId)));
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }
    }

    /// <summary>Rests two bids far below the market (they stay working until cancelled); completes the task once both work.</summary>
    private sealed class Rester : StrategyActor
    {
        private readonly HashSet<OrderId> _working = [];

        public Rester(IActorRef desk, StrategyId id, StrategyOptions options, TaskCompletionSource working) : base(desk, id, options)
        {
            Receive<OrderEvents.OpenOrderUpdated>(o =>
            {
                if (o.Order.Status.IsActive() && _working.Add(o.OrderId) && _working.Count == 2) working.TrySetResult();
            });
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }

        protected override void OnStart()
        {
            Subscribe(new OrderCommands.SubscribeOrderUpdates());
            TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("MSFT"), Order.Limit(OrderAction.Buy, 10, 1m), StrategyId));
            TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 20, 1m), StrategyId));
        }
    }

    [Fact]
    public async Task The_page_shows_a_fill_after_an_order_draws_its_charts_and_its_kill_switch_cancels_the_orders_at_the_simulator()
    {
        Assert.True(HeadlessChromium.Executable() is not null, "no chromium on this machine: install Debian's chromium package (scripts/test.sh installs it as root)");
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Start = MarketOpen(), Seed = 7 });
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk
            .WithOptions(o => o with { Store = $"sqlite:{Path.Combine(_dir, "desk.db")}", Dashboard = o.Dashboard with { Listen = "127.0.0.1:0" } })
            .WithGateway("127.0.0.1", sim.Port, clientId: 5)
            .WithStrategy("scalper", ctx => Props.Create(() => new Scalper(ctx.Desk, ctx.Id, ctx.Options)))
            .WithStrategy("rester", ctx => Props.Create(() => new Rester(ctx.Desk, ctx.Id, ctx.Options, working))));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var dashboard = host.Services.GetRequiredService<DashboardService>();
            Assert.NotNull(dashboard.Address);
            Assert.Equal("127.0.0.1", dashboard.Address!.Host);
            await working.Task.WaitAsync(Wait);
            Assert.Equal(2, (await sim.InvokeAsync(m => m.OpenOrders())).Count);

            await using var browser = await HeadlessChromium.StartAsync(1600, 1000, Wait);
            await browser.NavigateAsync(dashboard.Address, Wait);
            // Live: the stream's first snapshot fills the page; the resting bids are listed as working.
            await browser.WaitForAsync("document.getElementById('gw-state').textContent.startsWith('Connected')", Wait);
            await browser.WaitForAsync("[...document.querySelectorAll('#working tbody tr')].filter(r => r.textContent.includes('rester')).length === 2", Wait);

            // An order after the page opened: its fill appears without a reload.
            var strategies = host.Services.GetRequiredService<ActorRegistry>().Get<StrategyHost>();
            strategies.Tell(new StrategyHostMessages.SendToStrategy("scalper", new Go(25)));
            var fill = await browser.WaitForAsync(
                "[...document.querySelectorAll('#fills tbody tr')].map(r => r.textContent).find(t => t.includes('scalper') && t.includes('IBM') && t.includes('BOT'))", Wait);
            output.WriteLine($"fill row: {fill}");
            Assert.Contains("25", fill!.GetValue<string>(), StringComparison.Ordinal);
            await browser.WaitForAsync("[...document.querySelectorAll('#strategies tbody tr')].some(r => r.textContent.includes('scalper') && r.textContent.includes('IBM +25'))", Wait);
            // A second order, so the PnL lines move on the chart.
            strategies.Tell(new StrategyHostMessages.SendToStrategy("scalper", new Go(15)));
            await browser.WaitForAsync("[...document.querySelectorAll('#strategies tbody tr')].some(r => r.textContent.includes('IBM +40'))", Wait);
            // A sale closes part of it: the row then has realised PnL of its own beside the unrealised, and the two make the total.
            strategies.Tell(new StrategyHostMessages.SendToStrategy("scalper", new Go(-10)));
            var scalper = (await browser.WaitForAsync("""
                (() => {
                  const row = [...document.querySelectorAll('#strategies tbody tr')].find(r => r.cells[0].textContent === 'scalper' && r.textContent.includes('IBM +30'));
                  return row ? [...row.cells].map(c => c.textContent) : false;
                })()
                """, Wait))!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
            output.WriteLine($"scalper row: {string.Join(" | ", scalper)}");
            static decimal Money(string text) => decimal.Parse(text.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("this node", scalper[1]);
            // Each figure is shown to the cent, rounded apart (an average cost of 40 shares has fractions of a cent).
            Assert.InRange(Math.Abs(Money(scalper[13]) - (Money(scalper[11]) + Money(scalper[12]))), 0m, 0.01m);
            // The pacer sent this run's orders within the last minute: it reports a p99 of their queue waits.
            await browser.WaitForAsync("/^[0-9.]+ ms$/.test(document.getElementById('wait-p99').textContent)", Wait);
            Assert.Equal("last 60 s", (await browser.EvaluateAsync("document.getElementById('wait-window').textContent", Wait))!.GetValue<string>());

            // The charts have data: a desk PnL line and one per strategy with several points, the messages/s line and IB's 50/s line.
            var points = await browser.WaitForAsync("""
                (() => {
                  const n = s => Number(document.querySelector(`#pnl-chart path.series[data-series="${s}"]`)?.dataset.points ?? 0);
                  const rate = Number(document.querySelector('#rate-chart path.series')?.dataset.points ?? 0);
                  const limit = document.querySelector('#rate-chart line.limit');
                  return n('desk') >= 3 && n('scalper') >= 3 && n('rester') >= 3 && rate >= 3 && limit ? { desk: n('desk'), rate } : false;
                })()
                """, Wait);
            output.WriteLine($"chart points: {points!.ToJsonString()}");
            var sent = await browser.EvaluateAsync("Number(document.getElementById('sent').textContent.replace(/,/g, ''))", Wait);
            Assert.True(sent!.GetValue<double>() > 0, "the pacer tile shows messages sent");

            // The screenshot, from this run: after the fills, with the resting orders working.
            var png = await browser.ScreenshotAsync(Wait);
            var path = Path.Combine(RepositoryRoot(), "docs", "images", "dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, png);
            output.WriteLine($"screenshot: {path} ({png.Length} bytes)");

            // The kill switch takes a confirmation; until it is given nothing is sent.
            await browser.EvaluateAsync("document.getElementById('kill-button').click()", Wait);
            Assert.False((await browser.EvaluateAsync("document.getElementById('kill-confirm').hidden", Wait))!.GetValue<bool>());
            Assert.Equal(2, (await sim.InvokeAsync(m => m.OpenOrders())).Count);
            await browser.EvaluateAsync("document.getElementById('kill-yes').click()", Wait);
            await browser.WaitForAsync("document.getElementById('kill-state').textContent === 'ON'", Wait);
            await browser.WaitForAsync("document.querySelector('#working tbody td.empty') !== null", Wait);
            var said = await browser.WaitForAsync("!document.getElementById('message').hidden && document.getElementById('message').textContent", Wait);
            output.WriteLine($"page said: {said}");
            Assert.StartsWith("kill switch on", said!.GetValue<string>(), StringComparison.Ordinal);
            // Cancelled at the simulator, not just in the page.
            Assert.Empty(await sim.InvokeAsync(m => m.OpenOrders()));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("no TradingDesk.sln above " + AppContext.BaseDirectory);
    }

    private static DateTimeOffset MarketOpen()
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero);
    }
}
