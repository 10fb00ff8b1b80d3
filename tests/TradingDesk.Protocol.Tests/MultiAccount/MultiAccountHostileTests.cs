using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MultiAccount;

/// <summary>Malformed multi-account frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class MultiAccountHostileTests
{
    private const int Version = 176;

    private static ProtocolException Reject(string notation, Direction direction = ServerToClient, int version = Version) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    [Fact]
    public void PositionMulti_without_its_model_code_names_the_missing_field()
    {
        var full = MultiAccountVectors.PositionMultiAapl;
        Assert.Equal("modelCode", Reject(full[..full.LastIndexOf("Model1", StringComparison.Ordinal)]).Field);
    }

    [Fact]
    public void PositionMulti_cut_inside_a_field_is_truncated()
    {
        var payload = Wire.Payload(MultiAccountVectors.PositionMultiAapl);
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, payload.Length - 1), Version, ServerToClient));
        Assert.Equal("modelCode", ex.Field);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Every_truncation_of_every_vector_is_a_protocol_exception()
    {
        foreach (var (notation, direction) in new[]
                 {
                     (MultiAccountVectors.ReqPositionsMulti, ClientToServer), (MultiAccountVectors.CancelPositionsMulti, ClientToServer),
                     (MultiAccountVectors.PositionMultiAapl, ServerToClient), (MultiAccountVectors.PositionMultiEnd, ServerToClient),
                     (MultiAccountVectors.ReqAccountUpdatesMulti, ClientToServer), (MultiAccountVectors.AccountUpdateMulti, ServerToClient),
                 })
        {
            var payload = Wire.Payload(notation);
            var idLength = Array.IndexOf(payload, (byte)0) + 1;
            for (var cut = idLength; cut < payload.Length; cut++)
            {
                var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(payload.AsSpan(0, cut), Version, direction));
                Assert.NotNull(ex.Field);
            }
        }
    }

    [Fact]
    public void Non_number_average_cost_is_rejected()
    {
        var ex = Reject(MultiAccountVectors.PositionMultiAapl.Replace("201.8829709", "lots", StringComparison.Ordinal));
        Assert.Equal("avgCost", ex.Field);
        Assert.Equal(IncomingIds.PositionMulti, ex.MessageId);
    }

    [Fact]
    public void Non_number_request_ids_are_rejected()
    {
        Assert.Equal("reqId", Reject(@"72\01\0x\0").Field);
        Assert.Equal("reqId", Reject(@"77\01\09k\0", ClientToServer).Field);
        Assert.Equal("reqId", Reject(MultiAccountVectors.AccountUpdateMulti.Replace("9002", "9O02", StringComparison.Ordinal)).Field);
    }

    [Fact]
    public void A_ledger_flag_that_is_not_a_boolean_is_rejected() =>
        Assert.Equal("ledgerAndNLV", Reject(@"76\01\09002\0DU1234567\0\0yes\0", ClientToServer).Field);

    [Fact]
    public void Trailing_field_with_content_is_rejected() =>
        Assert.Equal("(trailing)", Reject(MultiAccountVectors.AccountUpdateMultiEnd + @"surprise\0").Field);
}
