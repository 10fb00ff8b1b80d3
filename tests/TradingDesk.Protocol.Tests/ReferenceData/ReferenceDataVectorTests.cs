using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.ReferenceData;

/// <summary>Constructed reference-data frames decode to their fields; requests re-encode byte for byte.</summary>
public sealed class ReferenceDataVectorTests
{
    private const int Version = 176;

    private static void DecodesAndReencodes<T>(string notation, Action<T> check, int version = Version) where T : Google.Protobuf.IMessage
    {
        var m = CodecAssert.DecodeText<T>(notation, version, ClientToServer);
        check(m);
        CodecAssert.ReencodesTo(m, notation, version);
    }

    [Fact]
    public void Requests_decode_and_reencode()
    {
        DecodesAndReencodes<MatchingSymbolsRequest>(ReferenceDataVectors.ReqMatchingSymbols, m => Assert.Equal((9003, "IBM"), (m.ReqId, m.Pattern)));
        DecodesAndReencodes<MarketRuleRequest>(ReferenceDataVectors.ReqMarketRule, m => Assert.Equal(26, m.MarketRuleId));
        DecodesAndReencodes<SmartComponentsRequest>(ReferenceDataVectors.ReqSmartComponents, m => Assert.Equal((9004, "a6"), (m.ReqId, m.BboExchange)));
        DecodesAndReencodes<MarketDepthExchangesRequest>(ReferenceDataVectors.ReqMktDepthExchanges, m => Assert.Equal(new MarketDepthExchangesRequest(), m));
        DecodesAndReencodes<SoftDollarTiersRequest>(ReferenceDataVectors.ReqSoftDollarTiers, m => Assert.Equal(9005, m.ReqId));
        DecodesAndReencodes<UserInfoRequest>(ReferenceDataVectors.ReqUserInfo, m => Assert.Equal(9006, m.ReqId));
    }

    [Fact]
    public void SymbolSamples_decode_with_description_and_issuer_from_176()
    {
        var m = CodecAssert.DecodeText<SymbolSamples>(ReferenceDataVectors.SymbolSamples176, 176, ServerToClient);
        Assert.Equal(9003, m.ReqId);
        Assert.Equal(2, m.ContractDescriptions.Count);
        var first = m.ContractDescriptions[0];
        Assert.Equal(8314, first.Contract.ConId);
        Assert.Equal("IBM", first.Contract.Symbol);
        Assert.Equal("STK", first.Contract.SecType);
        Assert.Equal("NYSE", first.Contract.PrimaryExch);
        Assert.False(first.Contract.HasExchange);
        Assert.Equal("USD", first.Contract.Currency);
        Assert.Equal(["OPT", "WAR", "CFD"], first.DerivativeSecTypes);
        Assert.Equal("INTL BUSINESS MACHINES CORP", first.Contract.Description);
        Assert.Equal("e1234", first.Contract.IssuerId);
        var second = m.ContractDescriptions[1];
        Assert.Equal((38709473, "MEXI", "MXN"), (second.Contract.ConId, second.Contract.PrimaryExch, second.Contract.Currency));
        Assert.Empty(second.DerivativeSecTypes);
        Assert.False(second.Contract.HasIssuerId);
    }

