using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Hosting.Dashboard;

namespace TradingDesk.Hosting.Telemetry;

/// <summary>
/// Exports the desk's meter (<see cref="DeskMetrics.MeterName"/>) through OpenTelemetry's SDK when
/// <c>TradingDesk:Metrics</c> asks for it: a Prometheus scrape endpoint, an OTLP push, or both. Nothing is registered
/// otherwise, so a desk without exports pays nothing (no listener enables the instruments).
/// </summary>
public static class MetricsExport
{
    internal static void AddMetricsExport(this IServiceCollection services, TradingDeskOptions options)
    {
        var metrics = options.Metrics;
        if (!metrics.PrometheusEnabled && !metrics.OtlpEnabled) return;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tradingdesk", serviceInstanceId: Environment.MachineName))
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
                        exporter.Endpoint = new Uri(metrics.Otlp!);
                        exporter.Protocol = metrics.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)metrics.OtlpInterval.TotalMilliseconds;
                    });
            });
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
