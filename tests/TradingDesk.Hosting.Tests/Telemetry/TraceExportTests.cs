using System.Net;
using System.Text;
using System.Threading.Channels;
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
        // Answered from the start, as a collector is: an exporter left waiting on its first post blocks, and the spans
        // that every desk of this test process (the activity source is process-wide) ends meanwhile fill its queue,
        // which then drops spans, this order's among them.
        var traces = Channel.CreateUnbounded<byte[]>();
        var serving = ServeAsync(collector, traces.Writer);
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
            string[] Missing() => [.. spans.Where(name => !received.Any(body => Contains(body, name)))];
            while (Missing().Length > 0)
            {
                // Name the spans that never came rather than time out silently.
                try { received.Add(await traces.Reader.ReadAsync(deadline.Token)); }
                catch (OperationCanceledException) { Assert.Fail($"after {Wait.TotalSeconds:0} s the collector had no {string.Join(", ", Missing())} span"); }
            }
            Assert.Contains(received, body => Contains(body, Strategy));
        }
        finally
        {
            await host.StopAsync();
            collector.Stop();
            await serving;
        }
    }

    /// <summary>Answers every OTLP request (an empty ExportTraceServiceResponse) until the collector stops; trace bodies go to <paramref name="traces"/>.</summary>
    private static async Task ServeAsync(HttpListener collector, ChannelWriter<byte[]> traces)
    {
        try
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; } // stopped
                try
                {
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/x-protobuf";
                    context.Response.Close();
                    if (context.Request.Url?.AbsolutePath == "/v1/traces") traces.TryWrite(body.ToArray());
                }
                catch (Exception e) when (e is IOException or HttpListenerException)
                {
                    // One exporter gave up on its post (it sends the next batch anyway): the collector keeps serving.
                }
            }
        }
        finally
        {
            traces.TryComplete();
        }
    }

    // Span names and attribute values travel as UTF-8 strings in the protobuf body.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
