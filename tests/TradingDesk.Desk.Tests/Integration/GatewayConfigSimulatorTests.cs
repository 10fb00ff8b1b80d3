using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>The gateway's configuration read and changed through the whole desk against the whole simulator.</summary>
public sealed class GatewayConfigSimulatorTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15))
{
    private async Task<(GatewaySimulator Sim, DeskClient Client)> StartAsync(int maxVersion = global::TradingDesk.Protocol.ServerVersions.Max)
    {
        var sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart, MaxVersion = maxVersion });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions { Port = sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return (sim, new DeskClient(desk));
    }

    [Fact]
    public async Task The_config_is_read_changed_and_read_again_with_the_change()
    {
        var (sim, client) = await StartAsync();
        await using var _ = sim;

        var before = await client.GetGatewayConfigAsync();
        Assert.Equal(60, before.Settings.Api!.BulkDataTimeout);
        Assert.NotEmpty(before.Settings.Messages);

        var updated = await client.UpdateGatewayConfigAsync(new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 120 } }, []));
        Assert.Equal(GatewayConfigUpdated.Success, updated.Status);
        Assert.Equal(["api.settings.bulkDataTimeout"], updated.ChangedFields);

        var after = await client.GetGatewayConfigAsync();
        Assert.Equal(120, after.Settings.Api!.BulkDataTimeout);
        Assert.Equal(before.Settings.Api.SocketPort, after.Settings.Api.SocketPort); // what the update did not name is unchanged
    }

    [Fact]
    public async Task An_update_the_gateway_refuses_comes_back_failed_with_its_errors_and_changes_nothing()
    {
        var (sim, client) = await StartAsync();
        await using var _ = sim;

        var updated = await client.UpdateGatewayConfigAsync(new UpdateGatewayConfig(
            new GatewaySettings { Api = new ApiSettings { LoggingLevel = "Chatty", BulkDataTimeout = 30 } }, []));

        Assert.Equal("FAILED", updated.Status);
        Assert.Contains(updated.Errors, e => e.Contains("loggingLevel", StringComparison.Ordinal));
        Assert.Equal(60, (await client.GetGatewayConfigAsync()).Settings.Api!.BulkDataTimeout);
    }

    [Fact]
    public async Task A_gateway_below_219_refuses_nothing_itself_the_desk_names_the_version_first()
    {
        var (sim, client) = await StartAsync(maxVersion: 218);
        await using var _ = sim;

        var refused = await Assert.ThrowsAsync<DeskRequestException>(() => client.GetGatewayConfigAsync());

        Assert.Contains("server version 219; this gateway is 218", Assert.IsType<InvalidRequest>(refused.Failure).Problem);
    }
}