    [Fact]
    public void SymbolSamples_before_176_have_no_description_or_issuer()
    {
        var m = CodecAssert.DecodeText<SymbolSamples>(ReferenceDataVectors.SymbolSamples175, 175, ServerToClient);
        Assert.Equal(2, m.ContractDescriptions.Count);
        Assert.Equal(["OPT", "WAR", "CFD"], m.ContractDescriptions[0].DerivativeSecTypes);
        Assert.All(m.ContractDescriptions, d => Assert.False(d.Contract.HasDescription || d.Contract.HasIssuerId));
        // The ≥ 176 frame read at 175 leaves the description fields over: the gate is where the layout says.
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(ReferenceDataVectors.SymbolSamples176), 175, ServerToClient));
        var at176 = CodecAssert.DecodeText<SymbolSamples>(ReferenceDataVectors.SymbolSamples176, 176, ServerToClient);
        Assert.Equal(Wire.Frame(Wire.Payload(ReferenceDataVectors.SymbolSamples175)),
            TwsCodec.Default.EncodeToArray(at176, 175, ServerToClient));
    }

    [Fact]
    public void MarketRule_decodes_its_increments()
    {
        var m = CodecAssert.DecodeText<MarketRule>(ReferenceDataVectors.MarketRule, Version, ServerToClient);
        Assert.Equal(26, m.MarketRuleId);
        Assert.Equal([(0.0, 0.01), (1000.0, 0.05)], m.PriceIncrements.Select(p => (p.LowEdge, p.Increment)));
    }

    [Fact]
    public void SmartComponents_decode()
    {
        var m = CodecAssert.DecodeText<SmartComponents>(ReferenceDataVectors.SmartComponents, Version, ServerToClient);
        Assert.Equal(9004, m.ReqId);
        Assert.Equal([(1, "ARCA", "P"), (2, "NYSE", "N")], m.SmartComponents_.Select(c => (c.BitNumber, c.Exchange, c.ExchangeLetter)));
    }

    [Fact]
    public void MktDepthExchanges_from_120_carry_listing_service_type_and_group()
    {
        var m = CodecAssert.DecodeText<MarketDepthExchanges>(ReferenceDataVectors.MktDepthExchanges120, 120, ServerToClient);
        Assert.Equal(2, m.DepthMarketDataDescriptions.Count);
        var island = m.DepthMarketDataDescriptions[0];
        Assert.Equal(("ISLAND", "STK", "NASDAQ", "Deep2"), (island.Exchange, island.SecType, island.ListingExch, island.ServiceDataType));
        Assert.False(island.HasAggGroup); // 2147483647 is IB's unset sentinel
        Assert.Equal(1, m.DepthMarketDataDescriptions[1].AggGroup);
        Assert.Equal("Deep", m.DepthMarketDataDescriptions[1].ServiceDataType);
    }

    [Fact]
    public void MktDepthExchanges_before_120_map_the_L2_flag_to_a_service_type()
    {
        var m = CodecAssert.DecodeText<MarketDepthExchanges>(ReferenceDataVectors.MktDepthExchanges119, 119, ServerToClient);
        Assert.Equal([("ISLAND", "Deep2"), ("ARCA", "Deep")], m.DepthMarketDataDescriptions.Select(d => (d.Exchange, d.ServiceDataType)));
        Assert.All(m.DepthMarketDataDescriptions, d => Assert.False(d.HasListingExch || d.HasAggGroup));
        Assert.Equal(Wire.Frame(Wire.Payload(ReferenceDataVectors.MktDepthExchanges119)), TwsCodec.Default.EncodeToArray(m, 119, ServerToClient));
    }

    [Fact]
    public void MktDepthExchanges_before_120_refuse_a_service_type_the_flag_cannot_say()
    {
        var m = new MarketDepthExchanges();
        m.DepthMarketDataDescriptions.Add(new DepthMarketDataDescription { Exchange = "ISLAND", ServiceDataType = "L1" });
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(m, 119, ServerToClient));
        Assert.Contains("120", ex.Message);
        Assert.NotEmpty(TwsCodec.Default.EncodeToArray(m, 120, ServerToClient));
    }

    [Fact]
    public void SoftDollarTiers_decode()
    {
        var m = CodecAssert.DecodeText<SoftDollarTiers>(ReferenceDataVectors.SoftDollarTiers, Version, ServerToClient);
        Assert.Equal(9005, m.ReqId);
        Assert.Equal([("Tier1", "T1V", "Tier One"), ("Tier2", "T2V", "Tier Two")], m.SoftDollarTiers_.Select(t => (t.Name, t.Value, t.DisplayName)));
    }

    [Fact]
    public void UserInfo_and_reroutes_decode()
    {
        var user = CodecAssert.DecodeText<UserInfo>(ReferenceDataVectors.UserInfo, Version, ServerToClient);
        Assert.Equal((9006, "WB123"), (user.ReqId, user.WhiteBrandingId));
        var data = CodecAssert.DecodeText<RerouteMarketDataRequest>(ReferenceDataVectors.RerouteMktData, Version, ServerToClient);
        Assert.Equal((9007, 12087792, "IDEALPRO"), (data.ReqId, data.ConId, data.Exchange));
        var depth = CodecAssert.DecodeText<RerouteMarketDepthRequest>(ReferenceDataVectors.RerouteMktDepth, Version, ServerToClient);
        Assert.Equal((9008, 12087792, "IDEALPRO"), (depth.ReqId, depth.ConId, depth.Exchange));
    }

    [Fact]
    public void Text_with_a_binary_id_is_used_below_the_protobuf_gates()
    {
        var decoded = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(ReferenceDataVectors.SmartComponents), 211, ServerToClient);
        Assert.Equal(WireEncoding.Text, decoded.Encoding);
        Assert.Equal(2, Assert.IsType<SmartComponents>(decoded.Message).SmartComponents_.Count);
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(ReferenceDataVectors.ReqMktDepthExchanges)),
            TwsCodec.Default.EncodeToArray(new MarketDepthExchangesRequest(), 212, ClientToServer));
    }
}
