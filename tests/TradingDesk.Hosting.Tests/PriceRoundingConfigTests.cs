using Microsoft.Extensions.Configuration;
using TradingDesk.Desk.Domain;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>TradingDesk:PriceRounding: the desk's default market-rule rounding, Off unless written.</summary>
public sealed class PriceRoundingConfigTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Unwritten_it_is_off_and_written_it_reaches_the_order_manager()
    {
        Assert.Equal(PriceRounding.Off, DeskConfiguration.BindOptions(Config()).Validated().ToDeskOptions("127.0.0.1", 4002).Orders.DefaultPriceRounding);
        var options = DeskConfiguration.BindOptions(Config(("TradingDesk:PriceRounding", "Nearest"))).Validated();
        Assert.Equal(PriceRounding.Nearest, options.ToDeskOptions("127.0.0.1", 4002).Validate().Orders.DefaultPriceRounding);
    }

    [Fact]
    public void A_word_that_is_no_mode_is_refused_naming_the_setting() =>
        Assert.StartsWith("TradingDesk:PriceRounding is \"Sideways\"",
            Assert.Throws<DeskStartException>(() => DeskConfiguration.BindOptions(Config(("TradingDesk:PriceRounding", "Sideways")))).Message, StringComparison.Ordinal);
}
