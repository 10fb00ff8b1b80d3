using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
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
            $"{t.Strategy} {t.State} orders {t.Orders} filled {t.FilledOrders} execs {t.Executions}{Problems(t)} {RunCommand.Positions(t)} pnl {t.Pnl:0.00}")));

    internal static string Problems(StrategyTotals t) =>
        (t.Lost > 0 ? $" lost {t.Lost}" : "") + (t.Rejected > 0 ? $" rejected {t.Rejected}" : "");
}

/// <summary>The Spectre.Console live view: connection, pacer, strategies, working orders, lost/rejected orders and recent fills.</summary>
public sealed class LiveRunView : IRunView
{
    public async Task<DeskSnapshot> RunAsync(TradingDeskService service, DateTimeOffset started, TimeSpan interval, CancellationToken stop)
    {
        var last = await service.GetSnapshotAsync();
        IRenderable Now(TimeSpan elapsed) => Render(last, elapsed, AnsiConsole.Profile.Height);
        // Bottom cropping as a backstop: if the view is ever taller than the terminal, table rows go, the header stays.
        await AnsiConsole.Live(Now(TimeSpan.Zero)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async ctx =>
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
                    ctx.UpdateTarget(Now(DateTimeOffset.UtcNow - started));
                    ctx.Refresh();
                }
            });
        return await service.GetSnapshotAsync();
    }

    /// <summary>
    /// The view for a terminal <paramref name="height"/> lines high: the two header lines (connection, pacer) always;
    /// the tables get what is left, in order strategies, working orders, lost/rejected, fills; rows that do not fit
    /// are dropped and counted ("… 12 more").
    /// </summary>
    public static IRenderable Render(DeskSnapshot s, TimeSpan elapsed, int height)
    {
        var pacer = s.Pacer is { } p
            ? $"queued {p.Queued} (orders {p.QueuedOrders}, data {p.QueuedData}, hist {p.QueuedHistorical}), oldest {p.OldestWait.TotalMilliseconds:0} ms, sent {p.SentTotal}"
            : "no status yet";
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]TradingDesk[/] {elapsed.TotalSeconds:0}s  connection: [green]{Markup.Escape(s.Connection)}[/]").Overflow(Overflow.Ellipsis),
            new Markup($"pacer: {Markup.Escape(pacer)}").Overflow(Overflow.Ellipsis),
        };
        var inv = CultureInfo.InvariantCulture;
        var tables = new List<(string Title, string[] Columns, IReadOnlyList<string[]> Rows)>
        {
            ("strategies", ["strategy", "state", "orders", "filled", "execs", "position", "pnl"],
                [.. s.Strategies.Select(t => new[] { Markup.Escape(t.Strategy), t.State, $"{t.Orders}", $"{t.FilledOrders}", $"{t.Executions}",
                    Markup.Escape(RunCommand.Positions(t)), t.Pnl.ToString("0.00", inv) })]),
            ("working orders", ["id", "strategy", "symbol", "action", "qty", "type", "limit", "status"],
                [.. s.WorkingOrders.Select(w => new[] { $"{w.OrderId}", Markup.Escape(w.Strategy), Markup.Escape(w.Symbol), w.Action, w.Quantity.ToString("0.##", inv), w.Type,
                    w.LimitPrice?.ToString("0.00", inv) ?? "", w.Status })]),
        };
        if (s.RecentProblems.Count > 0)
            tables.Add(("lost / rejected orders", ["id", "strategy", "symbol", "outcome", "reason"],
                [.. s.RecentProblems.Select(o => new[] { $"{o.OrderId}", Markup.Escape(o.Strategy), Markup.Escape(o.Symbol), o.Outcome, Markup.Escape(o.Reason) })]));
        tables.Add(("recent fills (market time, UTC)", ["time", "strategy", "symbol", "side", "qty", "price"],
            [.. s.RecentFills.Select(f => new[] { f.At.UtcDateTime.ToString("HH:mm:ss", inv) + (f.AtIsMarketTime ? "" : " local"), Markup.Escape(f.Strategy), Markup.Escape(f.Symbol),
                f.Side, f.Quantity.ToString("0.##", inv), f.Price.ToString("0.00", inv) })]));

        // A table costs five lines besides its rows (title, blank, header, rule, blank); tables that do not fit at all
        // are left out from the last; the rows left are shared, strategies first, then evenly.
        const int TableCost = 5;
        var left = height - parts.Count;
        while (tables.Count > 1 && left < tables.Count * (TableCost + 1)) tables.RemoveAt(tables.Count - 1);
        left -= tables.Count * TableCost;
        for (var i = 0; i < tables.Count; i++)
        {
            var (title, columns, rows) = tables[i];
            var share = i == 0 ? left - (tables.Count - 1) : Math.Max(1, left / (tables.Count - i));
            var shown = rows.Count <= share ? rows.Count : Math.Max(0, share - 1);
            var table = new Table().Title(title).Border(TableBorder.Simple).AddColumns(columns);
            foreach (var row in rows.Take(shown)) table.AddRow(row);
            if (shown < rows.Count) table.AddRow([$"… {rows.Count - shown} more", .. Enumerable.Repeat("", columns.Length - 1)]);
            left -= Math.Max(1, Math.Min(rows.Count, share));
            parts.Add(table);
        }
        return new Rows(parts);
    }
}
