using Spectre.Console;
using TradingDesk.Cli.Commands;
using TradingDesk.Desk.Domain;
using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>The live view on a small terminal, and what the summary says about working orders and fills.</summary>
public sealed class RunViewTests
{
    private static readonly DateTimeOffset Market = new(2026, 1, 5, 15, 0, 7, TimeSpan.Zero);

    private static DeskSnapshot Busy() => new(
        "Connected (v225, DU111111)",
        null,
        [new StrategyTotals("maker", "Running", 40, 3, 5, 1, 1, new Dictionary<string, decimal> { ["MSFT"] = 20 }, 1m, -2m)],
        [.. Enumerable.Range(1, 30).Select(i => new WorkingOrder(new OrderId(i), "maker", "MSFT", "BUY", 10, "LMT", 400m, "Submitted"))],
        [.. Enumerable.Range(0, 8).Select(i => new FillLine("maker", "MSFT", "BOT", 10, 401m, Market.AddSeconds(i)))],
        [new OrderProblem(new OrderId(31), "maker", "MSFT", "Lost", "cancel answered 135", Market)],
        Market);

    private static string[] Draw(DeskSnapshot s, int width, int height)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(LiveRunView.Render(s, TimeSpan.FromSeconds(12), height));
        return output.ToString().TrimEnd('\n', '\r').Split('\n');
    }

    [Fact]
    public void On_an_80x24_terminal_the_header_stays_and_table_rows_are_dropped()
    {
        var lines = Draw(Busy(), 80, 24);

        Assert.True(lines.Length <= 24, $"{lines.Length} lines:\n{string.Join('\n', lines)}");
        Assert.Contains("connection: Connected (v225, DU111111)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("pacer:", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("more", StringComparison.Ordinal) && l.Contains('…'));
        Assert.Contains(lines, l => l.Contains("maker", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_tall_terminal_lost_orders_and_fills_at_market_time_are_shown()
    {
        var s = Busy() with { WorkingOrders = [] };
        var text = string.Join('\n', Draw(s, 120, 60));

        Assert.Contains("lost / rejected orders", text, StringComparison.Ordinal);
        Assert.Contains("cancel answered 135", text, StringComparison.Ordinal);
        Assert.Contains("market time", text, StringComparison.Ordinal);
        Assert.Contains("15:00:07", text, StringComparison.Ordinal); // the gateway's clock, not the machine's
    }

    [Fact]
    public void The_summary_says_what_happened_to_working_orders_and_labels_executions()
    {
        var stdout = new StringWriter();
        var stop = new StopReport(true, [new OrderOutcome(new OrderId(7), "maker", "Cancelled", null), new OrderOutcome(new OrderId(8), "maker", "Filled", null),
            new OrderOutcome(new OrderId(9), "maker", OrderOutcome.Working, "PendingCancel")], new Dictionary<string, string>());

        RunCommand.WriteSummary(stdout, Busy(), TimeSpan.FromSeconds(20), stop);

        var text = stdout.ToString();
        Assert.Contains("(3 working orders at stop: 1 cancelled, 1 filled, 1 still working (ids 9))", text, StringComparison.Ordinal);
        Assert.DoesNotContain("working orders cancelled on stop", text, StringComparison.Ordinal);
        Assert.Matches(@"strategy\s+orders\s+filled\s+execs", text);
        Assert.Matches(@"maker\s+40\s+3\s+5\s+MSFT \+20", text);
        Assert.Contains("order 31 (maker, MSFT) lost: cancel answered 135", text, StringComparison.Ordinal);
        // The table and its legend fit an 80-column terminal (the first line and the problem lines are prose).
        var table = text.Split('\n').Skip(1).Where(l => !l.StartsWith("order ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r'));
        Assert.All(table, line => Assert.True(line.Split("  (")[0].Length <= 80, $"wider than 80 columns: '{line}'"));
    }
}
