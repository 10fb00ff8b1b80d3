using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk run --dashboard</c>: refused in the user's words when it cannot be served safely, and its address printed at start.</summary>
public sealed class DashboardFlagTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-dashboard-flag-").FullName;

    public DashboardFlagTests() => File.WriteAllText(Path.Combine(_dir, "appsettings.json"), "{}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("8080", "--dashboard must be host:port with an IP address or localhost, for example 127.0.0.1:8080, not '8080'")]
    [InlineData("desk.example:8080", "--dashboard must be host:port with an IP address or localhost, for example 127.0.0.1:8080, not 'desk.example:8080'")]
    public void A_malformed_dashboard_address_is_refused_before_anything_starts(string listen, string expected)
    {
        var (code, _, stderr) = DeskCli.Run("run", "--dashboard", listen, "--config", _dir);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_off_this_machine_without_tls_and_tokens_is_refused_with_what_to_configure()
    {
        var (code, _, stderr) = DeskCli.Run("run", "--dashboard", "0.0.0.0:8080", "--duration", "5", "--config", _dir);

        Assert.Equal(2, code);
        Assert.Contains("TradingDesk:Dashboard:Listen 0.0.0.0:8080 is not a loopback address: serving the dashboard there needs a certificate " +
            "(TradingDesk:Dashboard:CertificatePath) for HTTPS and at least one client token (desk token new NAME)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Desk_run_serves_the_dashboard_and_prints_where()
    {
        var (code, stdout, stderr) = DeskCli.Run("run", "--dashboard", "127.0.0.1:0", "--strategies", "none", "--duration", "8", "--plain", "--config", _dir);

        Assert.True(code == 0, stderr);
        var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("desk run: dashboard on ", StringComparison.Ordinal));
        Assert.Matches(@"^desk run: dashboard on http://127\.0\.0\.1:\d+/ \(open to this machine: no client tokens\); see docs/operations\.md$", line.TrimEnd());
    }

    [Fact]
    public void Without_the_flag_desk_run_serves_no_dashboard()
    {
        var (code, stdout, stderr) = DeskCli.Run("run", "--strategies", "none", "--duration", "5", "--plain", "--config", _dir);

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("desk run: dashboard on", stdout, StringComparison.Ordinal);
    }
}
