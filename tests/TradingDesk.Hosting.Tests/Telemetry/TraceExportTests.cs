using System.Net;
using System.Text;
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

/// <summary>TradingDesk:Metrics:Otlp pushes the orders' traces: a collector on loopback receives a filled order's spans.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed class TraceExportTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Strategy = "otlp-buyer";
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-traces-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed record Go;

    /// <summary>Buys at the market; completes the task with its first fill.</summary>
    private sealed class Buyer : StrategyActor
    {
        public Buyer(IActorRef desk, StrategyId id, StrategyOptions options, TaskCompletionSource filled) : base(desk, id, options)
        {
            Receive<OrderEvents.Filled>(_ => { filled.TrySetResult(); });
            Receive<OrderEvents.IOrderEvent>(_ => { });
            ReceiveAsync<Go>(async _ => await PlaceOrderAsync(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 10), referencePrice: 200m));
        }
    }

    [Fact]
    public async Task A_filled_orders_spans_reach_the_collector_over_otlp_http()
    {
        await using var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 7, Start = SimulatorOptions.DefaultManualStart }); // in regular hours whenever the test runs
        var port = LoopbackPort.Free();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        var filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk
            .WithOptions(o => o with
            {
                Store = $"sqlite:{Path.Combine(_dir, "desk.db")}",
                Metrics = new MetricsSettings { Otlp = $"http://127.0.0.1:{port}", OtlpProtocol = "http/protobuf", OtlpInterval = TimeSpan.FromMilliseconds(200) },
            })
            .WithGateway("127.0.0.1", sim.Port, clientId: 8)
            .WithStrategy(Strategy, ctx => Props.Create(() => new Buyer(ctx.Desk, ctx.Id, ctx.Options, filled))));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var strategies = host.Services.GetRequiredService<Akka.Hosting.ActorRegistry>().Get<StrategyHost>();
            strategies.Tell(new StrategyHostMessages.SendToStrategy(Strategy, new Go()));
            await filled.Task.WaitAsync(Wait);

            // Spans leave in batches as they end: gather what the collector receives until the whole order is there.
            using var deadline = new CancellationTokenSource(Wait);
            var received = new List<byte[]>();
            string[] spans = ["order.place", "order.desk", "order.risk", "order.journal", "order.pacer", "order.socket", "order.ack", "order.fill"];
            while (!spans.All(name => received.Any(body => Contains(body, name))))
                if (await NextTracesPostAsync(collector, deadline.Token) is { } body) received.Add(body);
            Assert.Contains(received, body => Contains(body, Strategy));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Answers one OTLP request (an empty ExportTraceServiceResponse); returns its body when it posted traces.</summary>
    private static async Task<byte[]?> NextTracesPostAsync(HttpListener collector, CancellationToken cancel)
    {
        var context = await collector.GetContextAsync().WaitAsync(cancel);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body, cancel);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
        context.Response.Close();
        return context.Request.Url?.AbsolutePath == "/v1/traces" ? body.ToArray() : null;
    }

    // Span names and attribute values travel as UTF-8 strings in the protobuf body.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
