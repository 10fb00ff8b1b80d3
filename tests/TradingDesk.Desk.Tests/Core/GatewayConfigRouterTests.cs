using Akka.Actor;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// Gateway-config commands through a router (probes as pacer and order manager): refused by server version before
/// anything is sent, otherwise one-shots whose answer, routed by request id, reaches the asker.
/// </summary>
public sealed class GatewayConfigRouterTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private (IActorRef Router, TestProbe Pacer) StartRouter(int serverVersion)
    {
        var pacer = CreateTestProbe("pacer");
        pacer.IgnoreMessages(m => m is GatewayMessages.Withdraw);
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(serverVersion, "", ["DU1"], 1, false, At), CreateTestProbe("connection").Ref);
        return (router, pacer);
    }

    private static T Sent<T>(TestProbe pacer) where T : IMessage => Assert.IsType<T>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

    [Fact]
    public void Below_the_versions_that_have_them_both_commands_are_refused_and_nothing_is_sent()
    {
        var (router, pacer) = StartRouter(serverVersion: 218);
        router.Tell(new GetGatewayConfig(), TestActor);
        Assert.Contains("needs server version 219; this gateway is 218", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        router.Tell(new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 60 } }, []), TestActor);
        Assert.Contains("needs server version 221; this gateway is 218", Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);

        // The first thing the pacer sees is a later, valid request: the refused ones never reached it.
        router.Tell(new SessionInfoMessages.GetUserInfo(), TestActor);
        Sent<UserInfoRequest>(pacer);
    }

    [Fact]
    public void At_221_the_config_is_read_and_changed_and_each_answer_reaches_its_asker()
    {
        var (router, pacer) = StartRouter(serverVersion: 221);
        var reader = CreateTestProbe();
        router.Tell(new GetGatewayConfig(), reader.Ref);
        var ask = Sent<ConfigRequest>(pacer);
        router.Tell(new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { BulkDataTimeout = 90 } }, []), TestActor);
        var update = Sent<UpdateConfigRequest>(pacer);
        Assert.NotEqual(ask.ReqId, update.ReqId);

        router.Tell(new GatewayMessages.Inbound(new UpdateConfigResponse { ReqId = update.ReqId, Status = "SUCCESS", ChangedFields = { "api.settings.bulkDataTimeout" } }, At), pacer.Ref);
        router.Tell(new GatewayMessages.Inbound(new ConfigResponse { ReqId = ask.ReqId, Api = new ApiConfig { Settings = new ApiSettingsConfig { BulkDataTimeout = 90 } } }, At), pacer.Ref);

        Assert.Equal(["api.settings.bulkDataTimeout"], ExpectMsg<GatewayConfigUpdated>().ChangedFields);
        Assert.Equal(90, reader.ExpectMsg<GatewayConfig>().Settings.Api!.BulkDataTimeout);
    }
}
