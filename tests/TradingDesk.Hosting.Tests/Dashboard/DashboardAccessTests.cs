using Microsoft.Extensions.Configuration;
using TradingDesk.Grpc;
using TradingDesk.Hosting.Dashboard;
using Xunit;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>Who may view and who may use the controls, and which addresses the dashboard may be served on.</summary>
public sealed class DashboardAccessTests
{
    private const string TradingToken = "tdk_trading-token";
    private const string ReadOnlyToken = "tdk_read-only-token";

    private static readonly GrpcClientSettings[] Clients =
    [
        new() { Name = "trader", TokenSha256 = AccessTokens.Hash(TradingToken), Access = GrpcAccess.Trading },
        new() { Name = "viewer", TokenSha256 = AccessTokens.Hash(ReadOnlyToken), Access = GrpcAccess.ReadOnly },
    ];

    [Fact]
    public void Without_configured_tokens_everyone_who_reaches_the_page_may_trade()
    {
        var access = new DashboardAccess([]);
        Assert.False(access.TokensRequired);
        Assert.Equal(DashboardPermission.Trade, access.Decide(null));
    }

    [Theory]
    [InlineData(TradingToken, DashboardPermission.Trade)]
    [InlineData(ReadOnlyToken, DashboardPermission.View)]
    [InlineData("tdk_someone-else", DashboardPermission.None)]
    [InlineData("", DashboardPermission.None)]
    [InlineData(null, DashboardPermission.None)]
    public void With_tokens_a_trading_token_trades_a_read_only_one_views_and_anything_else_gets_nothing(string? token, DashboardPermission expected) =>
        Assert.Equal(expected, new DashboardAccess(Clients).Decide(token));

    [Theory]
    [InlineData("Bearer abc", "cookie", "abc")]
    [InlineData(null, "cookie", "cookie")]
    [InlineData("Basic abc", null, null)]
    [InlineData(null, "", null)]
    public void The_token_comes_from_the_authorization_header_else_the_cookie(string? authorization, string? cookie, string? expected) =>
        Assert.Equal(expected, DashboardAccess.TokenOf(authorization, cookie));

    [Theory]
    [InlineData("127.0.0.1:8080", true, 8080)]
    [InlineData("localhost:0", true, 0)]
    [InlineData("[::1]:8080", true, 8080)]
    [InlineData("0.0.0.0:8080", false, 8080)]
    [InlineData("10.1.2.3:443", false, 443)]
    public void Addresses_parse_to_an_ip_and_port_and_say_whether_they_are_loopback(string text, bool loopback, int port)
    {
        Assert.True(DashboardAddress.TryParse(text, out var address));
        Assert.Equal((loopback, port), (address.IsLoopback, address.Port));
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("dashboard.example:8080")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1:8080")]
    [InlineData("")]
    public void Malformed_addresses_are_refused(string text) => Assert.False(DashboardAddress.TryParse(text, out _));

    private static TradingDeskOptions With(DashboardSettings dashboard, params GrpcClientSettings[] clients) =>
        new() { Dashboard = dashboard, Grpc = new GrpcSettings { Clients = clients } };

    [Fact]
    public void A_loopback_dashboard_needs_neither_tls_nor_tokens()
    {
        With(new DashboardSettings { Listen = "127.0.0.1:8080" }).Validated();
        Assert.False(new TradingDeskOptions().Dashboard.Enabled);
    }

    [Fact]
    public void A_non_loopback_dashboard_without_tls_and_tokens_is_refused_at_start_saying_what_is_missing()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => With(new DashboardSettings { Listen = "0.0.0.0:8080" }).Validated());
        Assert.Equal("TradingDesk:Dashboard:Listen", ex.Setting);
        Assert.Equal("TradingDesk:Dashboard:Listen 0.0.0.0:8080 is not a loopback address: serving the dashboard there needs a certificate " +
            "(TradingDesk:Dashboard:CertificatePath) for HTTPS and at least one client token (desk token new NAME); or serve it on 127.0.0.1 (see docs/operations.md)", ex.Message);
        // Tokens alone are not enough: they would cross the network in the clear.
        var tokensOnly = Assert.Throws<InvalidSettingException>(() => With(new DashboardSettings { Listen = "0.0.0.0:8080" }, Clients).Validated());
        Assert.Contains("needs a certificate (TradingDesk:Dashboard:CertificatePath) for HTTPS; or serve it on 127.0.0.1", tokensOnly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_dashboard_with_a_certificate_and_tokens_is_accepted()
    {
        var pfx = Path.GetTempFileName();
        try
        {
            With(new DashboardSettings { Listen = "0.0.0.0:8443", CertificatePath = pfx }, Clients).Validated();
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Theory]
    [InlineData("desk:8080", "TradingDesk:Dashboard:Listen must be host:port with an IP address or localhost (for example 127.0.0.1:8080), not 'desk:8080'")]
    public void A_malformed_listen_address_is_refused_in_the_users_words(string listen, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidSettingException>(() => With(new DashboardSettings { Listen = listen }).Validated()).Message);

    [Fact]
    public void The_dashboard_section_binds_from_config_and_an_unknown_key_in_it_is_an_error()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TradingDesk:Dashboard:Listen"] = "127.0.0.1:8081",
            ["TradingDesk:Dashboard:Interval"] = "500ms",
        }).Build();
        var options = DeskConfiguration.BindOptions(config);
        Assert.Equal(("127.0.0.1:8081", TimeSpan.FromMilliseconds(500)), (options.Dashboard.Listen, options.Dashboard.Interval));
        var typo = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TradingDesk:Dashboard:Listn"] = "127.0.0.1:8081",
        }).Build();
        Assert.Contains("Listn", Assert.Throws<DeskStartException>(() => DeskConfiguration.BindOptions(typo)).Message, StringComparison.Ordinal);
    }
}
