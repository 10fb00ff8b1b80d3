using IBApi.protobuf;
using TradingDesk.Protocol.TextOnly;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>API verification (text 200, protobuf 225) and the gateway configuration (protobuf only, 225).</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Verification_completes_unsuccessfully_on_a_gateway_that_does_not_use_it(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new VerifyRequest { ApiName = "desk", ApiVersion = "1" });
        var done = await client.ExpectAsync<VerifyCompleted>();
        Assert.False(done.IsSuccessful);
        Assert.Contains("not in use", done.ErrorText);
        await client.SendAsync(new VerifyMessageRequest { ApiData = "x" });
        Assert.False((await client.ExpectAsync<VerifyCompleted>()).IsSuccessful);
        await client.SendAsync(new VerifyAndAuthRequest { ApiName = "desk", ApiVersion = "1", OpaqueIsvKey = "k" });
        Assert.False((await client.ExpectAsync<VerifyAndAuthCompleted>()).IsSuccessful);
    }

    [Fact]
    public async Task Config_reports_the_settings_and_an_update_changes_only_what_it_sets()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(new ConfigRequest { ReqId = 111 });
        var config = await client.ExpectAsync<ConfigResponse>();
        Assert.Equal(111, config.ReqId);
        Assert.False(config.Api.Settings.ReadOnlyApi);
        Assert.Equal(4002, config.Api.Settings.SocketPort);

        await client.SendAsync(new UpdateConfigRequest { ReqId = 112, Api = new ApiConfig { Settings = new ApiSettingsConfig { ReadOnlyApi = true, SocketPort = 4002 } } });
        var updated = await client.ExpectAsync<UpdateConfigResponse>();
        Assert.Equal((112, "SUCCESS"), (updated.ReqId, updated.Status));
        Assert.Equal(["api.settings.readOnlyApi"], updated.ChangedFields);

        await client.SendAsync(Order(next, "BUY", "1", "MKT"));
        var refused = await client.ExpectAsync<ErrorMessage>(e => e.Id == next);
        Assert.Equal(321, refused.ErrorCode);
        Assert.Contains("Read-Only mode", refused.ErrorMsg);

        await client.SendAsync(new ConfigRequest { ReqId = 113 });
        var after = await client.ExpectAsync<ConfigResponse>();
        Assert.True(after.Api.Settings.ReadOnlyApi);
        Assert.Equal("Error", after.Api.Settings.LoggingLevel);
    }

    [Fact]
    public async Task An_invalid_update_fails_whole_with_its_errors()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var client = await sim.ClientAsync();
        await client.SendAsync(new UpdateConfigRequest
        {
            ReqId = 114,
            Api = new ApiConfig { Settings = new ApiSettingsConfig { LoggingLevel = "Loud", ReadOnlyApi = true } },
        });
        var failed = await client.ExpectAsync<UpdateConfigResponse>();
        Assert.Equal((114, "FAILED"), (failed.ReqId, failed.Status));
        Assert.Contains(failed.Errors, e => e.Contains("loggingLevel"));
        await client.SendAsync(new ConfigRequest { ReqId = 115 });
        Assert.False((await client.ExpectAsync<ConfigResponse>()).Api.Settings.ReadOnlyApi);
    }
}
