using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc;
using TradingDesk.Hosting.Dashboard;
using Xunit;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>
/// The dashboard's server over HTTP with tokens configured, the desk and the strategy host played by probes: who may
/// see and do what, bad input refused before anything is sent, the controls' commands and answers, the event stream.
/// </summary>
public sealed class DashboardServerTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string TradingToken = "tdk_trading-token";
    private const string ReadOnlyToken = "tdk_read-only-token";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Akka.TestKit.TestProbe _desk;
    private readonly Akka.TestKit.TestProbe _host;
    private readonly DashboardFeed _feed = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public DashboardServerTests()
    {
        _desk = CreateTestProbe();
        _host = CreateTestProbe();
    }

    public async Task InitializeAsync()
    {
        var access = new DashboardAccess(
        [
            new GrpcClientSettings { Name = "trader", TokenSha256 = AccessTokens.Hash(TradingToken), Access = GrpcAccess.Trading },
            new GrpcClientSettings { Name = "viewer", TokenSha256 = AccessTokens.Hash(ReadOnlyToken), Access = GrpcAccess.ReadOnly },
        ]);
        var props = Props.Create(() => new BlackHole());
        var controls = new DashboardControls(_desk.Ref, _host.Ref, name => name == "alpha" ? props : null, Wait);
        (_app, var address) = await DashboardServer.StartAsync(new DashboardSettings { Listen = "127.0.0.1:0" }, _feed, access, controls, NullLoggerFactory.Instance, CancellationToken.None);
        _http = new HttpClient { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private sealed class BlackHole : ReceiveActor
    {
        public BlackHole() => ReceiveAny(_ => { });
    }

    private async Task<(HttpStatusCode Status, string Message)> PostAsync(string path, string? token, object? body = null, bool header = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (header) request.Headers.Add(DashboardServer.ControlHeader, "1");
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task The_page_is_served_to_anyone_but_it_may_not_be_framed_and_its_data_needs_a_token()
    {
        using var page = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/dashboard.js\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/dashboard.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/api/snapshot")).StatusCode);
        Assert.Contains("\"permission\":\"None\"", await _http.GetStringAsync("/api/session"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_with_a_client_token_sets_an_http_only_strict_cookie_and_a_wrong_token_is_refused()
    {
        using var wrong = await _http.PostAsync("/api/session", new StringContent("{\"token\":\"tdk_nobody\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await _http.PostAsync("/api/session", new StringContent($"{{\"token\":\"{ReadOnlyToken}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"permission\":\"View\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kill_switch_needs_a_trading_token_the_control_header_and_a_one_line_reason_and_nothing_is_sent_before()
    {
        Assert.Equal((HttpStatusCode.Unauthorized, "sign in with a trading client's token to use the controls"), await PostAsync("/api/kill-switch", null, new { reason = "x" }));
        Assert.Equal((HttpStatusCode.Forbidden, "this token is read-only: the controls need a trading client's token"), await PostAsync("/api/kill-switch", ReadOnlyToken, new { reason = "x" }));
        Assert.Equal((HttpStatusCode.BadRequest, "a control must carry the X-TradingDesk-Control header (the page sends it)"),
            await PostAsync("/api/kill-switch", TradingToken, new { reason = "x" }, header: false));
        Assert.Equal((HttpStatusCode.BadRequest, "the reason contains a control character (a line break, a tab …): write it on one line"),
            await PostAsync("/api/kill-switch", TradingToken, new { reason = "stop\nnow" }));
        Assert.Equal((HttpStatusCode.BadRequest, "give a reason for the kill switch (it is journaled and logged with it)"), await PostAsync("/api/kill-switch", TradingToken));

        var pressed = PostAsync("/api/kill-switch", TradingToken, new { reason = "  runaway strategy " });
        // The first command the desk sees is this one: none of the refused ones reached it.
        Assert.Equal("runaway strategy", _desk.ExpectMsg<OrderCommands.ActivateKillSwitch>(Wait).Reason);
        _desk.Reply(new OrderEvents.KillSwitchActivated("runaway strategy", [new OrderId(3), new OrderId(4)], DateTimeOffset.UtcNow));
        Assert.Equal((HttpStatusCode.OK, "kill switch on: 2 working order(s) cancelled, new orders refused until released"), await pressed);

        var released = PostAsync("/api/kill-switch/release", TradingToken);
        _desk.ExpectMsg<OrderCommands.ReleaseKillSwitch>(Wait);
        _desk.Reply(new OrderEvents.KillSwitchReleased(DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, (await released).Status);
    }

    [Fact]
    public async Task Strategies_stop_and_start_through_the_strategy_host_and_an_unknown_one_is_refused_by_name()
    {
        Assert.Equal((HttpStatusCode.NotFound, "no strategy named 'ghost' is hosted here"), await PostAsync("/api/strategies/ghost/stop", TradingToken));
        var stop = PostAsync("/api/strategies/alpha/stop", TradingToken);
        Assert.Equal("alpha", _host.ExpectMsg<StopStrategy>(Wait).Name);
        _host.Reply(new StrategyStopped("alpha"));
        Assert.Equal(HttpStatusCode.OK, (await stop).Status);

        var start = PostAsync("/api/strategies/alpha/start", TradingToken);
        Assert.Equal("alpha", _host.ExpectMsg<StartStrategy>(Wait).Name);
        // The host's own refusal reaches the page in its words.
        _host.Reply(new RequestFailed(new StartStrategy("alpha", Props.Empty), new InvalidRequest("a strategy named 'alpha' is already Running")));
        Assert.Equal((HttpStatusCode.Conflict, "a strategy named 'alpha' is already Running"), await start);
    }

    [Fact]
    public async Task Stopping_the_server_ends_an_open_event_stream_instead_of_waiting_for_the_page_to_leave()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadOnlyToken);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 2000", await reader.ReadLineAsync().WaitAsync(Wait));
        // Kestrel waits up to its shutdown timeout (longer than Wait) for open requests: the stop is quick only if the stream ends.
        var stopped = _app!.StopAsync();
        string? line;
        do line = await reader.ReadLineAsync().WaitAsync(Wait);
        while (line is not null);
        await stopped.WaitAsync(Wait);
    }

    [Fact]
    public async Task The_event_stream_sends_the_latest_snapshot_to_a_page_that_connects()
    {
        var state = new DashboardState { Endpoint = "sim", MessageLimit = 45, HistoryLength = 10 };
        var desk = new DeskSnapshot("Connected", null, [new StrategyTotals("alpha", "Running", 1, 1, 1, 0, 0, new Dictionary<string, decimal>(), 0m, 12.34m)], [], [], [], DateTimeOffset.UtcNow);
        _feed.Publish(state.Build(desk, new Dictionary<string, string>(), new HashSet<string>(), new ClusterPanel(false, null, null, []), true).Snapshot);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadOnlyToken);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? line;
        while ((line = await reader.ReadLineAsync().WaitAsync(Wait)) != "event: snapshot") Assert.NotNull(line);
        var data = (await reader.ReadLineAsync().WaitAsync(Wait))!;
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        var json = JsonDocument.Parse(data["data: ".Length..]).RootElement;
        Assert.Equal(12.34m, json.GetProperty("deskPnl").GetDecimal());
        Assert.Equal("alpha", json.GetProperty("strategies")[0].GetProperty("name").GetString());
    }
}
