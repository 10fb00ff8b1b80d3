using System.Net;
using Akka.Actor;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingDesk.Desk.Domain;
using TradingDesk.Grpc.Access;
using TradingDesk.Grpc.Service;
using TradingDesk.Grpc.Sessions;

namespace TradingDesk.Grpc;

/// <summary>
/// Starts the desk's gRPC front in the desk's process: its own Kestrel server (HTTP/2 only; plain h2c on loopback, TLS
/// with the configured certificate otherwise) with the service tradingdesk.v1.TradingDesk, server reflection and the
/// standard health service (grpc.health.v1: SERVING for "" and "tradingdesk.v1.TradingDesk"). Reflection and health
/// answer without a token (they say nothing about the desk's data); the desk's service requires one.
/// </summary>
public static class GrpcFront
{
    private const string ServiceName = "tradingdesk.v1.TradingDesk";
    private static int _fronts;

    /// <summary>
    /// Checks <paramref name="options"/> (throws <see cref="GrpcFrontRefusedException"/> with every problem), starts one
    /// session per configured client (a trading client's registers its strategy with <paramref name="desk"/>), then the
    /// server, and returns once it listens. Dispose the result to stop it.
    /// </summary>
    /// <param name="system">The desk's actor system: the front's actors run there.</param>
    /// <param name="desk">The desk actor (DeskSystem.Start's, or a cluster's desk proxy).</param>
    /// <param name="loggers">For the server's log and the refusals of calls.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<RunningGrpcFront> StartAsync(ActorSystem system, IActorRef desk, GrpcFrontOptions options, ILoggerFactory loggers, CancellationToken ct)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new GrpcFrontRefusedException(problems);
        GrpcFrontValidation.TryParseListen(options.Listen, out var address, out var port, out _);

        var front = Interlocked.Increment(ref _fronts);
        var callers = options.Clients.Select(c => new GrpcCaller(c, new StrategyId(c.Strategy),
            system.ActorOf(ClientSessionActor.Props(desk, c), $"grpc-{front}-session-{Uri.EscapeDataString(c.Name)}"))).ToList();
        var stopping = new CancellationTokenSource();
        try
        {
            var app = Build(system, desk, options, loggers, address, port, callers, stopping.Token);
            await app.StartAsync(ct).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("the gRPC server reports no bound address");
            loggers.CreateLogger(typeof(GrpcFront)).LogInformation("gRPC front listening on {Address} ({Clients} clients)", bound, callers.Count);
            return new RunningGrpcFront(app, stopping, system, [.. callers.Select(c => c.Session)], new Uri(bound));
        }
        catch
        {
            foreach (var caller in callers) system.Stop(caller.Session);
            stopping.Dispose();
            throw;
        }
    }

    private static WebApplication Build(ActorSystem system, IActorRef desk, GrpcFrontOptions options, ILoggerFactory loggers,
        IPAddress? address, int port, IReadOnlyList<GrpcCaller> callers, CancellationToken stopping)
    {
        // An empty application: no configuration files or environment variables of ASP.NET's own, so nothing but these
        // options decides where and how the front listens.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            void Endpoint(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http2;
                if (!string.IsNullOrWhiteSpace(options.CertificatePath)) listen.UseHttps(options.CertificatePath, options.CertificatePassword);
            }
            if (address is null) kestrel.ListenLocalhost(port, Endpoint);
            else kestrel.Listen(address, port, Endpoint);
        });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(new ClientDirectory(callers));
        builder.Services.AddSingleton(new RejectionLog(loggers.CreateLogger("TradingDesk.Grpc.Access")));
        builder.Services.AddSingleton(new TradingDeskService(system, desk, options, stopping));
        builder.Services.AddSingleton(Desk.Telemetry.DeskMetrics.For(system));
        // Interceptors run in the order added: the metrics see every call, those the access check refuses too.
        builder.Services.AddGrpc().AddServiceOptions<TradingDeskService>(o =>
        {
            o.Interceptors.Add<Telemetry.CallMetricsInterceptor>();
            o.Interceptors.Add<AccessInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        var health = new HealthServiceImpl();
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        health.SetStatus(ServiceName, HealthCheckResponse.Types.ServingStatus.Serving);
        builder.Services.AddSingleton(health);

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<TradingDeskService>();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcReflectionService();
        return app;
    }
}
