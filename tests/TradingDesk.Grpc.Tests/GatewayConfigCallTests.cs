using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The gateway's configuration over gRPC against a real desk and the simulator, and what the front refuses.</summary>
public sealed class GatewayConfigCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.UpdateGatewayConfig Timeout(int seconds) =>
        new() { Changes = new W.GatewaySettings { Api = new W.ApiSettings { BulkDataTimeout = seconds } } };

    [Fact]
    public async Task A_reader_reads_the_config_and_a_trader_changes_it()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var config = await desk.Client.GetGatewayConfigAsync(new W.GetGatewayConfig(), GrpcDesk.Reader);
        Assert.True(config.Settings.Api.HasSocketPort);
        Assert.False(config.Settings.Api.HasUseNegativeAutoRange); // the simulator does not send it: absent, not false

        var updated = await desk.Client.UpdateGatewayConfigAsync(Timeout(90), GrpcDesk.Trader);

        Assert.Equal("SUCCESS", updated.Status);
        Assert.Equal(["api.settings.bulkDataTimeout"], updated.ChangedFields);
        Assert.Equal(90, (await desk.Client.GetGatewayConfigAsync(new W.GetGatewayConfig(), GrpcDesk.Reader)).Settings.Api.BulkDataTimeout);
    }

    [Fact]
    public async Task A_read_only_client_cannot_change_the_config()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.UpdateGatewayConfigAsync(Timeout(90), GrpcDesk.Reader).ResponseAsync);
        Assert.Empty(await desk.HandledAsync<UpdateConfigRequest>());
    }

    [Fact]
    public async Task A_bad_value_is_invalid_argument_in_the_callers_words_and_never_reaches_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var failure = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.UpdateGatewayConfigAsync(
            new W.UpdateGatewayConfig { Changes = new W.GatewaySettings { Api = new W.ApiSettings { TrustedIps = { "not-an-ip" } } } }, GrpcDesk.Trader).ResponseAsync);
        Assert.Contains("trusted IP 'not-an-ip' is not an IP address", Calls.Failure(failure).InvalidRequest.Problem);
        var empty = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.UpdateGatewayConfigAsync(new W.UpdateGatewayConfig { Changes = new W.GatewaySettings() }, GrpcDesk.Trader).ResponseAsync);
        Assert.Contains("changes nothing", Calls.Failure(empty).InvalidRequest.Problem);
        Assert.Empty(await desk.HandledAsync<UpdateConfigRequest>());
    }
}
