using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Linking;

/// <summary>Constructed display-group and verification frames decode to their fields; requests re-encode byte for byte.</summary>
public sealed class LinkingVectorTests
{
    private const int Version = 176;

    private static T Request<T>(string notation) where T : Google.Protobuf.IMessage
    {
        var m = CodecAssert.DecodeText<T>(notation, Version, ClientToServer);
        CodecAssert.ReencodesTo(m, notation, Version);
        return m;
    }

    [Fact]
    public void Display_group_requests_decode_and_reencode()
    {
        Assert.Equal(9010, Request<QueryDisplayGroupsRequest>(LinkingVectors.QueryDisplayGroups).ReqId);
        var subscribe = Request<SubscribeToGroupEventsRequest>(LinkingVectors.SubscribeToGroupEvents);
        Assert.Equal((9011, 1), (subscribe.ReqId, subscribe.GroupId));
        var update = Request<UpdateDisplayGroupRequest>(LinkingVectors.UpdateDisplayGroup);
        Assert.Equal((9011, "8314@SMART"), (update.ReqId, update.ContractInfo));
        Assert.Equal(9011, Request<UnsubscribeFromGroupEventsRequest>(LinkingVectors.UnsubscribeFromGroupEvents).ReqId);
    }

    [Fact]
    public void Display_group_replies_decode()
    {
        var list = CodecAssert.DecodeText<DisplayGroupList>(LinkingVectors.DisplayGroupList, Version, ServerToClient);
        Assert.Equal((9010, "1|2|3|4|5|6|7"), (list.ReqId, list.Groups));
        var updated = CodecAssert.DecodeText<DisplayGroupUpdated>(LinkingVectors.DisplayGroupUpdated, Version, ServerToClient);
        Assert.Equal((9011, "8314@SMART"), (updated.ReqId, updated.ContractInfo));
    }

    [Fact]
    public void Verify_requests_decode_and_reencode()
    {
        var request = Request<VerifyRequest>(LinkingVectors.VerifyRequest);
        Assert.Equal(("TradingDesk", "10.46"), (request.ApiName, request.ApiVersion));
        Assert.Equal("api-data", Request<VerifyMessageRequest>(LinkingVectors.VerifyMessage).ApiData);
        var auth = Request<VerifyAndAuthRequest>(LinkingVectors.VerifyAndAuthRequest);
        Assert.Equal(("TradingDesk", "10.46", "ISV-KEY-1"), (auth.ApiName, auth.ApiVersion, auth.OpaqueIsvKey));
        var message = Request<VerifyAndAuthMessage>(LinkingVectors.VerifyAndAuthMessage);
        Assert.Equal(("api-data", "xyz-response"), (message.ApiData, message.XyzResponse));
    }

    [Fact]
    public void Verify_replies_decode()
    {
        Assert.Equal("challenge-data", CodecAssert.DecodeText<VerifyMessageApi>(LinkingVectors.VerifyMessageApi, Version, ServerToClient).ApiData);
        var ok = CodecAssert.DecodeText<VerifyCompleted>(LinkingVectors.VerifyCompletedOk, Version, ServerToClient);
        Assert.True(ok.IsSuccessful);
        Assert.False(ok.HasErrorText);
        var failed = CodecAssert.DecodeText<VerifyCompleted>(LinkingVectors.VerifyCompletedFailed, Version, ServerToClient);
        Assert.True(failed.HasIsSuccessful);
        Assert.False(failed.IsSuccessful);
        Assert.Equal("Invalid API key", failed.ErrorText);
        var challenge = CodecAssert.DecodeText<VerifyAndAuthMessageApi>(LinkingVectors.VerifyAndAuthMessageApi, Version, ServerToClient);
        Assert.Equal(("api-data", "xyz-challenge"), (challenge.ApiData, challenge.XyzChallenge));
        Assert.True(CodecAssert.DecodeText<VerifyAndAuthCompleted>(LinkingVectors.VerifyAndAuthCompleted, Version, ServerToClient).IsSuccessful);
    }

    [Fact]
    public void Success_flags_are_written_as_words_as_IB_compares_them()
    {
        var failed = CodecAssert.DecodeText<VerifyCompleted>(LinkingVectors.VerifyCompletedFailed, Version, ServerToClient);
        Assert.Equal(Wire.Frame(Wire.Payload(LinkingVectors.VerifyCompletedFailed)), TwsCodec.Default.EncodeToArray(failed, Version, ServerToClient));
        Assert.Equal(Wire.Frame(Wire.Payload(LinkingVectors.VerifyAndAuthCompleted)),
            TwsCodec.Default.EncodeToArray(new VerifyAndAuthCompleted { IsSuccessful = true }, Version, ServerToClient));
        // A 1/0 flag from a looser peer still reads.
        Assert.True(CodecAssert.DecodeText<VerifyCompleted>(@"66\01\01\0\0", Version, ServerToClient).IsSuccessful);
    }

    [Fact]
    public void Display_groups_and_verify_switch_to_protobuf_at_213()
    {
        foreach (var (message, direction) in new (Google.Protobuf.IMessage, Direction)[]
                 {
                     (new QueryDisplayGroupsRequest(), ClientToServer), (new SubscribeToGroupEventsRequest(), ClientToServer),
                     (new UpdateDisplayGroupRequest(), ClientToServer), (new UnsubscribeFromGroupEventsRequest(), ClientToServer),
                     (new DisplayGroupList(), ServerToClient), (new DisplayGroupUpdated(), ServerToClient),
                     (new VerifyRequest(), ClientToServer), (new VerifyMessageRequest(), ClientToServer),
                     (new VerifyMessageApi(), ServerToClient), (new VerifyCompleted(), ServerToClient),
                 })
        {
            Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(message, 212, direction));
            Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(message, 213, direction));
        }
    }

    [Theory]
    [InlineData(213)]
    [InlineData(225)]
    public void Verify_and_auth_stays_text_with_a_binary_id(int version)
    {
        foreach (var (notation, direction) in new[]
                 {
                     (LinkingVectors.VerifyAndAuthRequest, ClientToServer), (LinkingVectors.VerifyAndAuthMessage, ClientToServer),
                     (LinkingVectors.VerifyAndAuthMessageApi, ServerToClient), (LinkingVectors.VerifyAndAuthCompleted, ServerToClient),
                 })
        {
            var message = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(notation), version, direction);
            Assert.Equal(WireEncoding.Text, message.Encoding);
            Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(message.Message!, version, direction));
            Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(notation)), TwsCodec.Default.EncodeToArray(message.Message!, version, direction));
        }
    }

    [Fact]
    public void Protobuf_subscribe_to_group_events_is_id_268()
    {
        // 68 + 200 = 268 = 0x10C; reqId 9011 = varint B3 46; groupId 1 = 10 01.
        Assert.Equal(Wire.Hex("00 00 00 09 | 00 00 01 0C | 08 B3 46 10 01"),
            TwsCodec.Default.EncodeToArray(new SubscribeToGroupEventsRequest { ReqId = 9011, GroupId = 1 }, 213, ClientToServer));
        var decoded = TwsCodec.Default.Decode(Wire.Hex("00 00 01 0C | 08 B3 46 12 0A 38 33 31 34 40 53 4D 41 52 54"), 213, ServerToClient);
        Assert.Equal(new DisplayGroupUpdated { ReqId = 9011, ContractInfo = "8314@SMART" }, decoded.Message);
    }
}
