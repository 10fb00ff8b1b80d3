using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Linking;

/// <summary>
/// Encode → decode over random field values, both encodings, at the shared versions, the codec's floor and both
/// sides of the 213 protobuf gate. The verify-and-auth types are text at every version; their protobuf round trip
/// only shows that a peer's protobuf frame would still parse.
/// </summary>
public sealed class LinkingRoundTripTests
{
    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat([100, 212]).Distinct().Order()) data.Add(v);
        return data;
    }

    [Theory, MemberData(nameof(Versions))]
    public void DisplayGroups(int version)
    {
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new QueryDisplayGroupsRequest { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new UnsubscribeFromGroupEventsRequest { ReqId = id }, version, ClientToServer);
        });
        Property.ForAll(new FieldGen<SubscribeToGroupEventsRequest>().Int((m, x) => m.ReqId = x).Int((m, x) => m.GroupId = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<UpdateDisplayGroupRequest>().Int((m, x) => m.ReqId = x).Text((m, x) => m.ContractInfo = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<DisplayGroupList>().Int((m, x) => m.ReqId = x).Text((m, x) => m.Groups = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<DisplayGroupUpdated>().Int((m, x) => m.ReqId = x).Text((m, x) => m.ContractInfo = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Verify(int version)
    {
        Property.ForAll(new FieldGen<VerifyRequest>().Text((m, x) => m.ApiName = x).Text((m, x) => m.ApiVersion = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<VerifyMessageRequest>().Text((m, x) => m.ApiData = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<VerifyMessageApi>().Text((m, x) => m.ApiData = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<VerifyCompleted>().Bool((m, x) => m.IsSuccessful = x).Text((m, x) => m.ErrorText = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void VerifyAndAuth(int version)
    {
        Property.ForAll(new FieldGen<VerifyAndAuthRequest>()
                .Text((m, x) => m.ApiName = x).Text((m, x) => m.ApiVersion = x).Text((m, x) => m.OpaqueIsvKey = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<VerifyAndAuthMessage>().Text((m, x) => m.ApiData = x).Text((m, x) => m.XyzResponse = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<VerifyAndAuthMessageApi>().Text((m, x) => m.ApiData = x).Text((m, x) => m.XyzChallenge = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<VerifyAndAuthCompleted>().Bool((m, x) => m.IsSuccessful = x).Text((m, x) => m.ErrorText = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }
}
