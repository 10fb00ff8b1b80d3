using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>Malformed option frames give a ProtocolException that names the field, never another exception.</summary>
public sealed class OptionHostileTests
{
    private const int Version = 176;

    [Theory]
    [InlineData("99999999")]
    [InlineData("2147483647")]
    [InlineData("-1")]
    public void Hostile_expiration_count_is_rejected_before_allocating(string count)
    {
        var frame = OptionVectors.SecDefOptParameter.Replace(@"\02\020261218", $@"\0{count}\020261218", StringComparison.Ordinal);
        Assert.Equal("expCount", Reject(frame, Version).Field);
    }

    [Fact]
    public void Hostile_strike_count_is_rejected() =>
        Assert.Equal("strikeCount", Reject(@"75\01\0SMART\01\0X\0100\00\0123456789\0", Version).Field);

    [Fact]
    public void Strike_list_shorter_than_its_count_is_truncated()
    {
        var ex = Reject(@"75\01\0SMART\01\0X\0100\00\03\0180\0190\0", Version);
        Assert.Equal("strike", ex.Field);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void Non_number_greek_is_rejected()
    {
        var ex = Reject(OptionVectors.OptionComputation176.Replace("0.02", "gamma!", StringComparison.Ordinal), Version);
        Assert.Equal("gamma", ex.Field);
        Assert.Equal(IncomingIds.TickOptionComputation, ex.MessageId);
    }

    [Fact]
    public void Truncated_computation_names_the_missing_field()
    {
        var full = OptionVectors.OptionComputation176;
        Assert.Equal("undPrice", Reject(full[..full.LastIndexOf("190.5", StringComparison.Ordinal)], Version).Field);
    }

    [Fact]
    public void Bad_option_list_in_a_calculator_request_is_rejected() =>
        Assert.Equal("optPrcOptions",
            Reject(OptionVectors.CalcOptionPrice.Replace("xyz=1;", "novalue;", StringComparison.Ordinal), Version, ClientToServer).Field);

    [Fact]
    public void Non_boolean_override_is_rejected() =>
        Assert.Equal("override", Reject(OptionVectors.Exercise176.Replace(@"DU123\00\0", @"DU123\0maybe\0", StringComparison.Ordinal), Version, ClientToServer).Field);

    [Fact]
    public void Trailing_content_after_delta_neutral_validation_is_rejected() =>
        Assert.Equal("(trailing)", Reject(OptionVectors.DeltaNeutralValidation + @"extra\0", Version).Field);

    [Fact]
    public void Every_truncation_of_every_option_vector_is_rejected()
    {
        foreach (var (frame, direction) in new[]
                 {
                     (OptionVectors.CalcImpliedVol, ClientToServer), (OptionVectors.CalcOptionPrice, ClientToServer),
                     (OptionVectors.CancelCalcImpliedVol, ClientToServer), (OptionVectors.Exercise176, ClientToServer),
                     (OptionVectors.ReqSecDefOptParams, ClientToServer), (OptionVectors.SecDefOptParameter, ServerToClient),
                     (OptionVectors.SecDefOptParameterEnd, ServerToClient), (OptionVectors.OptionComputation176, ServerToClient),
                     (OptionVectors.TickEfp, ServerToClient), (OptionVectors.DeltaNeutralValidation, ServerToClient),
                 })
            EveryTruncationIsRejected(frame, Version, direction);
        EveryTruncationIsRejected(OptionVectors.Exercise184, 184, ClientToServer);
        EveryTruncationIsRejected(OptionVectors.OptionComputation150, 150, ServerToClient);
    }
}
