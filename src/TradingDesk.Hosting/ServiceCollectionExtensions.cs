using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the hosted desk: options bound from the <c>TradingDesk</c> section of <paramref name="configuration"/>
    /// (unknown keys and malformed values are errors), then <paramref name="configure"/>; validated here so a bad
    /// setting fails before anything starts (<see cref="DeskStartException"/> with what to change).
    /// </summary>
    public static IServiceCollection AddTradingDesk(this IServiceCollection services, IConfiguration configuration, Action<TradingDeskBuilder> configure)
    {
        var builder = new TradingDeskBuilder();
        configure(builder);
        var options = builder.Apply(DeskConfiguration.BindOptions(configuration));
        try
        {
            options.Validated();
        }
        catch (ArgumentException ex)
        {
            throw new DeskStartException(ex.Message);
        }
        services.AddSingleton(options);
        services.AddSingleton(builder);
        services.AddSingleton(sp => new TradingDeskService(options, builder, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<TradingDeskService>());
        return services;
    }
}
