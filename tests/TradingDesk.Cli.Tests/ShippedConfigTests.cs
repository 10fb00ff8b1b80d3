using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>The shipped config/ files bind without unknown keys and validate, in every environment.</summary>
public sealed class ShippedConfigTests
{
    private static string ConfigDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "config", "appsettings.json"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no config/ above the test output"), "config");
    }

    [Theory]
    [InlineData(null, "", true)]
    [InlineData("Paper", "127.0.0.1:4002", true)]
    [InlineData("Live", "127.0.0.1:4001", false)]
    public void Each_environment_binds_and_validates(string? environment, string gateway, bool cancelOnStop)
    {
        var options = DeskConfiguration.BindOptions(DeskConfiguration.Load(ConfigDirectory(), environment, [])).Validated();

        Assert.Equal(gateway, options.Gateway ?? "");
        Assert.Equal(cancelOnStop, options.CancelOrdersOnStop);
        Assert.Equal(["MeanReversionMaker", "MovingAverageCrossover", "PortfolioRebalancer"], options.Strategies.Select(s => s.Type).Order());
        using var logger = DeskConfiguration.CreateLogger(DeskConfiguration.Load(ConfigDirectory(), environment, []));
        Assert.NotNull(logger);
    }
}
