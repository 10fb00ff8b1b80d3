using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Tests.TickHistory.TickHistoryVectors;

namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>Malformed tick, histogram and schedule frames give a ProtocolException naming the field, nothing else.</summary>
public sealed class TickHistoryHostileTests
{
    private const int Version = 176;

    private static ProtocolException Fails(string notation, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), Version, direction));

    [Theory]
    [InlineData(@"96\01\0{0}\0", "tickCount")]
    [InlineData(@"97\01\0{0}\0", "tickCount")]
    [InlineData(@"98\01\0{0}\0", "tickCount")]
    [InlineData(@"89\01\0{0}\0", "numPoints")]
    [InlineData(@"106\01\0\0\0\0{0}\0", "sessionsCount")]
    public void Hostile_counts_are_refused_before_looping(string template, string field)
    {
        foreach (var count in new[] { "-1", "2147483647", "10000", "many" })
            Assert.Equal(field, Fails(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, count)).Field);
    }

    [Fact]
    public void Announced_ticks_that_never_come_name_the_missing_field()
    {
        // Two ticks announced, one sent, and no done flag: the second tick's time is missing.
        Assert.Equal("time", Fails(@"98\09001\02\01762871400\00\0187.25\0100\0NASDAQ\0\0").Field);
        Assert.Equal("done", Fails(@"96\09003\01\01762871400\00\0187.255\00\0").Field);
        Assert.Equal("session.refDate", Fails(@"106\01\0\0\0\01\0a\0b\0").Field);
    }

    [Fact]
    public void Non_numbers_name_the_field()
    {
        Assert.Equal("mask", Fails(V.HistoricalTicksBidAsk.Replace(@"1762871400\01\0", @"1762871400\0x\0", StringComparison.Ordinal)).Field);
        Assert.Equal("time", Fails(V.HistoricalTicksLast.Replace("1762871401", "later", StringComparison.Ordinal)).Field);
        Assert.Equal("price", Fails(V.HistogramData.Replace("187.5", "high", StringComparison.Ordinal)).Field);
        Assert.Equal("done", Fails(V.HistoricalTicksMidpoint[..^3] + @"maybe\0").Field);
        Assert.Equal("numberOfTicks", Fails(V.ReqHistoricalTicks.Replace(@"\0100\0", @"\0lots\0", StringComparison.Ordinal), ClientToServer).Field);
        Assert.Equal("miscOptions", Fails(V.ReqHistoricalTicksBidAsk.Replace("XYZ=1;", "XYZ", StringComparison.Ordinal), ClientToServer).Field);
    }

    [Fact]
    public void Trailing_field_with_content_is_rejected() =>
        Assert.Equal("(trailing)", Fails(V.CancelHistogramData + @"9\0", ClientToServer).Field);

    [Fact]
    public void Every_truncation_of_the_vectors_yields_only_protocol_exceptions()
    {
        (string Notation, Direction Direction)[] vectors =
        [
            (V.ReqHistoricalTicks, ClientToServer), (V.ReqHistoricalTicksBidAsk, ClientToServer),
            (V.ReqHistogramData, ClientToServer), (V.HistoricalTicksLast, ServerToClient),
            (V.HistoricalTicksBidAsk, ServerToClient), (V.HistoricalTicksMidpoint, ServerToClient),
            (V.HistogramData, ServerToClient), (V.HistoricalSchedule, ServerToClient),
        ];
        foreach (var (notation, direction) in vectors)
        {
            var payload = Wire.Payload(notation);
            var failures = 0;
            for (var cut = 0; cut < payload.Length; cut++)
            {
                try
                {
                    TwsCodec.Default.Decode(payload.AsSpan(0, cut), Version, direction);
                }
                catch (ProtocolException)
                {
                    failures++;
                }
            }
            Assert.True(failures > 0, $"no truncation of {notation} was refused");
        }
    }
}
