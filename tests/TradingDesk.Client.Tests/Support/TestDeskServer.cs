using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Client.Tests.Support;

/// <summary>The scripted desk on Kestrel: loopback, a free port, HTTP/2 without TLS (h2c), as the desk's own front runs.</summary>
public sealed class TestDeskServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestDeskServer(WebApplication app, DeskScript script, string address)
    {
        _app = app;
        Script = script;
        Address = address;
    }

    public DeskScript Script { get; }

    /// <summary>http://127.0.0.1:port</summary>
    public string Address { get; }

    /// <summary>127.0.0.1:port, the form grpc-js takes.</summary>
    public string HostPort => new Uri(Address).Authority;

    public static async Task<TestDeskServer> StartAsync(DeskScript? script = null)
    {
        script ??= new DeskScript();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(script);
        builder.Services.AddGrpc(o => o.Interceptors.Add<BearerCheck>());
        var app = builder.Build();
        app.MapGrpcService<ScriptedDesk>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestDeskServer(app, script, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
