using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using DeskClient = TradingDesk.Client.DeskClient;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The .NET client's gateway-config and display-group methods against the real front, desk and simulator: what a
/// client application sees, typed.
/// </summary>
public sealed class ClientSessionSurfaceTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_gateway_config_is_read_typed_and_an_update_names_what_it_changed()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);

        var before = await client.GetGatewayConfigAsync();
        Assert.Equal(4002, before.Api!.SocketPort);
        Assert.Null(before.Api.UseNegativeAutoRange); // not sent by the gateway

        var result = await client.UpdateGatewayConfigAsync(new GatewaySettings { SmartRouting = new SmartRoutingSettings { DoNotRouteToDarkPools = true } });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["orders.smartRouting.doNotRouteToDarkPools"], result.ChangedFields);
        Assert.True((await client.GetGatewayConfigAsync()).SmartRouting!.DoNotRouteToDarkPools);
    }

    [Fact]
    public async Task A_display_group_stream_opens_with_its_subscription_and_shows_the_update()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);
        using var timeout = new CancellationTokenSource(Wait);
        await using var items = client.DisplayGroup(4, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await items.MoveNextAsync());
        var opened = Assert.IsType<DisplayGroupOpened>(items.Current);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal(opened.Subscription, Assert.IsType<DisplayGroupShows>(items.Current).Subscription); // what the group shows now

        Assert.Equal("8314@SMART", await client.UpdateDisplayGroupAsync(opened.Subscription, "8314@SMART", timeout.Token));

        Assert.True(await items.MoveNextAsync());
        Assert.Equal("8314@SMART", Assert.IsType<DisplayGroupShows>(items.Current).ContractInfo);
    }

    [Fact]
    public async Task A_read_only_client_is_refused_the_update_as_permission_denied()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);

        var refused = await Assert.ThrowsAnyAsync<DeskCallException>(() => client.UpdateGatewayConfigAsync(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 90 } }));

        Assert.Equal(global::Grpc.Core.StatusCode.PermissionDenied, refused.StatusCode);
    }
}
