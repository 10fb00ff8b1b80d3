using System.CommandLine;
using System.Globalization;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using TradingDesk.Desk.Gateway;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk run [--duration SECONDS|DURATION] [--gateway host:port] [--client-id N] [--config DIR] [--environment Paper|Live] [--plain]
/// [--strategies NAME,...|none] [--store sqlite:PATH|postgres:CONNECTION] [--grpc host:port] [--cluster-port P [--seed-node URI ...] [--hostname H] [--public-hostname H]]</c>:
/// hosts the desk and the strategies named in config (with --cluster-port, as a desk node of a cluster). Without a gateway (flag or config) it starts the embedded
/// simulator. Shows a live view (plain periodic lines when the output is not a terminal), stops on Ctrl-C or after
/// --duration (counted from the start, connecting included), and prints what happened to the working orders and a
/// summary per strategy (orders, filled orders, executions, position, PnL).
/// </summary>
public static partial class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = HostFlags.Create();
        var gateway = new Option<string?>("--gateway") { Description = "TWS / IB Gateway as host:port (default: TradingDesk:Gateway from config, else the embedded simulator)." };
        gateway.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && TradingDeskOptions.ParseGateway(r.Tokens[0].Value) is null)
                r.AddError($"--gateway must be host:port, for example 127.0.0.1:4002, not '{r.Tokens[0].Value}'");
        });
        var clientId = new Option<int?>("--client-id")
        {
            Description = "API client id (default: TradingDesk:ClientId from config, 1).",
            CustomParser = r => ParseClientId(r),
        };
        var store = new Option<string?>("--store")
        {
            Description = "The journal: sqlite:PATH or postgres:CONNECTION (an Npgsql connection string; quote it). Default: TradingDesk:Store from config, else SQLite desk.db under TradingDesk:DataDirectory (data/).",
        };
        store.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !StoreLocation.TryParse(r.Tokens[0].Value, out _, out var problem)) r.AddError($"--store {problem}");
        });
        var grpc = new Option<string?>("--grpc")
        {
            Description = "Serve the gRPC front on host:port, e.g. 127.0.0.1:50051 (default: TradingDesk:Grpc:Listen from config, else none). A non-loopback address needs TLS (TradingDesk:Grpc:CertificatePath).",
        };
        grpc.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !TradingDesk.Grpc.GrpcFrontOptions.TryParseListen(r.Tokens[0].Value, out _, out _))
                r.AddError($"--grpc must be host:port with an IP address or localhost, for example 127.0.0.1:50051, not '{r.Tokens[0].Value}'");
        });
        var dashboard = new Option<string?>("--dashboard")
        {
            Description = "Serve the live web dashboard on host:port, e.g. 127.0.0.1:8080 (default: TradingDesk:Dashboard:Listen from config, else none). A non-loopback address needs TLS and a client token; see docs/operations.md.",
        };
        dashboard.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !TradingDesk.Hosting.Dashboard.DashboardAddress.TryParse(r.Tokens[0].Value, out _))
                r.AddError($"--dashboard must be host:port with an IP address or localhost, for example 127.0.0.1:8080, not '{r.Tokens[0].Value}'");
        });
        var cluster = ClusterFlags.Create(
            "Run as a desk node of a cluster, its Akka.Remote endpoint on this port (0: any free port; default: TradingDesk:Cluster:Port, else no cluster).",
            defaultPort: null);
        var strategies = new Option<string?>("--strategies")
        {
            Description = "The configured strategies to run here, NAME,NAME,... or none (a desk node without strategies). Default: all enabled ones.",
        };
        strategies.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && ClusterAddresses.SplitNames([r.Tokens[0].Value]).Length == 0)
                r.AddError($"--strategies must name configured strategies (NAME,NAME) or be none, not '{r.Tokens[0].Value}'");
        });

        var command = new Command("run", "Run the desk and the configured strategies (embedded simulator when no gateway is set); with --cluster-port, as a desk node of a cluster.")
        {
            gateway, clientId, strategies, store, grpc,
        };
        command.Options.Add(dashboard);
        common.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) => await RunAsync(common.Read(parse, stdout, "run") with
        {
            Gateway = parse.GetValue(gateway),
            ClientId = parse.GetValue(clientId),
            Store = parse.GetValue(store),
            Grpc = parse.GetValue(grpc),
            Dashboard = parse.GetValue(dashboard),
            Cluster = ClusterRequest.From(parse),
        }, stdout, stderr, cancellation));
        return command;
    }

    private static string GrpcClients(GrpcSettings grpc) =>
        grpc.Clients.Length == 0 ? "no clients yet: add one with desk token new NAME, then restart"
        : $"clients: {string.Join(", ", grpc.Clients.Select(c => c.Access == TradingDesk.Grpc.GrpcAccess.ReadOnly ? c.Name + " (read-only)" : c.Name))}";

    internal static int? ParseClientId(System.CommandLine.Parsing.ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id is >= 0 and <= 32767) return id;
        r.AddError($"--client-id must be a whole number 0..32767, not '{text}'");
        return null;
    }

    /// <summary>
    /// What <c>desk run</c> or <c>desk node</c> (<see cref="Verb"/>) was asked to do. <see cref="Cluster"/>:
    /// the cluster flags (<see cref="ClusterRequest.None"/> for a single process).
    /// </summary>
    public sealed record RunSettings(TimeSpan? Duration, string? Gateway, int? ClientId, string ConfigDirectory, string? Environment, bool Plain)
    {
        public ClusterRequest Cluster { get; init; } = ClusterRequest.None;

        public string Verb { get; init; } = "run";

        /// <summary>--store: the journal, sqlite:PATH or postgres:CONNECTION (null: from config). Never printed as given.</summary>
        public string? Store { get; init; }

        /// <summary>--grpc: host:port of the gRPC front (null: from config).</summary>
        public string? Grpc { get; init; }

        /// <summary>--dashboard: host:port of the web dashboard (null: from config).</summary>
        public string? Dashboard { get; init; }
    }

    /// <summary>Runs the desk until <paramref name="cancellation"/>, Ctrl-C or the duration; returns the exit code.</summary>
    public static async Task<int> RunAsync(RunSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        IHost host;
        Serilog.Core.Logger? logger = null;
        try
        {
            var configuration = DeskConfiguration.Load(settings.ConfigDirectory, settings.Environment);
            logger = DeskConfiguration.CreateLogger(configuration);
            // Akka.Logger.Serilog writes to Serilog's static logger: the actor system's events join the same sinks.
            Log.Logger = logger;
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddLogging(l => l.ClearProviders().AddSerilog(logger));
            // desk run stops the host itself (Ctrl-C reaches it through the command's token): one stop path, not two.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
            builder.Services.AddTradingDesk(configuration, desk =>
            {
                SampleStrategies.Register(desk);
                if (settings.Gateway is { } g) desk.WithOptions(o => o with { Gateway = g });
                if (settings.ClientId is { } id) desk.WithOptions(o => o with { ClientId = id });
                if (settings.Store is { } journal) desk.WithOptions(o => o with { Store = journal });
                if (settings.Grpc is { } listen) desk.WithOptions(o => o with { Grpc = o.Grpc with { Listen = listen } });
                if (settings.Dashboard is { } page) desk.WithOptions(o => o with { Dashboard = o.Dashboard with { Listen = page } });
                desk.WithOptions(settings.Cluster.ApplyTo);
            });
            host = builder.Build();
        }
        catch (DeskStartException ex)
        {
            stderr.WriteLine($"desk {settings.Verb}: {ex.Message}");
            logger?.Dispose();
            return Program.BadInput;
        }

        var service = host.Services.GetRequiredService<TradingDeskService>();
        // Before the start, so the file or server is known even when the start fails (PostgreSQL: host, port, database only).
        if (host.Services.GetRequiredService<JournalStoreService>().Store is { } journalStore)
            stdout.WriteLine($"desk {settings.Verb}: journal: {journalStore.Describe()}");
        var started = DateTimeOffset.UtcNow;
        // The duration counts from here: a desk that never connects still stops on time.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (settings.Duration is { } limit) stop.CancelAfter(limit);
        var progress = new ConnectionProgress(stderr, settings.Plain, settings.Verb);
        service.ConnectionChanged += progress.Report;
        try
        {
            await host.StartAsync(stop.Token);
        }
        catch (Exception ex) when (Unwrap(ex) is DeskStartException or OperationCanceledException)
        {
            var message = Unwrap(ex) switch
            {
                DeskNotConnectedException { Stopped: true } n => DeskNotConnectedException.Describe(n.Endpoint,
                    cancellation.IsCancellationRequested || settings.Duration is not { } d ? "before Ctrl-C" : $"within --duration {Durations.Format(d)}", n.LastError, n.Hint),
                DeskStartException start => start.Message,
                _ => $"stopped before the desk had started ({Endpoint(service)})",
            };
            progress.Finish();
            logger.Warning("desk {Verb} did not start: {Reason}", settings.Verb, message);
            stderr.WriteLine($"desk {settings.Verb}: {message}");
            await service.DisposeAsync();
            host.Dispose();
            logger.Dispose();
            return Program.BadInput;
        }

        var view = settings.Plain ? (IRunView)new PlainRunView(stdout) : new LiveRunView();
        stdout.WriteLine($"desk {settings.Verb}: connected to {service.Endpoint}; {Node(service)}strategies: {Names(service.StrategyNames)}; " +
            (settings.Duration is { } dd ? $"stopping after {Durations.Format(dd)}" : "Ctrl-C stops"));
        if (host.Services.GetService<GrpcFrontService>() is { Address: { } grpcAddress })
            stdout.WriteLine($"desk {settings.Verb}: gRPC front on {grpcAddress} ({GrpcClients(service.Options.Grpc)}); see docs/grpc.md");
        if (host.Services.GetService<TradingDesk.Hosting.Dashboard.DashboardService>() is { Address: { } dashboardAddress })
            stdout.WriteLine($"desk {settings.Verb}: dashboard on {dashboardAddress} ({(service.Options.Grpc.Clients.Length == 0 ? "open to this machine: no client tokens" : "sign in with a client token")}); see docs/operations.md");
        if (service.Options.Metrics.PrometheusEnabled)
            stdout.WriteLine($"desk {settings.Verb}: metrics for Prometheus on {TradingDesk.Hosting.Telemetry.MetricsExport.ScrapeUrl(service.Options.Metrics)}; see docs/operations.md");
        if (service.Options.Metrics.OtlpEnabled)
            stdout.WriteLine($"desk {settings.Verb}: metrics pushed over OTLP ({service.Options.Metrics.OtlpProtocol}) to {service.Options.Metrics.Otlp} every {Durations.Format(service.Options.Metrics.OtlpInterval)}");
        progress.Connected();
        DeskSnapshot last;
        try
        {
            last = await view.RunAsync(service, started, service.Options.StatusInterval, stop.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            progress.Finish();
            host.Dispose();
            logger.Dispose();
        }
        WriteSummary(stdout, service.FinalSnapshot ?? last, DateTimeOffset.UtcNow - started, service.LastStop, settings.Verb);
        return 0;
    }

    /// <summary>"node akka.tcp://trading-desk@host:port (roles desk, strategy); " for a cluster node, else nothing.</summary>
    private static string Node(TradingDeskService service) =>
        service.Options.Cluster.Enabled && service.System is ExtendedActorSystem system
            ? $"node {system.Provider.DefaultAddress} (roles {string.Join(", ", service.Options.Cluster.Roles)}); "
            : "";

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private static string Endpoint(TradingDeskService service) => service.Endpoint.Length > 0 ? service.Endpoint : "no connection yet";

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : ex;

    /// <summary>What happened to the working orders on stop, then one line per strategy: orders, filled orders, executions, positions, PnL.</summary>
    public static void WriteSummary(TextWriter stdout, DeskSnapshot snapshot, TimeSpan elapsed, StopReport? stop, string verb = "run")
    {
        stdout.WriteLine($"desk {verb}: summary after {elapsed.TotalSeconds:0}s ({stop?.Describe() ?? "the desk did not stop in order; see the log"})");
        // 73 columns before the lost/rejected note, so the table fits an 80-column terminal.
        stdout.WriteLine($"{"strategy",-16} {"orders",6} {"filled",6} {"execs",6} {"position",-24} {"pnl",10}");
        foreach (var s in snapshot.Strategies)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Strategy,-16} {s.Orders,6} {s.FilledOrders,6} {s.Executions,6} {Positions(s),-24} {s.Pnl,10:0.00}") +
                (s.Lost + s.Rejected > 0 ? $"  ({s.Lost} lost, {s.Rejected} rejected)" : ""));
        stdout.WriteLine("orders: placed; filled: orders filled completely;");
        stdout.WriteLine("execs: executions (one order can fill in several)");
        foreach (var p in snapshot.RecentProblems.Reverse())
            stdout.WriteLine($"order {p.OrderId} ({p.Strategy}, {p.Symbol}) {p.Outcome.ToLowerInvariant()}: {p.Reason}");
    }

    internal static string Positions(StrategyTotals s) =>
        s.Positions.Count == 0 ? "flat" : string.Join(" ", s.Positions.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:+0.##;-0.##}"));

    /// <summary>A host lifetime that leaves stopping to the verb (no console signal handling of its own).</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
