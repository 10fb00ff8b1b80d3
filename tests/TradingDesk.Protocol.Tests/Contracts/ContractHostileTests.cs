using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Contracts;

/// <summary>Malformed contract frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class ContractHostileTests
{
    private const int Version = 176;

    private static ProtocolException Reject(string notation, int version = Version, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void Truncated_contract_data_names_the_missing_field()
    {
        // Cut after marketRuleIds: realExpirationDate and what follows are missing.
        var full = ContractVectors.ContractDataTsla;
        var cut = full[..(full.IndexOf(@"26\0", StringComparison.Ordinal) + 4)];
        var ex = Reject(cut);
        Assert.Equal("realExpirationDate", ex.Field);
        Assert.Equal(IncomingIds.ContractData, ex.MessageId);
    }

    [Fact]
    public void Contract_data_cut_inside_a_field_is_truncated()
    {
        var payload = Wire.Payload(ContractVectors.ContractDataEs);
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, 40), Version, ServerToClient));
        Assert.Contains("truncated", ex.Message);
        Assert.Equal("lastTradeDateOrContractMonth", ex.Field);
    }

    [Fact]
    public void Non_number_con_id_is_rejected()
    {
        var bad = ContractVectors.ContractDataTsla.Replace(@"\076792991\0", @"\0TSLA-ID\0", StringComparison.Ordinal);
        var ex = Reject(bad);
        Assert.Equal("conId", ex.Field);
        Assert.Contains("not an integer", ex.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10000")]
    [InlineData("2147483647")]
    [InlineData("x")]
    public void Hostile_sec_id_list_count_is_rejected(string count)
    {
        var bad = ContractVectors.ContractDataTsla.Replace(@"\01\0ISIN\0", @"\0" + count + @"\0ISIN\0", StringComparison.Ordinal);
        Assert.Equal("secIdListCount", Reject(bad).Field);
    }

    [Fact]
    public void Hostile_ineligibility_reason_count_is_rejected_from_186()
    {
        // At 186 the frame also carries lastTradeDate (≥182) after lastTradeDateOrContractMonth, and the count
        // takes the place of the fixture's stray trailing empty field.
        var tsla = ContractVectors.ContractDataTsla.Replace(@"STK\0\0", @"STK\0\0\0", StringComparison.Ordinal);
        var bad = tsla[..^2] + @"99999\0";
        Assert.Equal("ineligibilityReasonCount", Reject(bad, ServerVersions.IneligibilityReasons).Field);
    }

    [Fact]
    public void Non_number_request_id_of_a_request_is_rejected()
    {
        var bad = ContractVectors.ReqContractDetails.Replace(@"9\08\09000", @"9\08\0nine", StringComparison.Ordinal);
        Assert.Equal("reqId", Reject(bad, 164, ClientToServer).Field);
    }

    [Fact]
    public void Garbage_protobuf_contract_data_is_a_protocol_exception()
    {
        var frame = Wire.Concat(Wire.Hex("00 00 00 D2"), [0x12, 0xFF, 0xFF, 0x01]); // id 210 = 10 + 200, a length past the end
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(frame, 205, ServerToClient));
    }
}
