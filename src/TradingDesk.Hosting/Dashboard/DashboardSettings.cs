namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// The <c>TradingDesk:Dashboard</c> section: the live web dashboard (docs/operations.md). Default: off
/// (<see cref="Listen"/> null). Its tokens are the gRPC front's clients (<c>config/clients.json</c>, written by
/// <c>desk token new</c>): with none configured the page is open to whoever reaches the address, which is why only a
/// loopback address is allowed then; with some, viewing needs any client's token and the controls a trading one.
/// </summary>
public sealed record DashboardSettings
{
    /// <summary>
    /// "host:port" to serve the dashboard on, e.g. "127.0.0.1:8080" (port 0: any free port). Default null: no dashboard.
    /// A loopback address serves plain HTTP; any other address needs <see cref="CertificatePath"/> and at least one
    /// client token, and is refused at start without them. <c>desk run --dashboard ADDRESS</c> overrides it.
    /// </summary>
    public string? Listen { get; init; }

    /// <summary>A PKCS#12 (.pfx) certificate with its private key, for HTTPS. Default null: plain HTTP (loopback only).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The certificate's password. Default null. Better set through TRADINGDESK_TradingDesk__Dashboard__CertificatePassword.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>How often the page is sent a new snapshot. Default 1 s (the pacer reports once a second).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many snapshots the charts keep (at <see cref="Interval"/>, 600 is ten minutes). Default 600.</summary>
    public int History { get; init; } = 600;

    /// <summary>True when the dashboard is to be served.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);

    /// <summary>Never prints the certificate's password.</summary>
    public override string ToString() => $"DashboardSettings {{ Listen = {Listen}, Tls = {CertificatePath is not null} }}";

    internal void Validate(string at, GrpcSettings grpc)
    {
        TradingDeskOptions.Positive($"{at}:Interval", Interval);
        if (History is < 2 or > 100_000) throw new InvalidSettingException($"{at}:History", $"{at}:History must be 2..100000 snapshots, not {History}");
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
            throw new InvalidSettingException($"{at}:CertificatePath", $"{at}:CertificatePath: no file {Path.GetFullPath(CertificatePath)}");
        if (!Enabled) return;
        if (!DashboardAddress.TryParse(Listen, out var address))
            throw new InvalidSettingException($"{at}:Listen", $"{at}:Listen must be host:port with an IP address or localhost (for example 127.0.0.1:8080), not '{Listen}'");
        if (address.IsLoopback) return;
        // Off loopback the page (and its kill switch) would be open to the network: refused unless both encrypted and locked.
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(CertificatePath)) missing.Add($"a certificate ({at}:CertificatePath) for HTTPS");
        if (grpc.Clients.Length == 0) missing.Add("at least one client token (desk token new NAME)");
        if (missing.Count > 0)
            throw new InvalidSettingException($"{at}:Listen",
                $"{at}:Listen {Listen} is not a loopback address: serving the dashboard there needs {string.Join(" and ", missing)}; or serve it on 127.0.0.1 (see docs/operations.md)");
    }
}
