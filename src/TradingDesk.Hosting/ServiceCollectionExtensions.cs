using TradingDesk.Hosting.Telemetry;
using Akka.Hosting;
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
    /// The desk runs in an Akka.Hosting actor system named "trading-desk" (see <see cref="TradingDeskAkkaExtensions"/>);
    /// its actors are in the ActorRegistry (<c>IRequiredActor&lt;DeskActor&gt;</c>, <c>IRequiredActor&lt;StrategyHost&gt;</c>, …).
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
        // A cluster node runs the configured strategies it is told to (all by default; none without the strategy role).
        var strategies = builder.Resolve(options, where)
            .Where(s => options.Cluster.RunsStrategies && (options.Cluster.RunStrategies is not { } only || only.Contains(s.Name)))
            .ToList();
        try
        {
            options.ToDeskOptions("127.0.0.1", 1).Validate();
        }
        catch (ArgumentException ex)
        {
            throw new DeskStartException(ex.Message);
        }
        // A dry run of the factories (they only build props) so a bad parameter fails before anything starts or waits.
        TradingDeskService.BuildProps(strategies, Akka.Actor.ActorRefs.Nobody, options.ToStrategyOptions());
        services.AddSingleton(options);
        services.AddSingleton(builder);
        // Hosted services start in this order and stop in reverse: the journal store (locked and checked before the actor
        // system can touch it, released after the actor system has stopped), the gateway (the embedded simulator's port is needed
        // to create the desk), the actor system with the desk, the service that waits for the first connection, then the gRPC front.
        services.AddSingleton(sp => new JournalStoreService(options.Cluster.RunsDesk ? options.ResolveStore() : null, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<JournalStoreService>());
        services.AddSingleton(sp => new DeskGateway(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<DeskGateway>());
        services.AddSingleton(sp => new TradingDeskService(options, sp.GetRequiredService<DeskGateway>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddAkka("trading-desk", (akka, sp) =>
        {
            var desk = sp.GetRequiredService<TradingDeskService>();
            akka.WithTradingDesk(desk).WithStrategies(desk, strategies);
            foreach (var configure in builder.Akka) configure(akka);
        });
        services.AddHostedService(sp => sp.GetRequiredService<TradingDeskService>());
        // The gRPC front last: it serves a desk that is up, and stops before anything else does. Only a desk's process
        // serves it (a strategy node has no desk of its own to offer).
        if (options.Grpc.Enabled && options.Cluster.RunsDesk)
        {
            services.AddSingleton(sp => new GrpcFrontService(options, sp.GetRequiredService<TradingDeskService>(), sp.GetRequiredService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<GrpcFrontService>());
        }
        // Metrics export (Prometheus, OTLP) when configured: a strategy node exports its own meters too.
        services.AddMetricsExport(options);
        // The dashboard after the gRPC front: it shows a desk that is up, and stops first. A desk's process only, as the front.
        if (options.Dashboard.Enabled && options.Cluster.RunsDesk)
        {
            services.AddSingleton(sp => new Dashboard.DashboardService(options, sp.GetRequiredService<TradingDeskService>(), sp.GetRequiredService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<Dashboard.DashboardService>());
        }
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
