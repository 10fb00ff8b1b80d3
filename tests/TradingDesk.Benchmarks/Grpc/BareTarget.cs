using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// The baseline: a bare gRPC server (Kestrel, HTTP/2 only, h2c on 127.0.0.1:0, set up as the front sets up its own)
/// whose service implements only StreamMarketData, writing <see cref="W.MarketDataEvent"/>s from an unbounded channel
/// to the response: no desk, no actors, no credit window, no conflation. A tick is a MarketDataEvent{tick} built on the
/// pushing thread with the same fields the front's carry (subscription, type, price, size, local time) and put on the
/// channel; the client is the same generated stub on the same kind of channel.
/// </summary>
internal static class BareTarget
{
    public static async Task<StreamTarget> StartAsync()
    {
        var ticks = Channel.CreateUnbounded<W.MarketDataEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new BareService(ticks.Reader));
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<BareService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var channel = GrpcChannel.ForAddress(address);
        var call = new W.TradingDesk.TradingDeskClient(channel).StreamMarketData(new W.SubscribeMarketData());
        await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(20));
        return new StreamTarget(channel, call, type => ticks.Writer.TryWrite(Event(type)), async () =>
        {
            ticks.Writer.TryComplete();
            await app.StopAsync();
            await app.DisposeAsync();
        });
    }

    private static W.MarketDataEvent Event(int type)
    {
        var now = DateTimeOffset.UtcNow;
        return new W.MarketDataEvent
        {
            Tick = new W.Tick
            {
                Subscription = 1, Type = type, Price = "101.25", Size = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), Attributes = 0,
                LocalTime = new W.Instant { UnixSeconds = now.ToUnixTimeSeconds(), Nanos = (int)(now.Ticks % TimeSpan.TicksPerSecond) * 100 },
            },
        };
    }

    /// <summary>One server-streaming method: drains the channel into the response.</summary>
    internal sealed class BareService(ChannelReader<W.MarketDataEvent> ticks) : W.TradingDesk.TradingDeskBase
    {
        public override async Task StreamMarketData(W.SubscribeMarketData request, IServerStreamWriter<W.MarketDataEvent> responseStream, ServerCallContext context)
        {
            await context.WriteResponseHeadersAsync([]);
            try
            {
                await foreach (var e in ticks.ReadAllAsync(context.CancellationToken)) await responseStream.WriteAsync(e, context.CancellationToken);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // The client ended the call.
            }
        }
    }
}
