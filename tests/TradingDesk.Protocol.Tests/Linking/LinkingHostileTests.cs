using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Linking;

/// <summary>Malformed display-group and verification frames give a ProtocolException that names the field.</summary>
public sealed class LinkingHostileTests
{
    private const int Version = 176;

    private static ProtocolException Reject(string notation, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), Version, direction));

    [Fact]
    public void Every_truncation_of_every_vector_is_a_protocol_exception()
    {
        foreach (var (notation, direction) in new[]
                 {
                     (LinkingVectors.SubscribeToGroupEvents, ClientToServer), (LinkingVectors.UpdateDisplayGroup, ClientToServer),
                     (LinkingVectors.DisplayGroupList, ServerToClient), (LinkingVectors.DisplayGroupUpdated, ServerToClient),
                     (LinkingVectors.VerifyRequest, ClientToServer), (LinkingVectors.VerifyCompletedFailed, ServerToClient),
                     (LinkingVectors.VerifyAndAuthRequest, ClientToServer), (LinkingVectors.VerifyAndAuthMessage, ClientToServer),
                     (LinkingVectors.VerifyAndAuthMessageApi, ServerToClient), (LinkingVectors.VerifyAndAuthCompleted, ServerToClient),
                 })
        {
            var payload = Wire.Payload(notation);
            var idLength = Array.IndexOf(payload, (byte)0) + 1;
            for (var cut = idLength; cut < payload.Length; cut++)
            {
                var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, cut), Version, direction));
                Assert.NotNull(ex.Field);
            }
        }
    }

    [Fact]
    public void A_success_flag_that_is_neither_true_nor_false_is_rejected()
    {
        Assert.Equal("isSuccessful", Reject(@"66\01\0yes\0\0").Field);
        Assert.Equal("isSuccessful", Reject(@"70\01\0TRUE!\0\0").Field);
    }

    [Fact]
    public void Non_number_request_and_group_ids_are_rejected()
    {
        Assert.Equal("groupId", Reject(@"68\01\09011\0blue\0", ClientToServer).Field);
        Assert.Equal("reqId", Reject(@"67\01\0q\01|2\0").Field);
    }

    [Fact]
    public void Trailing_fields_with_content_are_rejected()
    {
        Assert.Equal("(trailing)", Reject(LinkingVectors.VerifyAndAuthCompleted + @"more\0").Field);
        Assert.Equal("(trailing)", Reject(LinkingVectors.QueryDisplayGroups + @"7\0", ClientToServer).Field);
    }
}
