using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Accounts;

/// <summary>Malformed account frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class AccountHostileTests
{
    private const int Version = 173;

    private static ProtocolException Reject(string notation, int version = Version, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void Truncated_position_names_the_missing_field()
    {
        var full = AccountVectors.PositionAapl;
        Assert.Equal("avgCost", Reject(full[..full.LastIndexOf("201.88", StringComparison.Ordinal)]).Field);
    }

    [Fact]
    public void Position_cut_inside_a_field_is_truncated()
    {
        var payload = Wire.Payload(AccountVectors.PositionAapl);
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, payload.Length - 1), Version, ServerToClient));
        Assert.Equal("avgCost", ex.Field);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Non_number_average_cost_is_rejected()
    {
        var ex = Reject(AccountVectors.PositionAapl.Replace("201.8829709", "lots", StringComparison.Ordinal));
        Assert.Equal("avgCost", ex.Field);
        Assert.Equal(IncomingIds.Position, ex.MessageId);
    }

    [Fact]
    public void Non_number_summary_request_id_is_rejected() =>
        Assert.Equal("reqId", Reject(AccountVectors.AccountSummaryNet.Replace("9000", "9k", StringComparison.Ordinal)).Field);

    [Fact]
    public void Non_number_cancel_pnl_request_id_is_rejected() =>
        Assert.Equal("reqId", Reject(@"93\0x\0", Version, ClientToServer).Field);

    [Fact]
    public void Trailing_field_with_content_is_rejected() =>
        Assert.Equal("(trailing)", Reject(AccountVectors.PositionEnd + @"surprise\0").Field);
}
