using System.Globalization;
using Spectre.Console;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>Shows the running desk until the token fires; returns the last snapshot (taken before the desk stops).</summary>
public interface IRunView
{
    Task<DeskSnapshot> RunAsync(TradingDeskService service, DateTimeOffset started, TimeSpan interval, CancellationToken stop);
}

/// <summary>One line per interval: connection, pacer queue, and per strategy state, orders, fills, position, PnL.</summary>
public sealed class PlainRunView(TextWriter stdout) : IRunView
{
    public async Task<DeskSnapshot> RunAsync(TradingDeskService service, DateTimeOffset started, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            stdout.WriteLine(Line(await service.GetSnapshotAsync(), DateTimeOffset.UtcNow - started));
        }
        return await service.GetSnapshotAsync();
    }

    public static string Line(DeskSnapshot s, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed.TotalSeconds,4:0}s] {s.Connection} | queued {s.Pacer?.Queued ?? 0} | working {s.WorkingOrders.Count} | ") +
        string.Join(" | ", s.Strategies.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Strategy} {t.State} orders {t.Orders} fills {t.Fills} {RunCommand.Positions(t)} pnl {t.Pnl:0.00}")));
}

/// <summary>The Spectre.Console live view: connection, pacer, strategies, working orders and recent fills.</summary>
public sealed class LiveRunView : IRunView
{
    public async Task<DeskSnapshot> RunAsync(TradingDeskService service, DateTimeOffset started, TimeSpan interval, CancellationToken stop)
    {
        var last = await service.GetSnapshotAsync();
        await AnsiConsole.Live(Render(last, TimeSpan.Zero)).AutoClear(false).StartAsync(async ctx =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                last = await service.GetSnapshotAsync();
                ctx.UpdateTarget(Render(last, DateTimeOffset.UtcNow - started));
                ctx.Refresh();
            }
        });
        return await service.GetSnapshotAsync();
    }

    private static Rows Render(DeskSnapshot s, TimeSpan elapsed)
    {
        var pacer = s.Pacer is { } p
            ? $"queued {p.Queued} (orders {p.QueuedOrders}, data {p.QueuedData}, historical {p.QueuedHistorical}), oldest wait {p.OldestWait.TotalMilliseconds:0} ms, sent {p.SentTotal}"
            : "no status yet";
        var header = new Markup($"[bold]TradingDesk[/] {elapsed.TotalSeconds:0}s  connection: [green]{Markup.Escape(s.Connection)}[/]  pacer: {Markup.Escape(pacer)}");
        var strategies = new Table().Title("strategies").AddColumns("strategy", "state", "orders", "fills", "position", "pnl");
        foreach (var t in s.Strategies)
            strategies.AddRow(Markup.Escape(t.Strategy), t.State, $"{t.Orders}", $"{t.Fills}", Markup.Escape(RunCommand.Positions(t)),
                t.Pnl.ToString("0.00", CultureInfo.InvariantCulture));
        var working = new Table().Title("working orders").AddColumns("id", "strategy", "symbol", "action", "qty", "type", "limit", "status");
        foreach (var w in s.WorkingOrders)
            working.AddRow($"{w.OrderId}", Markup.Escape(w.Strategy), w.Symbol, w.Action, $"{w.Quantity:0.##}", w.Type, w.LimitPrice?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", w.Status);
        var fills = new Table().Title("recent fills").AddColumns("time", "strategy", "symbol", "side", "qty", "price");
        foreach (var f in s.RecentFills)
            fills.AddRow(f.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(f.Strategy), f.Symbol, f.Side, $"{f.Quantity:0.##}",
                f.Price.ToString("0.00", CultureInfo.InvariantCulture));
        return new Rows(header, strategies, working, fills);
    }
}
