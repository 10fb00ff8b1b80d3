using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Tests.Wsh.WshVectors;

namespace TradingDesk.Protocol.Tests.Wsh;

/// <summary>Malformed Wall Street Horizon frames give a ProtocolException naming the field, nothing else.</summary>
public sealed class WshHostileTests
{
    private static readonly TwsCodec Codec = TwsCodec.Default;

    [Fact]
    public void Hostile_frames_name_the_field()
    {
        ProtocolException Fails(string notation, int version, Direction direction) =>
            Assert.Throws<ProtocolException>(() => Codec.Decode(Wire.Payload(notation), version, direction));

        Assert.Equal("conId", Fails(@"102\01\0AAPL\0", 170, ClientToServer).Field);
        Assert.Equal("fillWatchlist", Fails(@"102\01\02\0\0yes\00\00\0", 171, ClientToServer).Field);
        Assert.Equal("totalLimit", Fails(@"102\01\02\0\00\00\00\0\0\0", 173, ClientToServer).Field);
        // A 171 layout sent to a 170 server: the filter is a trailing field with content.
        Assert.Equal("(trailing)", Fails(V.ReqEventDataByFilter172, 170, ClientToServer).Field);
        Assert.Equal("dataJson", Fails(@"104\09010\0{""open", 176, ServerToClient).Field);
        Assert.Equal("reqId", Fails(@"105\0x\0{}\0", 176, ServerToClient).Field);
        foreach (var notation in new[] { V.ReqEventDataByConId173, V.EventData })
        {
            var payload = Wire.Payload(notation);
            var direction = notation.StartsWith("102", StringComparison.Ordinal) ? ClientToServer : ServerToClient;
            for (var cut = 1; cut < payload.Length; cut++)
                Assert.Throws<ProtocolException>(() => Codec.Decode(payload.AsSpan(0, cut), 173, direction));
        }
    }
}
