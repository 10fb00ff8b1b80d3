using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Orders;
using Xunit;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>Prices against a market rule: the band that applies, rounding each way, and the refusal's neighbours.</summary>
public sealed class MarketRuleRoundingTests
{
    // Like IB's rule 26 for US stocks: 0.0001 below one dollar, 0.01 from one dollar up.
    private static readonly S.PriceIncrement[] UsStocks = [new(0m, 0.0001m), new(1m, 0.01m)];

    [Theory]
    [InlineData(0.5, 0.0001)]
    [InlineData(1, 0.01)]
    [InlineData(250, 0.01)]
    public void The_increment_is_that_of_the_highest_low_edge_at_or_below_the_price(double price, double increment) =>
        Assert.Equal((decimal)increment, MarketRuleRounding.IncrementAt(UsStocks, (decimal)price));

    [Theory]
    [InlineData(PriceRounding.Down, 10.01)]
    [InlineData(PriceRounding.Up, 10.02)]
    [InlineData(PriceRounding.Nearest, 10.01)]
    public void An_off_grid_price_rounds_as_asked(PriceRounding mode, double expected) =>
        Assert.Equal((decimal)expected, MarketRuleRounding.Round(UsStocks, 10.013m, mode).Price);

    [Fact]
    public void A_price_on_the_grid_is_kept_and_a_refusal_names_both_neighbours()
    {
        Assert.Equal((10.25m, (string?)null), MarketRuleRounding.Round(UsStocks, 10.25m, PriceRounding.Reject));
        var (price, problem) = MarketRuleRounding.Round(UsStocks, 10.255m, PriceRounding.Reject);
        Assert.Null(price);
        Assert.Contains("10.25", problem);
        Assert.Contains("10.26", problem);
        Assert.Contains("0.01", problem);
    }
}
