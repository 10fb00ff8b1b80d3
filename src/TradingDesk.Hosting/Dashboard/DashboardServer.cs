using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// The dashboard's web server: its own Kestrel (HTTP/1.1; HTTPS with the configured certificate), separate from the
/// gRPC front. Serves the page, its style and script from the assembly's resources, the <c>/events</c> stream
/// (Server-Sent Events, one <c>snapshot</c> event per <see cref="DashboardSnapshot"/>) and the controls (POST, a
/// trading token when tokens are configured, and the <see cref="ControlHeader"/> so another site's form cannot post them).
/// </summary>
public static class DashboardServer
{
    /// <summary>Every control must carry this header: a cross-site form cannot set it, and a cross-site script would need CORS, which is never granted.</summary>
    public const string ControlHeader = "X-TradingDesk-Control";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/dashboard.css"] = "dashboard.css",
        ["/dashboard.js"] = "dashboard.js",
    };

    /// <summary>Starts listening and returns the running app with its bound address (the real port when 0 was asked).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(DashboardSettings settings, DashboardFeed feed, DashboardAccess access,
        DashboardControls controls, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!DashboardAddress.TryParse(settings.Listen, out var listen)) throw new ArgumentException($"not host:port: '{settings.Listen}'");
        var tls = !string.IsNullOrWhiteSpace(settings.CertificatePath);
        // An empty application: no configuration files or environment variables of ASP.NET's own decide where it listens.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            void Endpoint(ListenOptions l)
            {
                l.Protocols = HttpProtocols.Http1;
                if (tls) l.UseHttps(settings.CertificatePath!, settings.CertificatePassword);
            }
            if (listen.Address is null) kestrel.ListenLocalhost(listen.Port, Endpoint);
            else kestrel.Listen(listen.Address, listen.Port, Endpoint);
        });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        Map(app, feed, access, controls, tls, app.Lifetime.ApplicationStopping);
        await app.StartAsync(ct).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the dashboard's server reports no bound address");
        return (app, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    private static void Map(IEndpointRouteBuilder app, DashboardFeed feed, DashboardAccess access, DashboardControls controls, bool tls, CancellationToken stopping)
    {
        foreach (var (path, name) in Assets) app.MapGet(path, (HttpContext http) => Asset(http, name));
        app.MapGet("/api/session", (HttpContext http) => Json(http, 200, new { permission = Permission(http, access).ToString(), tokensRequired = access.TokensRequired }));
        app.MapPost("/api/session", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            var token = body.TryGetValue("token", out var t) ? t : null;
            var permission = access.Decide(token);
            if (permission == DashboardPermission.None) return Json(http, 401, new { message = "that token is not one of the desk's clients (desk token new NAME makes one)" });
            http.Response.Cookies.Append(DashboardAccess.Cookie, token!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = tls, Path = "/" });
            return Json(http, 200, new { permission = permission.ToString(), tokensRequired = access.TokensRequired });
        });
        app.MapGet("/api/snapshot", (HttpContext http) =>
            Permission(http, access) == DashboardPermission.None ? Json(http, 401, new { message = "sign in with a client token" })
            : feed.Latest is { } latest ? Results.Text(latest, "application/json") : Json(http, 503, new { message = "no snapshot yet" }));
        app.MapGet("/events", (HttpContext http) => Events(http, feed, access, stopping));
        // Typed as handlers returning a result: a bare HttpContext lambda returning a Task would be taken for a RequestDelegate.
        app.MapPost("/api/kill-switch", (Func<HttpContext, Task<IResult>>)(http => Control(http, access, body => controls.KillAsync(body.GetValueOrDefault("reason")))));
        app.MapPost("/api/kill-switch/release", (Func<HttpContext, Task<IResult>>)(http => Control(http, access, _ => controls.ReleaseAsync())));
        app.MapPost("/api/strategies/{name}/stop", (HttpContext http, string name) => Control(http, access, _ => controls.StopAsync(name)));
        app.MapPost("/api/strategies/{name}/start", (HttpContext http, string name) => Control(http, access, _ => controls.StartAsync(name)));
    }

    private static DashboardPermission Permission(HttpContext http, DashboardAccess access) =>
        access.Decide(DashboardAccess.TokenOf(http.Request.Headers.Authorization, http.Request.Cookies[DashboardAccess.Cookie]));

    /// <summary>
    /// The stream of one page, until the page goes or the server stops: a stop would otherwise wait for every open page's
    /// request to end (it never does by itself), holding up the desk's stop by the server's whole shutdown timeout.
    /// </summary>
    private static async Task Events(HttpContext http, DashboardFeed feed, DashboardAccess access, CancellationToken stopping)
    {
        if (Permission(http, access) == DashboardPermission.None)
        {
            http.Response.StatusCode = 401;
            return;
        }
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        // Ask the browser to come back after 2 s if the stream drops (the desk restarting, a proxy timing out).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        await http.Response.WriteAsync("retry: 2000\n\n", end.Token);
        await http.Response.Body.FlushAsync(end.Token);
        await foreach (var json in feed.Subscribe(end.Token))
        {
            try
            {
                await http.Response.WriteAsync($"event: snapshot\ndata: {json}\n\n", end.Token);
                await http.Response.Body.FlushAsync(end.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<IResult> Control(HttpContext http, DashboardAccess access, Func<Dictionary<string, string>, Task<ControlResult>> act)
    {
        var permission = Permission(http, access);
        if (permission == DashboardPermission.None) return Json(http, 401, new { message = "sign in with a trading client's token to use the controls" });
        if (permission != DashboardPermission.Trade) return Json(http, 403, new { message = "this token is read-only: the controls need a trading client's token" });
        if (!http.Request.Headers.ContainsKey(ControlHeader)) return Json(http, 400, new { message = $"a control must carry the {ControlHeader} header (the page sends it)" });
        Dictionary<string, string> body;
        try
        {
            body = await ReadAsync(http);
        }
        catch (JsonException)
        {
            return Json(http, 400, new { message = "the body must be a JSON object of strings, e.g. {\"reason\": \"…\"}" });
        }
        var result = await act(body);
        return Json(http, result.Status, new { message = result.Message });
    }

    /// <summary>A small JSON object of strings, or none; at most 4 KiB (every control's input is a word or a line).</summary>
    private static async Task<Dictionary<string, string>> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or 0) return [];
        if (http.Request.ContentLength > 4096) throw new JsonException("too long");
        return await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(http.Request.Body, DashboardFeed.Json, http.RequestAborted) ?? [];
    }

    private static IResult Json(HttpContext http, int status, object value)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(value, DashboardFeed.Json, statusCode: status);
    }

    private static IResult Asset(HttpContext http, string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"TradingDesk.Hosting.Dashboard.Assets.{name}");
        if (stream is null) return Results.NotFound();
        // The page never runs in a frame (a kill switch under someone else's page is a clickjacking target) and runs only its own script.
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8"
            : name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
        return Results.Stream(stream, type);
    }
}
