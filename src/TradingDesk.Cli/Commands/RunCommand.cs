using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using TradingDesk.Desk.Gateway;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk run [--duration SECONDS|DURATION] [--gateway host:port] [--client-id N] [--config DIR] [--environment Paper|Live] [--plain]</c>:
/// hosts the desk and the strategies named in config. Without a gateway (flag or config) it starts the embedded
/// simulator. Shows a live view (plain periodic lines when the output is not a terminal), stops on Ctrl-C or after
/// --duration (counted from the start, connecting included), and prints what happened to the working orders and a
/// summary per strategy (orders, filled orders, executions, position, PnL).
/// </summary>
public static partial class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Stop by itself after this long, counted from the start: seconds (60) or a duration (90s, 2m). Default: run until Ctrl-C.",
            CustomParser = r => ParseDuration(r),
        };
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
        var config = new Option<string?>("--config") { Description = "Directory holding appsettings.json (default: ./config, else the one next to the program)." };
        var environment = new Option<string?>("--environment") { Description = "Also read appsettings.NAME.json, e.g. Paper or Live (default: $TRADINGDESK_ENVIRONMENT)." };
        var plain = new Option<bool>("--plain") { Description = "Plain periodic lines instead of the live view, even on a terminal." };

        var command = new Command("run", "Run the desk and the configured strategies (embedded simulator when no gateway is set).")
        {
            duration, gateway, clientId, config, environment, plain,
        };
        command.SetAction(async (parse, cancellation) => await RunAsync(new RunSettings(
            parse.GetValue(duration),
            parse.GetValue(gateway),
            parse.GetValue(clientId),
            parse.GetValue(config) ?? DefaultConfigDirectory(),
            parse.GetValue(environment) ?? Environment.GetEnvironmentVariable("TRADINGDESK_ENVIRONMENT"),
            parse.GetValue(plain) || !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected), stdout, stderr, cancellation));
        return command;
    }

    private static TimeSpan? ParseDuration(System.CommandLine.Parsing.ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        TimeSpan value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) value = TimeSpan.FromSeconds(seconds);
        else if (!Durations.TryParse(text, out value, out _))
        {
            r.AddError($"--duration must be a number of seconds (60) or a duration (90s, 2m, 00:01:30), not '{text}'");
            return null;
        }
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1)) r.AddError($"--duration must be positive and at most a day, not '{text}'");
        return value;
    }

    private static int? ParseClientId(System.CommandLine.Parsing.ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id is >= 0 and <= 32767) return id;
        r.AddError($"--client-id must be a whole number 0..32767, not '{text}'");
        return null;
    }

    /// <summary>What <c>desk run</c> was asked to do.</summary>
    public sealed record RunSettings(TimeSpan? Duration, string? Gateway, int? ClientId, string ConfigDirectory, string? Environment, bool Plain);

    private static string DefaultConfigDirectory() =>
        File.Exists(Path.Combine("config", "appsettings.json")) ? "config" : Path.Combine(AppContext.BaseDirectory, "config");

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
            });
            host = builder.Build();
        }
        catch (DeskStartException ex)
        {
            stderr.WriteLine($"desk run: {ex.Message}");
            logger?.Dispose();
            return Program.BadInput;
        }

        var service = host.Services.GetRequiredService<TradingDeskService>();
        var started = DateTimeOffset.UtcNow;
        // The duration counts from here: a desk that never connects still stops on time.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (settings.Duration is { } limit) stop.CancelAfter(limit);
        var progress = new ConnectionProgress(stderr, settings.Plain);
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
                    cancellation.IsCancellationRequested || settings.Duration is not { } d ? "before Ctrl-C" : $"within --duration {Durations.Format(d)}", n.LastError),
                DeskStartException start => start.Message,
                _ => $"stopped before the desk had started ({Endpoint(service)})",
            };
            progress.Finish();
            logger.Warning("desk run did not start: {Reason}", message);
            stderr.WriteLine($"desk run: {message}");
            await service.DisposeAsync();
            host.Dispose();
            logger.Dispose();
            return Program.BadInput;
        }

        var view = settings.Plain ? (IRunView)new PlainRunView(stdout) : new LiveRunView();
        stdout.WriteLine($"desk run: connected to {service.Endpoint}; strategies: {string.Join(", ", service.StrategyNames)}; " +
            (settings.Duration is { } dd ? $"stopping after {Durations.Format(dd)}" : "Ctrl-C stops"));
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
        WriteSummary(stdout, service.FinalSnapshot ?? last, DateTimeOffset.UtcNow - started, service.LastStop);
        return 0;
    }

    private static string Endpoint(TradingDeskService service) => service.Endpoint.Length > 0 ? service.Endpoint : "no connection yet";

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : ex;

    /// <summary>What happened to the working orders on stop, then one line per strategy: orders, filled orders, executions, positions, PnL.</summary>
    public static void WriteSummary(TextWriter stdout, DeskSnapshot snapshot, TimeSpan elapsed, StopReport? stop)
    {
        stdout.WriteLine($"desk run: summary after {elapsed.TotalSeconds:0}s ({stop?.Describe() ?? "the desk did not stop in order; see the log"})");
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

    /// <summary>A host lifetime that leaves stopping to desk run (no console signal handling of its own).</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
