using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Options;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>The constructed tickOptionComputation frames of every layout decode to the listed values and re-encode to the same bytes.</summary>
public sealed class OptionComputationVectorTests
{
    private const int TextVersion = 176;

    [Fact]
    public void TickOptionComputation_from_156_has_tickAttrib_and_no_version()
    {
        var m = DecodeAndReencode<TickOptionComputation>(OptionVectors.OptionComputation176, TextVersion, ServerToClient);
        Assert.Equal(9004, m.ReqId);
        Assert.Equal(13, m.TickType);
        Assert.Equal(1, m.TickAttrib);
        Assert.Equal(0.25, m.ImpliedVol);
        Assert.Equal(0.5, m.Delta);
        Assert.Equal(5.1, m.OptPrice);
        Assert.Equal(0.0, m.PvDividend);
        Assert.Equal(0.02, m.Gamma);
        Assert.Equal(0.1, m.Vega);
        Assert.Equal(-0.05, m.Theta);
        Assert.Equal(190.5, m.UndPrice);
    }

    [Fact]
    public void TickOptionComputation_below_156_has_a_version_and_no_tickAttrib()
    {
        var m = DecodeAndReencode<TickOptionComputation>(OptionVectors.OptionComputation150, 150, ServerToClient);
        Assert.Equal(9004, m.ReqId);
        Assert.Equal(13, m.TickType);
        Assert.False(m.HasTickAttrib);
        Assert.Equal(0.25, m.ImpliedVol);
        Assert.Equal(190.5, m.UndPrice);
    }

    [Fact]
    public void TickOptionComputation_version_5_carries_prices_only_for_model_ticks()
    {
        var bid = CodecAssert.DecodeText<TickOptionComputation>(OptionVectors.OptionComputationV5Bid, 150, ServerToClient);
        Assert.Equal(10, bid.TickType);
        Assert.Equal(0.25, bid.ImpliedVol);
        Assert.Equal(0.5, bid.Delta);
        Assert.False(bid.HasOptPrice);
        Assert.False(bid.HasGamma);
        Assert.False(bid.HasUndPrice);

        var model = CodecAssert.DecodeText<TickOptionComputation>(OptionVectors.OptionComputationV5Model, 150, ServerToClient);
        Assert.Equal(5.1, model.OptPrice);
        Assert.Equal(0.0, model.PvDividend);
        Assert.False(model.HasGamma);
        Assert.False(model.HasUndPrice);
    }

    [Theory]
    [InlineData(10, false)] // BID_OPTION_COMPUTATION
    [InlineData(11, false)] // ASK_OPTION_COMPUTATION
    [InlineData(12, false)] // LAST_OPTION_COMPUTATION
    [InlineData(13, true)]  // MODEL_OPTION
    [InlineData(53, false)] // CUST_OPTION_COMPUTATION
    [InlineData(80, false)] // DELAYED_BID_OPTION
    [InlineData(81, false)] // DELAYED_ASK_OPTION
    [InlineData(82, false)] // DELAYED_LAST_OPTION
    [InlineData(83, true)]  // DELAYED_MODEL_OPTION
    public void Below_version_6_only_model_ticks_carry_optPrice_and_pvDividend(int tickType, bool model)
    {
        var frame = model ? $@"21\05\01\0{tickType}\00.2\00.4\03\00.1\0" : $@"21\05\01\0{tickType}\00.2\00.4\0";
        var m = Support.CodecAssert.DecodeText<TickOptionComputation>(frame, 150, ServerToClient);
        Assert.Equal(tickType, m.TickType);
        Assert.Equal(model, m.HasOptPrice);
        Assert.Equal(model, m.HasPvDividend);
        Assert.False(m.HasGamma);
        // Re-encoded, every tick type gets version 6 and the full layout, so nothing is lost going forward.
        var again = Support.CodecAssert.DecodeText<TickOptionComputation>(
            System.Text.Encoding.UTF8.GetString(TextFrame(m, 150, ServerToClient)[4..]).Replace("\0", "\\0"), 150, ServerToClient);
        Assert.Equal(m, again);
    }

    [Fact]
    public void Literal_unset_double_reads_as_not_set()
    {
        // TWS writes UNSET_DOUBLE literally in many replies; here it stands for an unknown underlying price.
        var m = Support.CodecAssert.DecodeText<TickOptionComputation>(
            @"21\09004\012\00\00.25\00.5\05.1\00\00.02\00.1\0-0.05\01.7976931348623157E308\0", TextVersion, ServerToClient);
        Assert.False(m.HasUndPrice);
        Assert.Null(OptionComputationValues.UndPrice(m));
        Assert.Equal(5.1, OptionComputationValues.OptPrice(m));
    }

    [Fact]
    public void TickOptionComputation_keeps_the_not_computed_sentinels_and_the_accessors_hide_them()
    {
        var m = DecodeAndReencode<TickOptionComputation>(OptionVectors.OptionComputationNotComputed, TextVersion, ServerToClient);
        Assert.Equal(-1.0, m.ImpliedVol);
        Assert.Equal(-2.0, m.Delta);
        Assert.Equal(-1.0, m.OptPrice);
        Assert.Equal(-1.0, m.UndPrice);
        Assert.Null(OptionComputationValues.ImpliedVol(m));
        Assert.Null(OptionComputationValues.Delta(m));
        Assert.Null(OptionComputationValues.OptPrice(m));
        Assert.Null(OptionComputationValues.PvDividend(m));
        Assert.Null(OptionComputationValues.Gamma(m));
        Assert.Null(OptionComputationValues.Vega(m));
        Assert.Null(OptionComputationValues.Theta(m));
        Assert.Null(OptionComputationValues.UndPrice(m));

        // The same sentinels in a protobuf frame stay values too: IB's protobuf handler maps them after parsing.
        var proto = CodecAssert.RoundTrip(m, 213, ServerToClient, WireEncoding.Protobuf);
        Assert.Equal(-2.0, ((TickOptionComputation)proto.Message!).Gamma);

        var computed = CodecAssert.DecodeText<TickOptionComputation>(OptionVectors.OptionComputation176, TextVersion, ServerToClient);
        Assert.Equal(0.25, OptionComputationValues.ImpliedVol(computed));
        Assert.Equal(-0.05, OptionComputationValues.Theta(computed));
        Assert.Equal(0.0, OptionComputationValues.PvDividend(computed));
    }
}
