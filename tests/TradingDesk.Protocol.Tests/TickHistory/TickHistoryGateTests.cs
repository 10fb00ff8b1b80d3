using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>Where each message starts to exist and where it switches to protobuf.</summary>
public sealed class TickHistoryGateTests
{
    private static readonly TwsCodec Codec = TwsCodec.Default;

    [Theory]
    [InlineData(129, 130)]
    public void Historical_ticks_exist_from_130(int before, int from)
    {
        var ex = Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new HistoricalTicksRequest { ReqId = 1 }, before, ClientToServer));
        Assert.Contains("130", ex.Message);
        Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new HistoricalTicksLast { ReqId = 1 }, before, ServerToClient));
        Assert.NotEmpty(Codec.EncodeToArray(new HistoricalTicksRequest { ReqId = 1 }, from, ClientToServer));
        Assert.NotEmpty(Codec.EncodeToArray(new HistoricalTicksBidAsk { ReqId = 1 }, from, ServerToClient));
    }

    [Fact]
    public void Histograms_exist_from_119_and_the_schedule_from_165()
    {
        Assert.Contains("119", Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new HistogramDataRequest(), 118, ClientToServer)).Message);
        Assert.Contains("119", Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new HistogramData(), 118, ServerToClient)).Message);
        Assert.NotEmpty(Codec.EncodeToArray(new CancelHistogramData { ReqId = 1 }, 119, ClientToServer));
        Assert.Contains("165", Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new HistoricalSchedule(), 164, ServerToClient)).Message);
        Assert.NotEmpty(Codec.EncodeToArray(new HistoricalSchedule(), 165, ServerToClient));
    }

    [Fact]
    public void Cancel_historical_ticks_is_protobuf_only_from_215()
    {
        var ex = Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new CancelHistoricalTicks { ReqId = 5 }, 214, ClientToServer));
        Assert.Contains("215", ex.Message);
        // Binary id 307 = 107 + 200, then field 1 varint 5.
        Assert.Equal(Wire.Hex("00 00 00 06 | 00 00 01 33 | 08 05"), Codec.EncodeToArray(new CancelHistoricalTicks { ReqId = 5 }, 215, ClientToServer));
        Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new CancelHistoricalTicks { ReqId = 5 }, 215, ClientToServer, WireEncoding.Text));
    }

    [Fact]
    public void Requests_and_replies_switch_to_protobuf_at_208()
    {
        IBApi.protobuf.HistoricalTicks midpoint = new();
        (Google.Protobuf.IMessage Message, Direction Direction)[] messages =
        [
            (new HistoricalTicksRequest(), ClientToServer), (new HistogramDataRequest(), ClientToServer),
            (new CancelHistogramData(), ClientToServer), (midpoint, ServerToClient),
            (new HistoricalTicksBidAsk(), ServerToClient), (new HistoricalTicksLast(), ServerToClient),
            (new HistogramData(), ServerToClient), (new HistoricalSchedule(), ServerToClient),
        ];
        foreach (var (message, direction) in messages)
        {
            Assert.Equal(WireEncoding.Text, Codec.PreferredEncoding(message, 207, direction));
            Assert.Equal(WireEncoding.Protobuf, Codec.PreferredEncoding(message, 208, direction));
        }
    }

    [Fact]
    public void Protobuf_historical_ticks_request_uses_id_296()
    {
        var frame = Codec.EncodeToArray(new HistoricalTicksRequest { ReqId = 1 }, 208, ClientToServer);
        Assert.Equal(Wire.Hex("00 00 00 06 | 00 00 01 28 | 08 01"), frame);
    }
}
