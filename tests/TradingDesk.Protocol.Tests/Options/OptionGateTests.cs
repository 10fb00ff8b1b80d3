using System.Text;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>Each server-version gate of the option layouts: the field appears exactly at its gate, and not before.</summary>
public sealed class OptionGateTests
{
    private static string Fields(byte[] frame) => Encoding.UTF8.GetString(frame, 4, frame.Length - 4).Replace("\0", "|");

    private static TickOptionComputation Computation() => new()
    {
        ReqId = 7, TickType = 13, TickAttrib = 1, ImpliedVol = 0.2, Delta = 0.4, OptPrice = 3, PvDividend = 0,
        Gamma = 0.01, Vega = 0.2, Theta = -0.1, UndPrice = 100,
    };

    [Fact]
    public void TickOptionComputation_drops_the_version_and_gains_tickAttrib_at_156()
    {
        Assert.Equal("21|6|7|13|0.2|0.4|3|0|0.01|0.2|-0.1|100|", Fields(TextFrame(Computation(), 155, ServerToClient)));
        Assert.Equal("21|7|13|1|0.2|0.4|3|0|0.01|0.2|-0.1|100|", Fields(TextFrame(Computation(), 156, ServerToClient)));
    }

    [Fact]
    public void TickOptionComputation_decodes_the_same_bytes_differently_either_side_of_156()
    {
        // Both layouts have eleven fields: only the negotiated version tells "6" (version) from a reqId.
        const string frame = @"21\06\07\013\00.2\00.4\03\00\00.01\00.2\0-0.1\0100\0";
        var old = CodecAssert_Decode(frame, 155);
        Assert.Equal(7, old.ReqId);
        Assert.Equal(13, old.TickType);
        Assert.False(old.HasTickAttrib);
        var shifted = CodecAssert_Decode(frame, 156);
        Assert.Equal(6, shifted.ReqId);
        Assert.Equal(7, shifted.TickType);
        Assert.Equal(13, shifted.TickAttrib);
    }

    private static TickOptionComputation CodecAssert_Decode(string notation, int version) =>
        Support.CodecAssert.DecodeText<TickOptionComputation>(notation, version, ServerToClient);

    private static ExerciseOptionsRequest Exercise() => new()
    {
        OrderId = 1, Contract = new Contract { ConId = 2, Symbol = "SPY" }, ExerciseAction = 1, ExerciseQuantity = 1,
        Account = "DU1", Override = false,
    };

    [Theory]
    [InlineData(179, "")]
    [InlineData(180, "|")]
    [InlineData(182, "|")]
    [InlineData(183, "||")]
    [InlineData(184, "|||")]
    public void ExerciseOptions_grows_one_field_at_each_gate(int version, string tail)
    {
        Assert.Equal("21|2|1|2|SPY||||||||||1|1|DU1|0|" + tail, Fields(TextFrame(Exercise(), version, ClientToServer)));
    }

    [Fact]
    public void ExerciseOptions_refuses_a_later_field_below_its_gate()
    {
        var withTime = Exercise();
        withTime.ManualOrderTime = "20261203-10:00:00";
        Assert.Throws<ProtocolException>(() => TextFrame(withTime, 179, ClientToServer));
        Assert.Contains("20261203-10:00:00", Fields(TextFrame(withTime, 180, ClientToServer)));

        var withCustomer = Exercise();
        withCustomer.CustomerAccount = "C1";
        Assert.Throws<ProtocolException>(() => TextFrame(withCustomer, 182, ClientToServer));
        Assert.EndsWith("|C1|", Fields(TextFrame(withCustomer, 183, ClientToServer)));

        var professional = Exercise();
        professional.ProfessionalCustomer = true;
        Assert.Throws<ProtocolException>(() => TextFrame(professional, 183, ClientToServer));
        Assert.EndsWith("|1|", Fields(TextFrame(professional, 184, ClientToServer)));
    }

    [Fact]
    public void Option_chain_request_needs_server_104()
    {
        var request = new SecDefOptParamsRequest { ReqId = 1, UnderlyingSymbol = "AAPL" };
        Assert.Throws<ProtocolException>(() => TextFrame(request, 103, ClientToServer));
        Assert.Equal("78|1|AAPL||||", Fields(TextFrame(request, 104, ClientToServer)));
    }

    [Theory]
    [InlineData(210, WireEncoding.Text, WireEncoding.Text)]
    [InlineData(211, WireEncoding.Protobuf, WireEncoding.Text)]
    [InlineData(212, WireEncoding.Protobuf, WireEncoding.Protobuf)]
    public void Requests_switch_to_protobuf_at_their_gates(int version, WireEncoding calculators, WireEncoding chain)
    {
        var codec = TwsCodec.Default;
        Assert.Equal(calculators, codec.PreferredEncoding(new CalculateImpliedVolatilityRequest(), version, ClientToServer));
        Assert.Equal(calculators, codec.PreferredEncoding(new CalculateOptionPriceRequest(), version, ClientToServer));
        Assert.Equal(calculators, codec.PreferredEncoding(new CancelCalculateImpliedVolatility(), version, ClientToServer));
        Assert.Equal(calculators, codec.PreferredEncoding(new CancelCalculateOptionPrice(), version, ClientToServer));
        Assert.Equal(calculators, codec.PreferredEncoding(new ExerciseOptionsRequest(), version, ClientToServer));
        Assert.Equal(chain, codec.PreferredEncoding(new SecDefOptParamsRequest(), version, ClientToServer));
        Assert.Equal(chain, codec.PreferredEncoding(new SecDefOptParameter(), version, ServerToClient));
        Assert.Equal(chain, codec.PreferredEncoding(new SecDefOptParameterEnd(), version, ServerToClient));
    }

    [Fact]
    public void TickOptionComputation_switches_with_market_data_at_206()
    {
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new TickOptionComputation(), 205, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new TickOptionComputation(), 206, ServerToClient));
    }
}
