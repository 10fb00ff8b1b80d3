using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Executions;

/// <summary>execDetails and commissionReport frames of the RS2 v2-stable fixtures decode to the listed values.</summary>
public sealed class ExecutionVectorTests
{
    // The fixture's server version was not recorded. Its last field is an empty pendingPriceRevision and no
    // submitter follows, which is exactly what IBPY reads for 178 (PENDING_PRICE_REVISION) ≤ v < 198 (SUBMITTER).
    private const int FixtureVersion = 187;

    [Fact]
    public void ExecDetails_decodes()
    {
        var m = CodecAssert.DecodeText<ExecutionDetails>(ExecutionVectors.ExecDetails, FixtureVersion, ServerToClient);
        Assert.Equal(-1, m.ReqId); // unsolicited fill
        var c = m.Contract;
        Assert.Equal(76792991, c.ConId);
        Assert.Equal("TSLA", c.Symbol);
        Assert.Equal("STK", c.SecType);
        Assert.False(c.HasLastTradeDateOrContractMonth);
        Assert.Equal(0.0, c.Strike);
        Assert.False(c.HasRight);
        Assert.False(c.HasMultiplier);
        Assert.Equal("ISLAND", c.Exchange);
        Assert.Equal("USD", c.Currency);
        Assert.Equal("TSLA", c.LocalSymbol);
        Assert.Equal("NMS", c.TradingClass);
        var e = m.Execution;
        Assert.Equal(13, e.OrderId);
        Assert.Equal("00025b46.63f8f39c.01.01", e.ExecId);
        Assert.Equal("20230224  12:04:56", e.Time); // two spaces, verbatim
        Assert.Equal("DU1234567", e.AcctNumber);
        Assert.Equal("ISLAND", e.Exchange);
        Assert.Equal("BOT", e.Side);
        Assert.Equal("100", e.Shares);
        Assert.Equal(196.52, e.Price);
        Assert.Equal(1376327563L, e.PermId);
        Assert.Equal(100, e.ClientId);
        Assert.False(e.IsLiquidation);
        Assert.True(e.HasIsLiquidation);
        Assert.Equal("100", e.CumQty);
        Assert.Equal(196.52, e.AvgPrice);
        Assert.False(e.HasOrderRef);
        Assert.False(e.HasEvRule);
        Assert.False(e.HasEvMultiplier);
        Assert.False(e.HasModelCode);
        Assert.Equal(2, e.LastLiquidity);
        Assert.False(e.HasIsPriceRevisionPending);
        Assert.False(e.HasSubmitter);
    }

    [Fact]
    public void ExecDetails_fixture_is_one_field_short_from_198()
    {
        // From SUBMITTER (198) IBPY reads one more field, which the fixture lacks: the frame is truncated there.
        var ex = Assert.Throws<ProtocolException>(() =>
            TwsCodec.Default.Decode(Wire.Payload(ExecutionVectors.ExecDetails), 198, ServerToClient));
        Assert.Equal("submitter", ex.Field);
    }

    [Fact]
    public void CommissionReport_decodes_with_unset_sentinels()
    {
        var m = CodecAssert.DecodeText<CommissionAndFeesReport>(ExecutionVectors.CommissionReport, FixtureVersion, ServerToClient);
        Assert.Equal("00025b46.63f8f39c.01.01", m.ExecId);
        Assert.Equal(1.0, m.CommissionAndFees);
        Assert.Equal("USD", m.Currency);
        Assert.False(m.HasRealizedPNL); // 1.7976931348623157E308
        Assert.False(m.HasBondYield);   // 1.7976931348623157E308
        Assert.False(m.HasYieldRedemptionDate);
    }

    [Fact]
    public void ReqExecutions_is_protobuf_from_201_and_so_are_its_replies()
    {
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new ExecutionRequest(), 200, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new ExecutionRequest(), 201, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new ExecutionDetails(), 201, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new CommissionAndFeesReport(), 201, ServerToClient));
    }

    [Fact]
    public void ReqExecutions_text_layouts_before_and_from_200()
    {
        var m = new ExecutionRequest
        {
            ReqId = 7,
            ExecutionFilter = new ExecutionFilter { ClientId = 0, AcctCode = "DU1", Symbol = "AAPL", Side = "BUY" },
        };
        Assert.Equal(Wire.Frame(Wire.Payload(@"7\03\07\00\0DU1\0\0AAPL\0\0\0BUY\0")),
            TwsCodec.Default.EncodeToArray(m, 199, ClientToServer));
        m.ExecutionFilter.SpecificDates.Add(20250101);
        m.ExecutionFilter.SpecificDates.Add(20250102);
        // An unset lastNDays goes out as IB's literal UNSET_INTEGER, as IBPY's make_field writes it.
        Assert.Equal(Wire.Frame(Wire.Payload(@"7\03\07\00\0DU1\0\0AAPL\0\0\0BUY\02147483647\02\020250101\020250102\0")),
            TwsCodec.Default.EncodeToArray(m, 200, ClientToServer));
    }
}
