using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>The monitor's average-cost position: what a fill does to the open quantity and its cost.</summary>
public sealed class OpenPositionTests
{
    [Fact]
    public void Adding_sums_the_cash_reducing_keeps_the_average_and_crossing_zero_opens_the_rest_at_the_fill_price()
    {
        var p = default(OpenPosition).Fill(10m, 100m).Fill(20m, 103m);
        Assert.Equal(new OpenPosition(30m, 3060m), p); // average 102
        p = p.Fill(-10m, 110m);
        Assert.Equal(new OpenPosition(20m, 2040m), p); // still 102
        Assert.Equal(160m, p.Unrealised(110m));
        p = p.Fill(-25m, 90m);
        Assert.Equal(new OpenPosition(-5m, -450m), p); // short 5 from 90
        Assert.Equal(-50m, p.Unrealised(100m));
        Assert.Equal(default, p.Fill(5m, 1m));
    }

    [Fact]
    public void A_reduction_that_does_not_divide_evenly_still_leaves_a_flat_position_costing_exactly_zero()
    {
        var p = default(OpenPosition).Fill(3m, 10m).Fill(-1m, 11m);
        Assert.Equal(2m, p.Quantity);
        Assert.Equal(20m, p.Cost);
        p = default(OpenPosition).Fill(3m, 10m).Fill(3m, 10.01m).Fill(-1m, 12m).Fill(-5m, 9m);
        Assert.Equal(default, p);
    }
}
