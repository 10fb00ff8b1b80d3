using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Executions;

/// <summary>Malformed execution frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class ExecutionHostileTests
{
    private const int Version = 187;

    private static ProtocolException Reject(string notation, int version = Version, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void Truncated_exec_details_names_the_missing_field()
    {
        var full = ExecutionVectors.ExecDetails;
        var cut = full[..(full.IndexOf("BOT", StringComparison.Ordinal) + 5)]; // ends after side
        Assert.Equal("shares", Reject(cut).Field);
    }

    [Fact]
    public void Non_number_price_is_rejected()
    {
        var bad = ExecutionVectors.ExecDetails.Replace(@"\0100\0196.52\0", @"\0100\0cheap\0", StringComparison.Ordinal);
        var ex = Reject(bad);
        Assert.Equal("price", ex.Field);
        Assert.Equal(IncomingIds.ExecutionData, ex.MessageId);
    }

    [Fact]
    public void Non_number_commission_is_rejected() =>
        Assert.Equal("commission", Reject(ExecutionVectors.CommissionReport.Replace(@"\01.0\0", @"\0one\0", StringComparison.Ordinal)).Field);

    [Theory]
    [InlineData("-5")]
    [InlineData("10000")]
    public void Hostile_specific_dates_count_is_rejected(string count) =>
        Assert.Equal("specificDatesCount",
            Reject(@"7\03\01\00\0\0\0\0\0\0\0\02147483647\0" + count + @"\0", ServerVersions.ParametrizedDaysOfExecutions, ClientToServer).Field);

    [Fact]
    public void Truncated_request_names_the_missing_field() =>
        Assert.Equal("lastNDays", Reject(@"7\03\01\00\0\0\0\0\0\0\0", ServerVersions.ParametrizedDaysOfExecutions, ClientToServer).Field);
}
