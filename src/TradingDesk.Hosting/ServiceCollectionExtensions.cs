using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the hosted desk: options bound from the <c>TradingDesk</c> section of <paramref name="configuration"/>
    /// (unknown keys and malformed values are errors), then <paramref name="configure"/>; validated here, with the
    /// strategy types and parameter names, so a bad setting fails before anything starts (<see cref="DeskStartException"/>
    /// saying what to change and, when known, where it was written).
    /// </summary>
    public static IServiceCollection AddTradingDesk(this IServiceCollection services, IConfiguration configuration, Action<TradingDeskBuilder> configure)
    {
        var builder = new TradingDeskBuilder();
        configure(builder);
        var where = new SettingLocations(configuration);
        var bound = DeskConfiguration.BindOptions(configuration);
        var options = builder.Apply(bound);
        try
        {
            options.Validated();
        }
        catch (InvalidSettingException ex)
        {
            // Say where the setting was written only when the configured value is the one at fault (not one set in code).
            var fromConfig = Failure(bound) == ex.Message;
            throw new DeskStartException(fromConfig ? ex.Message + where.Suffix(ex.Setting) : ex.Message);
        }
        builder.Resolve(options, where);
        services.AddSingleton(options);
        services.AddSingleton(builder);
        services.AddSingleton(sp => new TradingDeskService(options, builder, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<TradingDeskService>());
        return services;
    }

    private static string? Failure(TradingDeskOptions options)
    {
        try
        {
            options.Validated();
            return null;
        }
        catch (InvalidSettingException ex)
        {
            return ex.Message;
        }
    }
}
