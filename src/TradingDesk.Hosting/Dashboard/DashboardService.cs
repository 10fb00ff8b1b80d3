using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// Serves the dashboard (<see cref="DashboardSettings"/>) once the desk has started: registered after
/// <see cref="TradingDeskService"/>, so the generic host starts it after the first connection and the monitor exist,
/// and stops it before the desk. Until then it folds the desk's connection changes itself (the handshake that the
/// page's gateway panel shows happened before its actor existed).
/// </summary>
public sealed class DashboardService : IHostedService, IAsyncDisposable
{
    private readonly TradingDeskOptions _options;
    private readonly TradingDeskService _desk;
    private readonly ILoggerFactory _loggers;
    private readonly object _gate = new();
    private DashboardState _early;
    private WebApplication? _app;
    private IActorRef? _actor;

    public DashboardService(TradingDeskOptions options, TradingDeskService desk, ILoggerFactory loggers)
    {
        _options = options;
        _desk = desk;
        _loggers = loggers;
        _early = new DashboardState { Endpoint = desk.Endpoint, MessageLimit = options.Pacing.MessagesPerSecond, HistoryLength = options.Dashboard.History };
        desk.ConnectionChanged += e =>
        {
            lock (_gate) _early = _early.Apply(e);
        };
    }

    /// <summary>The page's snapshots (for tests and whoever else wants them in process).</summary>
    public DashboardFeed Feed { get; } = new();

    /// <summary>Where the dashboard listens, with its real port (after start).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var system = _desk.System ?? throw new DeskStartException("the dashboard: the desk's actor system did not start");
        var registry = ActorRegistry.For(system);
        var host = registry.Get<StrategyHost>();
        var monitor = registry.Get<DeskMonitor>();
        var access = new DashboardAccess(_options.Grpc.Clients);
        var settings = _options.Dashboard;
        // The address the order manager gives holders on this node (with host and port on a cluster node).
        var self = ((ExtendedActorSystem)system).Provider.DefaultAddress;
        DashboardState state;
        lock (_gate) state = _early with { Endpoint = _desk.Endpoint };
        _actor = system.ActorOf(DashboardActor.Props(host, monitor, _desk.Desk, Feed, state, settings.Interval, self, _desk.StrategyNames.ToHashSet(StringComparer.Ordinal),
            _options.Cluster.Enabled, access.TokensRequired), "dashboard");
        var controls = new DashboardControls(_desk.Desk, host, _desk.StrategyProps, TimeSpan.FromSeconds(10));
        try
        {
            (_app, var address) = await DashboardServer.StartAsync(settings, Feed, access, controls, _loggers, cancellationToken);
            Address = address;
            _loggers.CreateLogger("TradingDesk.Dashboard").LogInformation("Dashboard on {Address}", Address);
        }
        catch (IOException ex)
        {
            // Kestrel's "address already in use" and the like.
            system.Stop(_actor);
            throw new DeskStartException($"the dashboard cannot listen on {settings.Listen}: {ex.Message}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
        if (Interlocked.Exchange(ref _actor, null) is { } actor && _desk.System is { } system) system.Stop(actor);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
