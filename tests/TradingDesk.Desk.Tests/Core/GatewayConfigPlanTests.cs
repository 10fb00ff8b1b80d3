using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using Xunit;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure gateway-config plans and their validation: what reaches the wire, what comes back, what is refused first.</summary>
public sealed class GatewayConfigPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_config_reply_keeps_what_the_gateway_did_not_send_as_null()
    {
        var plan = new GatewayConfigPlan(new GetGatewayConfig());
        Assert.Equal(41, Assert.IsType<ConfigRequest>(plan.Build(41)).ReqId);
        var reply = new ConfigResponse
        {
            ReqId = 41,
            Api = new ApiConfig { Settings = new ApiSettingsConfig { ReadOnlyApi = false, SocketPort = 4002, TrustedIPs = { "10.0.0.1" }, ShowForexDataIn110Pips = true } },
            Messages = { new MessageConfig { Id = 3, Title = "Cross Side Warning", Enabled = false } },
        };

        var config = Assert.IsType<GatewayConfig>(Assert.IsType<Step.Complete>(plan.Accept(reply, Now)).Reply);

        var api = config.Settings.Api!;
        Assert.Equal((false, 4002, true), (api.ReadOnlyApi, api.SocketPort, api.ShowForexDataInTenthPips));
        Assert.Null(api.BulkDataTimeout); // not sent: not a zero
        Assert.Equal(["10.0.0.1"], api.TrustedIps);
        Assert.Null(config.Settings.Precautions);
        Assert.Null(config.Settings.LockAndExit);
        Assert.Null(config.Settings.SmartRouting);
        var message = Assert.Single(config.Settings.Messages);
        Assert.Equal((3, "Cross Side Warning", (bool?)false, (string?)null), (message.Id, message.Title, message.Enabled, message.DefaultAction));
        Assert.Equal(Now, config.LocalTime);
    }

    [Fact]
    public void An_update_carries_only_the_settings_it_changes()
    {
        var update = new UpdateGatewayConfig(
            new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 120, ReadOnlyApi = false }, SmartRouting = new SmartRoutingSettings { DoNotRouteToDarkPools = true } },
            [new ConfigWarning(17, "Careful", "Are you sure?")]);

        var request = Assert.IsType<UpdateConfigRequest>(new UpdateGatewayConfigPlan(update).Build(52));

        Assert.Equal(52, request.ReqId);
        var settings = request.Api.Settings;
        Assert.Equal((120, false), (settings.BulkDataTimeout, settings.ReadOnlyApi));
        Assert.True(settings.HasReadOnlyApi); // false was asked for: it goes on the wire
        Assert.False(settings.HasSocketPort);
        Assert.False(settings.HasLoggingLevel);
        Assert.Null(request.Api.Precautions);
        Assert.Null(request.LockAndExit);
        Assert.True(request.Orders.SmartRouting.DoNotRouteToDarkPools);
        Assert.False(request.Orders.SmartRouting.HasSeekPriceImprovement);
        Assert.Equal(17, Assert.Single(request.AcceptedWarnings).MessageId);
        Assert.False(request.HasResetAPIOrderSequence);
    }

    [Fact]
    public void The_update_answer_comes_back_with_its_status_fields_errors_and_warnings()
    {
        var plan = new UpdateGatewayConfigPlan(new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 90 } }, []));
        Assert.IsType<Step.Continue>(plan.Accept(new ConfigResponse { ReqId = 1 }, Now)); // not this request's answer
        var answer = new UpdateConfigResponse
        {
            ReqId = 1, Status = "SUCCESS", ChangedFields = { "api.settings.bulkDataTimeout" },
            Warnings = { new UpdateConfigWarning { MessageId = 9, Title = "t", Message = "m" } },
        };

        var updated = Assert.IsType<GatewayConfigUpdated>(Assert.IsType<Step.Complete>(plan.Accept(answer, Now)).Reply);

        Assert.Equal(GatewayConfigUpdated.Success, updated.Status);
        Assert.Equal(["api.settings.bulkDataTimeout"], updated.ChangedFields);
        Assert.Empty(updated.Errors);
        Assert.Equal(new ConfigWarning(9, "t", "m"), Assert.Single(updated.Warnings));
        Assert.False(plan.SafeToRetry); // a write is never re-sent after a reconnect
    }

    [Theory]
    [InlineData(218, true, "server version 219; this gateway is 218")]
    [InlineData(220, false, "server version 221; this gateway is 220")]
    public void A_gateway_older_than_the_request_is_refused_naming_both_versions(int serverVersion, bool read, string expected)
    {
        object command = read
            ? new GetGatewayConfig()
            : new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 60 } }, []);
        Assert.Contains(expected, GatewayConfigValidation.Problem(command, serverVersion));
    }

    [Fact]
    public void Before_the_first_handshake_the_version_gate_waits_for_the_gateway()
    {
        Assert.Null(GatewayConfigValidation.Problem(new GetGatewayConfig(), 0));
        Assert.Null(GatewayConfigValidation.Problem(new GetGatewayConfig(), 219));
    }

    public static TheoryData<UpdateGatewayConfig, string> BadUpdates() => new()
    {
        { new UpdateGatewayConfig(new GatewaySettings(), []), "changes nothing" },
        { Api(new ApiSettings { SocketPort = 70000 }), "socket port 70000" },
        { Api(new ApiSettings { BulkDataTimeout = 0 }), "bulk data timeout 0" },
        { Api(new ApiSettings { MasterClientId = -1 }), "master client id -1" },
        { Api(new ApiSettings { TrustedIps = ["10.0.0.300"] }), "trusted IP '10.0.0.300'" },
        { Api(new ApiSettings { LoggingLevel = "Error\0x" }), "the logging level 'Error\\u0000x' contains a control character" },
        { new UpdateGatewayConfig(new GatewaySettings { Messages = [new MessageSetting(0, null, null, null, true)] }, []), "message id 0" },
        { new UpdateGatewayConfig(new GatewaySettings { Messages = [new MessageSetting(2, null, null, null, true), new MessageSetting(2, null, null, null, false)] }, []), "message 2 is in the update twice" },
        { new UpdateGatewayConfig(new GatewaySettings { LockAndExit = new LockAndExitSettings { AutoLogoffTime = new string('1', 300) } }, []), "the auto logoff time is 300 characters" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public void An_update_that_cannot_be_sent_is_refused_in_the_callers_words(UpdateGatewayConfig update, string expected)
    {
        Assert.Contains(expected, GatewayConfigValidation.Problem(update, 221));
    }

    [Fact]
    public void Resetting_the_order_sequence_alone_is_an_update()
    {
        Assert.Null(GatewayConfigValidation.Problem(new UpdateGatewayConfig(new GatewaySettings(), [], ResetApiOrderSequence: true), 221));
        Assert.True(Assert.IsType<UpdateConfigRequest>(new UpdateGatewayConfigPlan(new UpdateGatewayConfig(new GatewaySettings(), [], true)).Build(1)).ResetAPIOrderSequence);
    }

    private static UpdateGatewayConfig Api(ApiSettings api) => new(new GatewaySettings { Api = api }, []);
}
