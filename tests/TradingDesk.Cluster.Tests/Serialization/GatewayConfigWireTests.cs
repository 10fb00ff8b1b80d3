using TradingDesk.Cluster.Serialization;
using TradingDesk.Desk.Domain;
using Xunit;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>
/// The gateway-config wire cases the generic round trip (every field set) cannot pick: an absent setting must stay
/// absent across nodes, or an update relayed by another node would set what its sender meant to leave alone.
/// </summary>
public sealed class GatewayConfigWireTests() : Akka.TestKit.Xunit2.TestKit(DeskSerialization.Config, "gateway-config-wire")
{
    [Fact]
    public void An_update_keeps_false_apart_from_absent_and_absent_sections_stay_absent()
    {
        var update = new UpdateGatewayConfig(new GatewaySettings { Api = new ApiSettings { ReadOnlyApi = false, BulkDataTimeout = 0 } }, []);

        var back = Assert.IsType<UpdateGatewayConfig>(RoundTrip(update));

        var api = back.Changes.Api!;
        Assert.Equal((false, 0), (api.ReadOnlyApi, api.BulkDataTimeout));
        Assert.Null(api.SocketPort);
        Assert.Null(api.LoggingLevel);
        Assert.Empty(api.TrustedIps);
        Assert.Null(back.Changes.Precautions);
        Assert.Null(back.Changes.LockAndExit);
        Assert.Null(back.Changes.SmartRouting);
        Assert.False(back.ResetApiOrderSequence);
    }

    [Fact]
    public void A_message_setting_keeps_which_of_its_fields_were_sent()
    {
        var setting = new MessageSetting(4, "Cross Side Warning", null, null, false);
        Assert.Equal(setting, RoundTrip(setting));
    }

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        return Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }
}
