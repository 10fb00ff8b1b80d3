using TradingDesk.Hosting.Dashboard;

namespace TradingDesk.Hosting.Telemetry;

/// <summary>
/// The <c>TradingDesk:Metrics</c> section: where the desk's meters (docs/operations.md lists them) are exported.
/// Both exports are off by default; either or both may be on.
/// </summary>
public sealed record MetricsSettings
{
    /// <summary>
    /// "host:port" of a Prometheus scrape endpoint served at <c>http://host:port/metrics</c>, e.g. "127.0.0.1:9464".
    /// Default null: none. The endpoint has no authentication: serve it on loopback, or on an address only your
    /// Prometheus reaches.
    /// </summary>
    public string? Prometheus { get; init; }

    /// <summary>An OTLP collector to push to, e.g. "http://127.0.0.1:4317". Default null: no OTLP export.</summary>
    public string? Otlp { get; init; }

    /// <summary>"grpc" (port 4317 by convention) or "http/protobuf" (4318). Default "grpc".</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>How often the OTLP export pushes (metrics, and the batch of finished spans). Default 15 s.</summary>
    public TimeSpan OtlpInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// With <see cref="Otlp"/>: also push the orders' traces there (one trace per order, from the strategy's placement
    /// to its fills; docs/operations.md). Default true; false pushes metrics only.
    /// </summary>
    public bool OtlpTraces { get; init; } = true;

    public bool PrometheusEnabled => !string.IsNullOrWhiteSpace(Prometheus);

    public bool TracesEnabled => OtlpEnabled && OtlpTraces;

    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(Otlp);

    internal void Validate(string at)
    {
        TradingDeskOptions.Positive($"{at}:OtlpInterval", OtlpInterval);
        if (PrometheusEnabled && (!DashboardAddress.TryParse(Prometheus, out var address) || address.Port == 0))
            throw new InvalidSettingException($"{at}:Prometheus", $"{at}:Prometheus must be host:port with an IP address or localhost and a port other than 0 (for example 127.0.0.1:9464), not '{Prometheus}'");
        if (OtlpEnabled && (!Uri.TryCreate(Otlp, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw new InvalidSettingException($"{at}:Otlp", $"{at}:Otlp must be an http:// or https:// address of an OTLP collector (for example http://127.0.0.1:4317), not '{Otlp}'");
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
            throw new InvalidSettingException($"{at}:OtlpProtocol", $"{at}:OtlpProtocol must be grpc or http/protobuf, not '{OtlpProtocol}'");
    }
}
