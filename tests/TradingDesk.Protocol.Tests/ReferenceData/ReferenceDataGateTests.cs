using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.ReferenceData;

/// <summary>Where each reference-data message appears and where it switches to protobuf, with protobuf byte vectors.</summary>
public sealed class ReferenceDataGateTests
{
    [Theory]
    [InlineData(212, 213, 206)]
    public void Protobuf_gates(int rest2, int rest3, int marketData)
    {
        foreach (var (message, direction) in new (Google.Protobuf.IMessage, Direction)[]
                 {
                     (new MatchingSymbolsRequest(), ClientToServer), (new SymbolSamples(), ServerToClient),
                     (new MarketRuleRequest(), ClientToServer), (new MarketRule(), ServerToClient),
                     (new SmartComponentsRequest(), ClientToServer), (new SmartComponents(), ServerToClient),
                     (new SoftDollarTiersRequest(), ClientToServer), (new SoftDollarTiers(), ServerToClient),
                     (new UserInfoRequest(), ClientToServer), (new UserInfo(), ServerToClient),
                 })
            AssertSwitchesAt(message, direction, rest2);
        AssertSwitchesAt(new MarketDepthExchangesRequest(), ClientToServer, rest3);
        AssertSwitchesAt(new MarketDepthExchanges(), ServerToClient, rest3);
        AssertSwitchesAt(new RerouteMarketDataRequest(), ServerToClient, marketData);
        AssertSwitchesAt(new RerouteMarketDepthRequest(), ServerToClient, marketData);
    }

    private static void AssertSwitchesAt(Google.Protobuf.IMessage message, Direction direction, int gate)
    {
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(message, gate - 1, direction));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(message, gate, direction));
    }

    [Fact]
    public void Protobuf_market_rule_is_id_293_keyed_by_rule_id()
    {
        // 93 + 200 = 293 = 0x125; marketRuleId 26 = 08 1A; one increment {lowEdge 0, increment 0.01}.
        var m = new MarketRule { MarketRuleId = 26 };
        m.PriceIncrements.Add(new PriceIncrement { LowEdge = 0, Increment = 0.01 });
        var frame = TwsCodec.Default.EncodeToArray(m, 212, ServerToClient);
        Assert.Equal(Wire.Hex("00 00 00 1A | 00 00 01 25 | 08 1A 12 12 09 00 00 00 00 00 00 00 00 11 7B 14 AE 47 E1 7A 84 3F"), frame);
        Assert.Equal(m, TwsCodec.Default.Decode(frame.AsSpan(4), 212, ServerToClient).Message);
    }

    [Fact]
    public void Protobuf_req_mkt_depth_exchanges_is_an_empty_body_under_id_282() =>
        Assert.Equal(Wire.Hex("00 00 00 04 | 00 00 01 1A"), TwsCodec.Default.EncodeToArray(new MarketDepthExchangesRequest(), 213, ClientToServer));

    [Theory]
    [InlineData(typeof(SoftDollarTiersRequest), 106)]
    [InlineData(typeof(MatchingSymbolsRequest), 108)]
    [InlineData(typeof(MarketDepthExchangesRequest), 112)]
    [InlineData(typeof(SmartComponentsRequest), 114)]
    [InlineData(typeof(MarketRuleRequest), 126)]
    [InlineData(typeof(UserInfoRequest), 167)]
    public void Requests_do_not_exist_before_their_gate(Type type, int gate)
    {
        var message = (Google.Protobuf.IMessage)Activator.CreateInstance(type)!;
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(message, gate - 1, ClientToServer));
        Assert.Contains(gate.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.NotEmpty(TwsCodec.Default.EncodeToArray(message, gate, ClientToServer));
    }

    [Theory]
    [InlineData(typeof(SoftDollarTiers), 106)]
    [InlineData(typeof(SymbolSamples), 108)]
    [InlineData(typeof(MarketDepthExchanges), 112)]
    [InlineData(typeof(SmartComponents), 114)]
    [InlineData(typeof(RerouteMarketDataRequest), 125)]
    [InlineData(typeof(RerouteMarketDepthRequest), 125)]
    [InlineData(typeof(MarketRule), 126)]
    [InlineData(typeof(UserInfo), 167)]
    public void Replies_do_not_exist_before_their_gate(Type type, int gate)
    {
        var message = (Google.Protobuf.IMessage)Activator.CreateInstance(type)!;
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(message, gate - 1, ServerToClient));
        Assert.NotEmpty(TwsCodec.Default.EncodeToArray(message, gate, ServerToClient));
    }
}
