using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using Property = TradingDesk.Protocol.Tests.Support.Property;
using V = TradingDesk.Protocol.Tests.FinancialAdvisor.FinancialAdvisorVectors;

namespace TradingDesk.Protocol.Tests.FinancialAdvisor;

/// <summary>FA configuration and family codes: round trips, vectors, the 107/157/177 gates and protobuf at 211/212.</summary>
public sealed class FinancialAdvisorTests
{
    private static readonly TwsCodec Codec = TwsCodec.Default;

    public static TheoryData<int> Versions
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var v in CodecAssert.Versions.Concat([100, 107, 156, 157, 177, 211, 212]).Distinct().Order()) data.Add(v);
            return data;
        }
    }

    [Theory, MemberData(nameof(Versions))]
    public void Fa_configuration_round_trips(int version) => Property.ForAll(
        // Profiles (2) can be sent only below 177 (FA_PROFILE_DESUPPORT).
        from type in Gens.OptionalValue(version < 177 ? Gen.Elements(1, 2, 3) : Gen.Elements(1, 3))
        from xml in MarketDataGens.OptText
        from reqId in MarketDataGens.OptInt
        from text in MarketDataGens.OptText
        select (type, xml, reqId, text),
        x =>
        {
            var request = new FARequest();
            var replace = new FAReplace();
            var receive = new ReceiveFA();
            if (x.type is { } t)
            {
                request.FaDataType = t;
                replace.FaDataType = t;
                receive.FaDataType = t;
            }
            if (x.xml is not null)
            {
                replace.Xml = x.xml;
                receive.Xml = x.xml;
            }
            if (x.reqId is { } id && version >= 157) replace.ReqId = id;
            CodecAssert.RoundTripAllEncodings(request, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(replace, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(receive, version, ServerToClient);

            var end = new ReplaceFAEnd();
            if (x.reqId is { } endId) end.ReqId = endId;
            if (x.text is not null) end.Text = x.text;
            CodecAssert.RoundTripAllEncodings(end, version, ServerToClient); // from 157
        });

    [Theory, MemberData(nameof(Versions))]
    public void Family_codes_round_trip(int version) => Property.ForAll(
        from n in Gen.Choose(0, 4)
        from codes in Gen.ArrayOf(
            from account in MarketDataGens.OptText
            from family in MarketDataGens.OptText
            select Code(account, family), n)
        select codes,
        codes =>
        {
            CodecAssert.RoundTripAllEncodings(new FamilyCodesRequest(), version, ClientToServer);
            var m = new FamilyCodes();
            m.FamilyCodes_.AddRange(codes);
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });

    [Fact]
    public void Request_fa_decodes_and_reencodes()
    {
        Assert.Equal(1, CodecAssert.DecodeText<FARequest>(V.RequestGroups, 176, ClientToServer).FaDataType);
        var aliases = CodecAssert.DecodeText<FARequest>(V.RequestAliases, 177, ClientToServer);
        Assert.Equal(3, aliases.FaDataType);
        CodecAssert.ReencodesTo(aliases, V.RequestAliases, 177);
    }

    [Fact]
    public void Replace_fa_carries_its_request_id_from_157()
    {
        var before = CodecAssert.DecodeText<FAReplace>(V.ReplaceGroups156, 156, ClientToServer);
        Assert.Equal((1, V.GroupsXml), (before.FaDataType, before.Xml));
        Assert.False(before.HasReqId);
        CodecAssert.ReencodesTo(before, V.ReplaceGroups156, 156);

        var from = CodecAssert.DecodeText<FAReplace>(V.ReplaceGroups157, 157, ClientToServer);
        Assert.Equal((1, V.GroupsXml, 9020), (from.FaDataType, from.Xml, from.ReqId));
        CodecAssert.ReencodesTo(from, V.ReplaceGroups157, 157);

        // A request id below 157 has nowhere to go: refused, not dropped.
        var ex = Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(from, 156, ClientToServer));
        Assert.Contains("157", ex.Message);
        // The 157 layout sent to a 156 server leaves the id as a trailing field.
        Assert.Throws<ProtocolException>(() => Codec.Decode(Wire.Payload(V.ReplaceGroups157), 156, ClientToServer));
    }

    [Fact]
    public void Profiles_are_refused_from_177()
    {
        Assert.Equal(Wire.Frame(Wire.Payload(@"18\01\02\0")), Codec.EncodeToArray(new FARequest { FaDataType = 2 }, 176, ClientToServer));
        Assert.Contains("177", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new FARequest { FaDataType = 2 }, 177, ClientToServer)).Message);
        Assert.Contains("177", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new FAReplace { FaDataType = 2, Xml = "<x/>", ReqId = 1 }, 200, ClientToServer)).Message);
        Assert.NotEmpty(Codec.EncodeToArray(new FAReplace { FaDataType = 2, Xml = "<x/>", ReqId = 1 }, 176, ClientToServer));
    }

    [Fact]
    public void Receive_fa_and_replace_fa_end_decode()
    {
        var receive = CodecAssert.DecodeText<ReceiveFA>(V.ReceiveGroups, 176, ServerToClient);
        Assert.Equal((1, V.GroupsXml), (receive.FaDataType, receive.Xml));
        var end = CodecAssert.DecodeText<ReplaceFAEnd>(V.ReplaceFaEnd, 176, ServerToClient);
        Assert.Equal((9020, "FA data has been replaced"), (end.ReqId, end.Text));
        Assert.Contains("157", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new ReplaceFAEnd { ReqId = 1 }, 156, ServerToClient)).Message);
    }

    [Fact]
    public void Family_codes_request_is_the_bare_id_and_its_reply_lists_accounts()
    {
        Assert.Equal(new FamilyCodesRequest(), CodecAssert.DecodeText<FamilyCodesRequest>(V.ReqFamilyCodes, 176, ClientToServer));
        CodecAssert.ReencodesTo(new FamilyCodesRequest(), V.ReqFamilyCodes, 176);
        var m = CodecAssert.DecodeText<FamilyCodes>(V.FamilyCodes, 176, ServerToClient);
        Assert.Equal(2, m.FamilyCodes_.Count);
        Assert.Equal(("DU1234567", "F1234567"), (m.FamilyCodes_[0].AccountId, m.FamilyCodes_[0].FamilyCode_));
        Assert.Equal("DU7654321", m.FamilyCodes_[1].AccountId);
        Assert.False(m.FamilyCodes_[1].HasFamilyCode_);
        Assert.Contains("107", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new FamilyCodesRequest(), 106, ClientToServer)).Message);
    }

    [Fact]
    public void Protobuf_gates_are_211_for_fa_and_212_for_family_codes()
    {
        (Google.Protobuf.IMessage Message, Direction Direction, int Gate)[] messages =
        [
            (new FARequest(), ClientToServer, 211), (new FAReplace(), ClientToServer, 211),
            (new ReceiveFA(), ServerToClient, 211), (new ReplaceFAEnd(), ServerToClient, 211),
            (new FamilyCodesRequest(), ClientToServer, 212), (new FamilyCodes(), ServerToClient, 212),
        ];
        foreach (var (message, direction, gate) in messages)
        {
            Assert.Equal(WireEncoding.Text, Codec.PreferredEncoding(message, gate - 1, direction));
            Assert.Equal(WireEncoding.Protobuf, Codec.PreferredEncoding(message, gate, direction));
        }
        // An empty FamilyCodesRequest under binary id 280 = 80 + 200; below 212 a text frame with binary id 80.
        Assert.Equal(Wire.Hex("00 00 00 04 | 00 00 01 18"), Codec.EncodeToArray(new FamilyCodesRequest(), 212, ClientToServer));
        Assert.Equal(Wire.Hex("00 00 00 04 | 00 00 00 50"), Codec.EncodeToArray(new FamilyCodesRequest(), 211, ClientToServer));
    }

    [Fact]
    public void Hostile_frames_name_the_field()
    {
        ProtocolException Fails(string notation, Direction direction = ServerToClient) =>
            Assert.Throws<ProtocolException>(() => Codec.Decode(Wire.Payload(notation), 176, direction));

        foreach (var count in new[] { "-1", "2147483647", "10000", "two" })
            Assert.Equal("familyCodesCount", Fails($@"78\0{count}\0").Field);
        Assert.Equal("accountId", Fails(@"78\02\0DU1\0F1\0").Field);
        Assert.Equal("faDataType", Fails(@"16\01\0groups\0<x/>\0").Field);
        Assert.Equal("xml", Fails(@"16\01\01\0").Field);
        Assert.Equal("reqId", Fails(@"19\01\01\0<x/>\0next\0", ClientToServer).Field);
        Assert.Equal("(trailing)", Fails(@"80\0extra\0", ClientToServer).Field);
        foreach (var notation in new[] { V.ReceiveGroups, V.FamilyCodes, V.ReplaceFaEnd })
        {
            var payload = Wire.Payload(notation);
            for (var cut = 1; cut < payload.Length; cut++)
                Assert.Throws<ProtocolException>(() => Codec.Decode(payload.AsSpan(0, cut), 176, ServerToClient));
        }
    }

    private static FamilyCode Code(string? account, string? family)
    {
        var c = new FamilyCode();
        if (account is not null) c.AccountId = account;
        if (family is not null) c.FamilyCode_ = family;
        return c;
    }
}
