using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Hosting.Dashboard;

namespace TradingDesk.Hosting.Telemetry;

/// <summary>
/// Exports the desk's meter (<see cref="DeskMetrics.MeterName"/>) through OpenTelemetry's SDK when
/// <c>TradingDesk:Metrics</c> asks for it: a Prometheus scrape endpoint, an OTLP push, or both; and with OTLP the
/// orders' traces (<see cref="DeskTracing.SourceName"/>). Nothing is registered otherwise, so a desk without exports
/// pays nothing (no listener enables the instruments or starts a span).
/// </summary>
public static class MetricsExport
{
    internal static void AddMetricsExport(this IServiceCollection services, TradingDeskOptions options)
    {
        var metrics = options.Metrics;
        if (!metrics.PrometheusEnabled && !metrics.OtlpEnabled) return;
        var otel = services.AddOpenTelemetry();
        otel.ConfigureResource(r => r.AddService("tradingdesk", serviceInstanceId: Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddMeter(DeskMetrics.MeterName);
                if (metrics.PrometheusEnabled)
                    m.AddPrometheusHttpListener(o =>
                    {
                        (o.Host, o.Port) = HostAndPort(metrics);
                        o.ScrapeEndpointPath = "/metrics";
                        o.ScrapeResponseCacheDurationMilliseconds = 0; // every scrape reads the meters now
                    });
                if (metrics.OtlpEnabled)
                    m.AddOtlpExporter((exporter, reader) =>
                    {
                        Collector(exporter, metrics, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)metrics.OtlpInterval.TotalMilliseconds;
                    });
            });
        if (metrics.TracesEnabled)
            otel.WithTracing(t => t
                .AddSource(DeskTracing.SourceName)
                .AddOtlpExporter(exporter =>
                {
                    Collector(exporter, metrics, "v1/traces");
                    exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)metrics.OtlpInterval.TotalMilliseconds;
                }));
    }

    /// <summary>
    /// The collector's address and protocol. Over http/protobuf a signal's path is appended as OTLP asks when the
    /// endpoint is given in code (the SDK does so only for its environment variable).
    /// </summary>
    private static void Collector(OtlpExporterOptions exporter, MetricsSettings metrics, string signalPath)
    {
        var grpc = metrics.OtlpProtocol == "grpc";
        exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = grpc ? new Uri(metrics.Otlp!) : new Uri(metrics.Otlp!.TrimEnd('/') + "/" + signalPath);
    }

    /// <summary>The scrape address as <c>desk run</c> prints it: http://host:port/metrics.</summary>
    public static string ScrapeUrl(MetricsSettings metrics)
    {
        var (host, port) = HostAndPort(metrics);
        return $"http://{host}:{port}/metrics";
    }

    private static (string Host, int Port) HostAndPort(MetricsSettings metrics)
    {
        DashboardAddress.TryParse(metrics.Prometheus, out var address); // validated at start
        var host = address.Address is null ? "localhost"
            : address.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address.Address}]" : address.Address.ToString();
        return (host, address.Port);
    }
}
