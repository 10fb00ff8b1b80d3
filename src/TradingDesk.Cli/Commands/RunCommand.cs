using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk run [--duration SECONDS] [--gateway host:port] [--client-id N] [--config DIR] [--environment Paper|Live] [--plain]</c>:
/// hosts the desk and the strategies named in config. Without a gateway (flag or config) it starts the embedded
/// simulator. Shows a live view (plain periodic lines when the output is not a terminal), stops on Ctrl-C or after
/// --duration, and prints a summary per strategy (orders, fills, position, PnL).
/// </summary>
public static partial class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var duration = new Option<int?>("--duration") { Description = "Stop by itself after this many seconds (default: run until Ctrl-C)." };
        duration.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var d) && d <= 0) r.AddError($"--duration must be a positive number of seconds, not {d}");
        });
        var gateway = new Option<string?>("--gateway") { Description = "TWS / IB Gateway as host:port (default: TradingDesk:Gateway from config, else the embedded simulator)." };
        gateway.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && TradingDeskOptions.ParseGateway(r.Tokens[0].Value) is null)
                r.AddError($"--gateway must be host:port, for example 127.0.0.1:4002, not '{r.Tokens[0].Value}'");
        });
        var clientId = new Option<int?>("--client-id") { Description = "API client id (default: TradingDesk:ClientId from config, 1)." };
        var config = new Option<string?>("--config") { Description = "Directory holding appsettings.json (default: ./config, else the one next to the program)." };
        var environment = new Option<string?>("--environment") { Description = "Also read appsettings.NAME.json, e.g. Paper or Live (default: $TRADINGDESK_ENVIRONMENT)." };
        var plain = new Option<bool>("--plain") { Description = "Plain periodic lines instead of the live view, even on a terminal." };

        var command = new Command("run", "Run the desk and the configured strategies (embedded simulator when no gateway is set).")
        {
            duration, gateway, clientId, config, environment, plain,
        };
        command.SetAction(async (parse, cancellation) => await RunAsync(new RunSettings(
            parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null,
            parse.GetValue(gateway),
            parse.GetValue(clientId),
            parse.GetValue(config) ?? DefaultConfigDirectory(),
            parse.GetValue(environment) ?? Environment.GetEnvironmentVariable("TRADINGDESK_ENVIRONMENT"),
            parse.GetValue(plain) || !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected), stdout, stderr, cancellation));
        return command;
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
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddLogging(l => l.ClearProviders().AddSerilog(logger));
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
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
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception ex) when (Unwrap(ex) is DeskStartException start)
        {
            logger.Warning("desk run did not start: {Reason}", start.Message);
            stderr.WriteLine($"desk run: {start.Message}");
            await service.DisposeAsync();
            host.Dispose();
            logger.Dispose();
            return Program.BadInput;
        }

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
        if (settings.Duration is { } limit) stop.CancelAfter(limit);
        var view = settings.Plain ? (IRunView)new PlainRunView(stdout) : new LiveRunView();
        stdout.WriteLine($"desk run: connected to {service.Endpoint}; strategies: {string.Join(", ", service.StrategyNames)}; " +
            (settings.Duration is { } dd ? $"stopping after {dd.TotalSeconds:0}s" : "Ctrl-C stops"));
        DeskSnapshot last;
        try
        {
            last = await view.RunAsync(service, started, service.Options.StatusInterval, stop.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            logger.Dispose();
        }
        WriteSummary(stdout, last, DateTimeOffset.UtcNow - started, service.Options.CancelOrdersOnStop);
        return 0;
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : ex;

    /// <summary>One line per strategy: orders, fills, positions, PnL.</summary>
    public static void WriteSummary(TextWriter stdout, DeskSnapshot snapshot, TimeSpan elapsed, bool cancelledOnStop)
    {
        stdout.WriteLine($"desk run: summary after {elapsed.TotalSeconds:0}s ({(cancelledOnStop ? "working orders cancelled on stop" : "working orders kept")})");
        stdout.WriteLine($"{"strategy",-20} {"orders",7} {"fills",7} {"position",-24} {"pnl",12}");
        foreach (var s in snapshot.Strategies)
            stdout.WriteLine($"{s.Strategy,-20} {s.Orders,7} {s.Fills,7} {Positions(s),-24} {s.Pnl,12:0.00}");
    }

    internal static string Positions(StrategyTotals s) =>
        s.Positions.Count == 0 ? "flat" : string.Join(" ", s.Positions.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:+0.##;-0.##}"));
}
