using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.ReferenceData;

/// <summary>Malformed reference-data frames give a ProtocolException that names the field; hostile counts allocate nothing.</summary>
public sealed class ReferenceDataHostileTests
{
    private const int Version = 176;

    private static ProtocolException Reject(string notation, Direction direction = ServerToClient, int version = Version) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Theory]
    [InlineData(@"79\09003\02147483647\0", "contractDescriptionCount")]
    [InlineData(@"79\09003\0-1\0", "contractDescriptionCount")]
    [InlineData(@"79\09003\01\08314\0IBM\0STK\0NYSE\0USD\0999999999\0", "derivativeSecTypeCount")]
    [InlineData(@"93\026\010000\0", "priceIncrementCount")]
    [InlineData(@"82\09004\02000000000\0", "smartComponentCount")]
    [InlineData(@"80\0-5\0", "depthMarketDataDescriptionCount")]
    [InlineData(@"77\09005\099999\0", "softDollarTierCount")]
    public void Hostile_counts_are_rejected_before_anything_is_allocated(string notation, string field)
    {
        var ex = Reject(notation);
        Assert.Equal(field, ex.Field);
        Assert.Contains("out of range", ex.Message);
    }

    [Fact]
    public void A_count_larger_than_the_frame_is_a_truncation()
    {
        var ex = Reject(@"82\09004\05\01\0ARCA\0P\0");
        Assert.Equal("bitNumber", ex.Field);
    }

    [Fact]
    public void Every_truncation_of_every_vector_is_a_protocol_exception()
    {
        foreach (var (notation, version, direction) in new[]
                 {
                     (ReferenceDataVectors.SymbolSamples176, 176, ServerToClient), (ReferenceDataVectors.SymbolSamples175, 175, ServerToClient),
                     (ReferenceDataVectors.MarketRule, Version, ServerToClient), (ReferenceDataVectors.SmartComponents, Version, ServerToClient),
                     (ReferenceDataVectors.MktDepthExchanges120, 120, ServerToClient), (ReferenceDataVectors.MktDepthExchanges119, 119, ServerToClient),
                     (ReferenceDataVectors.SoftDollarTiers, Version, ServerToClient), (ReferenceDataVectors.UserInfo, Version, ServerToClient),
                     (ReferenceDataVectors.RerouteMktData, Version, ServerToClient), (ReferenceDataVectors.ReqMatchingSymbols, Version, ClientToServer),
                     (ReferenceDataVectors.ReqSmartComponents, Version, ClientToServer), (ReferenceDataVectors.ReqMarketRule, Version, ClientToServer),
                 })
        {
            var payload = Wire.Payload(notation);
            var idLength = Array.IndexOf(payload, (byte)0) + 1;
            for (var cut = idLength; cut < payload.Length; cut++)
            {
                var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, cut), version, direction));
                Assert.NotNull(ex.Field);
            }
        }
    }

    [Fact]
    public void Non_numbers_where_numbers_belong_are_rejected()
    {
        Assert.Equal("increment", Reject(ReferenceDataVectors.MarketRule.Replace("0.05", "tick", StringComparison.Ordinal)).Field);
        Assert.Equal("bitNumber", Reject(ReferenceDataVectors.SmartComponents.Replace(@"\01\0ARCA", @"\0one\0ARCA", StringComparison.Ordinal)).Field);
        Assert.Equal("conId", Reject(ReferenceDataVectors.RerouteMktDepth.Replace("12087792", "EUR.USD", StringComparison.Ordinal)).Field);
        Assert.Equal("aggGroup", Reject(ReferenceDataVectors.MktDepthExchanges120.Replace("2147483647", "none", StringComparison.Ordinal), version: 120).Field);
        Assert.Equal("isL2", Reject(@"80\01\0ISLAND\0STK\0deep\0", version: 119).Field);
        Assert.Equal("marketRuleId", Reject(@"91\0rule\0", ClientToServer).Field);
    }

    [Fact]
    public void Trailing_fields_with_content_are_rejected()
    {
        Assert.Equal("(trailing)", Reject(ReferenceDataVectors.ReqMktDepthExchanges + @"x\0", ClientToServer).Field);
        Assert.Equal("(trailing)", Reject(ReferenceDataVectors.UserInfo + @"extra\0").Field);
    }
}
