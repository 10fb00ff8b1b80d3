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

    /// <summary>Every settable key of the TradingDesk section (strategy entries aside), e.g. "TradingDesk:Connection:BackoffUnit".</summary>
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var (name, property) in SettingsBinder.Keys(type))
        {
            var key = $"{prefix}:{property.Name}";
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t == typeof(StrategyConfig[])) continue;
            // The options' own sections, also those in the hosting layer's sub-namespaces (Dashboard, Telemetry).
            if (t.Namespace is { } ns && ns.StartsWith(typeof(TradingDeskOptions).Namespace!, StringComparison.Ordinal) && t.IsClass && !t.IsArray)
                foreach (var inner in Keys(t, key)) yield return inner;
            else yield return key;
        }
    }

    [Fact]
    public void The_shipped_appsettings_lists_every_option_with_its_default()
    {
        var file = JsonSettingsFile.Read(Path.Combine(ConfigDirectory(), "appsettings.json"));
        var missing = Keys(typeof(TradingDeskOptions), DeskConfiguration.Section).Where(k => file.LineOf(k) is null).ToList();
        Assert.True(missing.Count == 0, "not in config/appsettings.json: " + string.Join(", ", missing));

        var shipped = DeskConfiguration.BindOptions(DeskConfiguration.Load(ConfigDirectory(), null, []));
        var defaults = new TradingDeskOptions();
        Assert.Equal(defaults with { Strategies = shipped.Strategies }, shipped);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Paper")]
    [InlineData("Live")]
    public void The_shipped_strategy_entries_use_only_the_parameter_names_their_types_declare(string? environment)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        // Binds, validates and checks every entry's Type and parameter names against the declarations (throws otherwise).
        services.AddTradingDesk(DeskConfiguration.Load(ConfigDirectory(), environment, []), TradingDesk.Cli.Commands.SampleStrategies.Register);
        Assert.Contains(services, s => s.ServiceType == typeof(TradingDeskService));
    }
}
