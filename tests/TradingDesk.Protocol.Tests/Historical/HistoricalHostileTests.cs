using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Historical;

/// <summary>Malformed historical frames give ProtocolException naming the field.</summary>
public sealed class HistoricalHostileTests
{
    private static ProtocolException Fails(string notation, int version, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void Truncated_historical_data_names_the_missing_field()
    {
        // Two bars announced, one sent.
        var ex = Fails("17\\04001\\02\\020261119\\0187.1\\0188.4\\0186.9\\0188\\012345\\0187.65\\0321\\0", 200);
        Assert.Equal("date", ex.Field);
        Assert.Equal("startDateStr", Fails("17\\04001\\020261113", 176).Field); // cut inside a field
        Assert.Equal("endDateStr", Fails("17\\04001\\020261113  16:00:00\\0", 176).Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2147483646")]
    public void Hostile_bar_counts_are_refused_before_looping(string count)
    {
        Assert.Equal("itemCount", Fails($"17\\04001\\0{count}\\0", 200).Field);
    }

    [Fact]
    public void Non_numbers_name_the_field()
    {
        Assert.Equal("itemCount", Fails("17\\04001\\0two\\0", 200).Field);
        Assert.Equal("open", Fails("17\\04001\\01\\020261119\\0x\\0188.4\\0186.9\\0188\\012345\\0187.65\\0321\\0", 200).Field);
        Assert.Equal("time", Fails("50\\03\\04001\\0now\\0187.1\\0187.3\\0187\\0187.2\\01200\\0187.18\\012\\0", 176).Field);
        Assert.Equal("formatDate", Fails("87\\04002\\00\\0AAPL\\0STK\\0\\0\\0\\0\\0SMART\\0\\0USD\\0\\0\\00\\01\\0TRADES\\0iso\\0", 176, ClientToServer).Field);
    }

    [Fact]
    public void Historical_data_end_before_196_is_not_a_text_message()
    {
        // Below 196 id 108 does not exist; the codec still decodes it (decoders accept every id), but cannot encode it.
        Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.EncodeToArray(new IBApi.protobuf.HistoricalDataEnd { ReqId = 1 }, 176, ServerToClient));
    }
}
