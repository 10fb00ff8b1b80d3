using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Session;

/// <summary>Encode → decode over random field values, both encodings, at every version of <see cref="CodecAssert.Versions"/>.</summary>
public sealed class SessionRoundTripTests
{
    public static TheoryData<int> Versions => CodecAssert.VersionData();

    [Theory, MemberData(nameof(Versions))]
    public void StartApi(int version) => Property.ForAll(
        from id in Gens.OptionalValue(Gens.SmallInt)
        from caps in Gens.Optional(Gens.Text)
        select Build(id, version >= ServerVersions.OptionalCapabilities ? caps : null),
        m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));

    private static StartApiRequest Build(int? id, string? caps)
    {
        var m = new StartApiRequest();
        if (id is { } i) m.ClientId = i;
        if (caps is not null) m.OptionalCapabilities = caps;
        return m;
    }

    [Theory, MemberData(nameof(Versions))]
    public void Ids(int version) => Property.ForAll(Gens.SmallInt, n =>
    {
        CodecAssert.RoundTripAllEncodings(new IdsRequest { NumIds = n }, version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new NextValidId { OrderId = n }, version, ServerToClient);
    });

    [Theory, MemberData(nameof(Versions))]
    public void ManagedAccounts(int version) => Property.ForAll(Gens.Text, list =>
    {
        CodecAssert.RoundTripAllEncodings(new ManagedAccountsRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new ManagedAccounts { AccountsList = list }, version, ServerToClient);
    });

    [Theory, MemberData(nameof(Versions))]
    public void Error(int version) => Property.ForAll(
        from id in Gens.Int
        from code in Gens.SmallInt
        from text in Gen.OneOf(Gens.Text, Gen.Constant("prix £ → café"))
        from json in Gens.Optional(Gens.Text)
        from time in Gens.OptionalValue(Gens.Long)
        select new { id, code, text, json, time },
        x =>
        {
            var m = new ErrorMessage { Id = x.id, ErrorCode = x.code, ErrorMsg = x.text };
            if (x.json is not null && version >= ServerVersions.AdvancedOrderReject) m.AdvancedOrderRejectJson = x.json;
            if (x.time is { } t && version >= ServerVersions.ErrorTime) m.ErrorTime = t;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Theory, MemberData(nameof(Versions))]
    public void CurrentTime(int version) => Property.ForAll(Gens.Long, t =>
    {
        CodecAssert.RoundTripAllEncodings(new CurrentTimeRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new CurrentTime { CurrentTime_ = t }, version, ServerToClient);
        CodecAssert.RoundTripAllEncodings(new CurrentTimeInMillisRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new CurrentTimeInMillis { CurrentTimeInMillis_ = t }, version, ServerToClient);
    });
}
