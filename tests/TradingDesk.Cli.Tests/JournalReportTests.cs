using TradingDesk.Cli.Commands;
using TradingDesk.Cli.Tests.Support;
using TradingDesk.Desk.Domain;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>The pure report: a book folded from a known story, turned into rows per strategy.</summary>
public sealed class JournalReportTests
{
    private static readonly Dictionary<OrderId, DateTimeOffset> Journaled = new()
    {
        [new OrderId(1)] = JournalStory.Day1,
        [new OrderId(2)] = JournalStory.Day2,
        [new OrderId(3)] = JournalStory.Day2,
        [new OrderId(7)] = JournalStory.Day2,
    };

    private static JournalReport.Report Report(string? strategy = null, DateTimeOffset? since = null) =>
        JournalReport.From(JournalStory.Fold(JournalStory.All), Journaled, strategy, since);

    [Fact]
    public void Orders_fills_and_positions_are_grouped_per_strategy_with_unowned_last()
    {
        var report = Report();

        Assert.Equal(8, report.HighWaterMark);
        Assert.Equal(["alpha", "beta", "unowned"], report.Strategies.Select(s => s.Strategy));
        var alpha = report.Strategies[0];
        Assert.Equal([new JournalReport.OrderRow(1, "AAPL STK USD", "BUY", 10, "Filled", 10, JournalStory.Day1),
            new JournalReport.OrderRow(2, "AAPL STK USD", "SELL", 5, "PendingSubmit", 0, JournalStory.Day2)], alpha.Orders);
        Assert.Equal(["e1", "e2", "e3"], alpha.Fills.Select(f => f.ExecId));
        Assert.Equal(new JournalReport.FillRow("e2", 1, JournalStory.Day1.AddMinutes(2), JournalStory.Day1.AddMinutes(2).AddMilliseconds(20), "AAPL STK USD", "BOT", 4, 101m), alpha.Fills[1]);
        Assert.Equal([new JournalReport.PositionRow("AAPL STK USD", 5, 100.4m)], alpha.Positions);
        var beta = report.Strategies[1];
        Assert.Equal(new JournalReport.OrderRow(3, "MSFT STK USD", "BUY", 3, "PendingSubmit", 0, JournalStory.Day2), Assert.Single(beta.Orders));
        Assert.Empty(beta.Fills);
        Assert.Empty(beta.Positions);
        var unowned = report.Strategies[2];
        Assert.Equal(7, Assert.Single(unowned.Orders).Id);
        Assert.Equal([new JournalReport.PositionRow("MSFT STK USD", 2, 50m)], unowned.Positions);
    }

    [Fact]
    public void A_strategy_filter_keeps_its_section_only()
    {
        Assert.Equal("unowned", Assert.Single(Report(strategy: "unowned").Strategies).Strategy);
        Assert.Empty(Report(strategy: "nobody").Strategies);
    }

    [Fact]
    public void Since_limits_orders_and_fills_but_positions_count_every_fill()
    {
        var alpha = Report(since: JournalStory.Day2).Strategies[0];

        Assert.Equal([2], alpha.Orders.Select(o => o.Id));
        Assert.Equal(["e3"], alpha.Fills.Select(f => f.ExecId));
        Assert.Equal([new JournalReport.PositionRow("AAPL STK USD", 5, 100.4m)], alpha.Positions);
    }

    [Theory]
    [InlineData(0, 0, 10, 100, 10, 100)]        // opening
    [InlineData(10, 100, 10, 110, 20, 105)]     // adding: weighted mean
    [InlineData(10, 100, -4, 120, 6, 100)]      // reducing keeps the cost
    [InlineData(10, 100, -10, 120, 0, 0)]       // flat has no cost
    [InlineData(10, 100, -15, 120, -5, 120)]    // through zero: the rest opens at the fill's price
    [InlineData(-5, 120, -5, 100, -10, 110)]    // adding to a short
    public void Average_cost(decimal quantity, decimal average, decimal signed, decimal price, decimal expectedQuantity, decimal expectedAverage)
    {
        Assert.Equal((expectedQuantity, expectedAverage), JournalReport.AverageCost((quantity, average), signed, price));
    }
}
