using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Actor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using TradingDesk.Hosting.Telemetry;
using TradingDesk.Simulator;
using Xunit;

namespace TradingDesk.Hosting.Tests.Telemetry;

/// <summary>TradingDesk:Metrics: a bad setting is refused in the user's words; a running desk's /metrics series move.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed partial class MetricsExportTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-metrics-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("Prometheus", "9464", "TradingDesk:Metrics:Prometheus must be host:port")]
    [InlineData("Prometheus", "127.0.0.1:0", "TradingDesk:Metrics:Prometheus must be host:port with an IP address or localhost and a port other than 0")]
    [InlineData("Otlp", "collector:4317", "TradingDesk:Metrics:Otlp must be an http:// or https:// address")]
    [InlineData("OtlpProtocol", "udp", "TradingDesk:Metrics:OtlpProtocol must be grpc or http/protobuf, not 'udp'")]
    public void A_bad_metrics_setting_is_refused_naming_it(string key, string value, string expected)
    {
        var metrics = key switch
        {
            "Prometheus" => new MetricsSettings { Prometheus = value },
            "Otlp" => new MetricsSettings { Otlp = value },
            _ => new MetricsSettings { OtlpProtocol = value },
        };
        var ex = Assert.Throws<InvalidSettingException>(() => new TradingDeskOptions { Metrics = metrics }.Validated());
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Rests one bid far below the market; completes the task when the gateway has acknowledged it.</summary>
    private sealed class Rester : StrategyActor
    {
        public Rester(IActorRef desk, StrategyId id, StrategyOptions options, TaskCompletionSource working) : base(desk, id, options)
        {
            Receive<OrderEvents.OpenOrderUpdated>(o => { if (o.Order.Status.IsActive()) working.TrySetResult(); });
            Receive<OrderEvents.IOrderEvent>(_ => { });
            Receive<Go>(_ =>
            {
                Subscribe(new OrderCommands.SubscribeOrderUpdates());
                TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("MSFT"), Order.Limit(OrderAction.Buy, 10, 1m), StrategyId));
            });
        }
    }

    private sealed record Go;

    [Fact]
    public async Task The_scrape_endpoint_shows_the_desk_connected_and_its_order_and_message_series_move_with_an_order()
    {
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 5, Start = SimulatorOptions.DefaultManualStart }); // in regular hours whenever the test runs
        var port = LoopbackPort.Free();
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk
            .WithOptions(o => o with { Store = $"sqlite:{Path.Combine(_dir, "desk.db")}", Metrics = new MetricsSettings { Prometheus = $"127.0.0.1:{port}" } })
            .WithGateway("127.0.0.1", sim.Port, clientId: 8)
            .WithStrategy("rester", ctx => Props.Create(() => new Rester(ctx.Desk, ctx.Id, ctx.Options, working))));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { Timeout = Wait };
            var url = $"http://127.0.0.1:{port}/metrics";
            var before = await http.GetStringAsync(url);
            Assert.Equal(1, Value(before, "tradingdesk_gateway_connected"));
            Assert.Equal(0, Value(before, "tradingdesk_orders_total", "event=\"placed\""));

            var strategies = host.Services.GetRequiredService<Akka.Hosting.ActorRegistry>().Get<StrategyHost>();
            strategies.Tell(new StrategyHostMessages.SendToStrategy("rester", new Go()));
            await working.Task.WaitAsync(Wait);

            var after = await http.GetStringAsync(url);
            Assert.Equal(1, Value(after, "tradingdesk_orders_total", "event=\"placed\""));
            Assert.Equal(1, Value(after, "tradingdesk_orders_total", "event=\"acknowledged\""));
            Assert.True(Value(after, "tradingdesk_gateway_messages_sent_total", "priority=\"order\"") >= 1, after);
            Assert.True(Value(after, "tradingdesk_journal_write_duration_seconds_count") >= 1, after);
            Assert.True(Value(after, "tradingdesk_gateway_messages_sent_total", "priority=\"data\"") >= Value(before, "tradingdesk_gateway_messages_sent_total", "priority=\"data\""));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The sum of a series' samples whose labels contain <paramref name="label"/> (0 when none is exported yet).</summary>
    private static double Value(string scrape, string name, string? label = null) =>
        Sample().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[-0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
