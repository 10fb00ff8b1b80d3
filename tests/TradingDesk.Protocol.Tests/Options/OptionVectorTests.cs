using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Options;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>The constructed option frames decode to the listed values and re-encode to the same bytes.</summary>
public sealed class OptionVectorTests
{
    private const int TextVersion = 176;

    [Fact]
    public void CalculateImpliedVolatility_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<CalculateImpliedVolatilityRequest>(OptionVectors.CalcImpliedVol, TextVersion, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal(0, m.Contract.ConId);
        Assert.Equal("AAPL", m.Contract.Symbol);
        Assert.Equal("OPT", m.Contract.SecType);
        Assert.Equal("20261218", m.Contract.LastTradeDateOrContractMonth);
        Assert.Equal(200.0, m.Contract.Strike);
        Assert.Equal("C", m.Contract.Right);
        Assert.Equal(100.0, m.Contract.Multiplier);
        Assert.Equal("SMART", m.Contract.Exchange);
        Assert.False(m.Contract.HasPrimaryExch);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.False(m.Contract.HasTradingClass);
        Assert.Equal(5.25, m.OptionPrice);
        Assert.Equal(190.5, m.UnderPrice);
        Assert.Empty(m.ImpliedVolatilityOptions);
    }

    [Fact]
    public void CalculateOptionPrice_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<CalculateOptionPriceRequest>(OptionVectors.CalcOptionPrice, TextVersion, ClientToServer);
        Assert.Equal(9002, m.ReqId);
        Assert.Equal(0.3, m.Volatility);
        Assert.Equal(190.5, m.UnderPrice);
        Assert.Equal("1", m.OptionPriceOptions["xyz"]);
        Assert.Equal(200.0, m.Contract.Strike);
    }

    [Fact]
    public void Calculator_cancels_decode_and_reencode()
    {
        Assert.Equal(9001, DecodeAndReencode<CancelCalculateImpliedVolatility>(OptionVectors.CancelCalcImpliedVol, TextVersion, ClientToServer).ReqId);
        Assert.Equal(9002, DecodeAndReencode<CancelCalculateOptionPrice>(OptionVectors.CancelCalcOptionPrice, TextVersion, ClientToServer).ReqId);
    }

    [Fact]
    public void ExerciseOptions_at_176_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<ExerciseOptionsRequest>(OptionVectors.Exercise176, TextVersion, ClientToServer);
        Assert.Equal(77, m.OrderId);
        Assert.Equal(456, m.Contract.ConId);
        Assert.Equal("SPY", m.Contract.Symbol);
        Assert.Equal(500.0, m.Contract.Strike);
        Assert.Equal("P", m.Contract.Right);
        Assert.Equal(100.0, m.Contract.Multiplier);
        Assert.Equal("CBOE", m.Contract.Exchange);
        Assert.False(m.Contract.HasPrimaryExch);
        Assert.Equal("SPY  261218P00500000", m.Contract.LocalSymbol);
        Assert.Equal("SPY", m.Contract.TradingClass);
        Assert.Equal(1, m.ExerciseAction);
        Assert.Equal(3, m.ExerciseQuantity);
        Assert.Equal("DU123", m.Account);
        Assert.True(m.HasOverride);
        Assert.False(m.Override);
        Assert.False(m.HasManualOrderTime);
        Assert.False(m.HasCustomerAccount);
        Assert.False(m.HasProfessionalCustomer);
    }

    [Fact]
    public void ExerciseOptions_at_184_carries_the_three_later_fields()
    {
        var m = DecodeAndReencode<ExerciseOptionsRequest>(OptionVectors.Exercise184, 184, ClientToServer);
        Assert.Equal("20261203-14:00:00", m.ManualOrderTime);
        Assert.Equal("CUST1", m.CustomerAccount);
        Assert.True(m.ProfessionalCustomer);
        Assert.Equal("DU123", m.Account);
    }

    [Fact]
    public void ReqSecDefOptParams_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<SecDefOptParamsRequest>(OptionVectors.ReqSecDefOptParams, TextVersion, ClientToServer);
        Assert.Equal(9003, m.ReqId);
        Assert.Equal("AAPL", m.UnderlyingSymbol);
        Assert.False(m.HasFutFopExchange);
        Assert.Equal("STK", m.UnderlyingSecType);
        Assert.Equal(265598, m.UnderlyingConId);
    }

    [Fact]
    public void SecurityDefinitionOptionParameter_decodes_both_lists_in_order()
    {
        var m = DecodeAndReencode<SecDefOptParameter>(OptionVectors.SecDefOptParameter, TextVersion, ServerToClient);
        Assert.Equal(9003, m.ReqId);
        Assert.Equal("SMART", m.Exchange);
        Assert.Equal(265598, m.UnderlyingConId);
        Assert.Equal("AAPL", m.TradingClass);
        Assert.Equal("100", m.Multiplier);
        Assert.Equal(["20261218", "20270115"], m.Expirations);
        Assert.Equal([180.0, 190.0, 200.5], m.Strikes);
        Assert.Equal(9003, DecodeAndReencode<SecDefOptParameterEnd>(OptionVectors.SecDefOptParameterEnd, TextVersion, ServerToClient).ReqId);
    }

    [Fact]
    public void TickEfp_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<TickEFP>(OptionVectors.TickEfp, TextVersion, ServerToClient);
        Assert.Equal(9005, m.ReqId);
        Assert.Equal(38, m.TickType);
        Assert.Equal(12.5, m.BasisPoints);
        Assert.Equal("12.50", m.FormattedBasisPoints);
        Assert.Equal(101.25, m.ImpliedFuturesPrice);
        Assert.Equal(30, m.HoldDays);
        Assert.Equal("20261218", m.FutureLastTradeDate);
        Assert.Equal(0.5, m.DividendImpact);
        Assert.Equal(1.25, m.DividendsToLastTradeDate);
    }

    [Fact]
    public void DeltaNeutralValidation_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<DeltaNeutralValidation>(OptionVectors.DeltaNeutralValidation, TextVersion, ServerToClient);
        Assert.Equal(9006, m.ReqId);
        Assert.Equal(265598, m.ConId);
        Assert.Equal(0.55, m.Delta);
        Assert.Equal(190.25, m.Price);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(213)]
    [InlineData(225)]
    public void Text_only_ticks_stay_text_behind_a_binary_id(int version)
    {
        var efp = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(OptionVectors.TickEfp), version, ServerToClient);
        Assert.Equal(WireEncoding.Text, efp.Encoding);
        Assert.Equal(9005, Assert.IsType<TickEFP>(efp.Message).ReqId);
        var dn = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(OptionVectors.DeltaNeutralValidation), version, ServerToClient);
        Assert.Equal(0.55, Assert.IsType<DeltaNeutralValidation>(dn.Message).Delta);

        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new TickEFP(), version, ServerToClient));
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new DeltaNeutralValidation(), version, ServerToClient));
        var frame = TwsCodec.Default.EncodeToArray(Assert.IsType<TickEFP>(efp.Message), version, ServerToClient);
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(OptionVectors.TickEfp)), frame);
    }
}
